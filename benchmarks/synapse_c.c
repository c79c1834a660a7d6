/* The practical limit: one synapse layer, forward, per sample,
 *   y[b,i] = x[b,i] * exp(sum_j log1pf(-beta[i,j] * x[b,j]))
 * as a plain C loop. Built with -O3 -march=native -ffast-math -fopenmp, GCC
 * vectorises the j loop with glibc's libmvec log1pf.
 * Usage: synapse_c N BATCH ITERS  (prints images/s and a checksum) */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void layer(int B, int n, const float *restrict x,
                  const float *restrict beta, float *restrict y) {
#pragma omp parallel for schedule(static)
  for (int b = 0; b < B; ++b)
    for (int i = 0; i < n; ++i) {
      float acc = 0.0f;
#pragma omp simd reduction(+ : acc)
      for (int j = 0; j < n; ++j)
        acc += log1pf(-beta[i * n + j] * x[b * n + j]);
      y[b * n + i] = x[b * n + i] * expf(acc);
    }
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 128;
  int B = argc > 2 ? atoi(argv[2]) : 100;
  int iters = argc > 3 ? atoi(argv[3]) : 1000;
  float *x = malloc(sizeof(float) * B * n), *beta = malloc(sizeof(float) * n * n),
        *y = malloc(sizeof(float) * B * n);
  srand(1);
  for (int k = 0; k < B * n; ++k) x[k] = 0.01f + 0.98f * rand() / (float)RAND_MAX;
  for (int k = 0; k < n * n; ++k) beta[k] = 0.98f * rand() / (float)RAND_MAX;
  layer(B, n, x, beta, y);
  double t0 = now();
  for (int it = 0; it < iters; ++it)
    layer(B, n, x, beta, y);
  double dt = (now() - t0) / iters;
  double sum = 0;
  for (int k = 0; k < B * n; ++k) sum += y[k];
  printf("%.1f images/s (%.4f ms per call, %d threads, checksum %g)\n", B / dt,
         dt * 1e3, omp_get_max_threads(), sum);
  return 0;
}
