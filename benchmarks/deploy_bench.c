/* Times the SynaCNN compiled by syna-compile (benchmarks/deploy.py):
 *
 *   deploy_bench IMAGES.f32 COUNT BATCH SECONDS [LOGITS.f32]
 *
 * classifies COUNT images (raw float32 [COUNT, 1, 28, 28]) in batches of
 * BATCH, repeatedly for at least SECONDS, and prints the throughput and the
 * median time of one call; LOGITS.f32 receives the logits of one pass. */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include "synacnn.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: deploy_bench IMAGES.f32 COUNT BATCH SECONDS [LOGITS.f32]\n");
    return 2;
  }
  long count = atol(argv[2]), batch = atol(argv[3]);
  double seconds = atof(argv[4]);
  float *images = malloc(sizeof(float) * 784 * count);
  float *logits = malloc(sizeof(float) * 10 * count);
  FILE *in = fopen(argv[1], "rb");
  if (!in || fread(images, sizeof(float) * 784, count, in) != (size_t)count)
    return 1;
  fclose(in);
  size_t capacity = 1 << 16, calls = 0;
  double *times = malloc(sizeof(double) * capacity);
  long passes = 0;
  double start = now();
  do {
    for (long at = 0; at < count; at += batch) {
      long b = count - at < batch ? count - at : batch;
      double t0 = now();
      if (synacnn(images + at * 784, b, logits + at * 10))
        return 1;
      if (calls < capacity)
        times[calls++] = now() - t0;
    }
    ++passes;
  } while (now() - start < seconds);
  double elapsed = now() - start;
  qsort(times, calls, sizeof(double), compare);
  printf("images_per_s %.1f\nmedian_call_us %.2f\n", passes * count / elapsed,
         1e6 * times[calls / 2]);
  if (argc > 5) {
    FILE *out = fopen(argv[5], "wb");
    if (!out || fwrite(logits, sizeof(float) * 10, count, out) != (size_t)count)
      return 1;
    fclose(out);
  }
  return 0;
}
