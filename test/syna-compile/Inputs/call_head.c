/* Calls the compiled @head of synapse_head.syna on a fixed batch of 5 and
   prints its results, one per line (c-api.test, aarch64.test). */
#include "head.h"

#include <math.h>
#include <stdio.h>

int main(void) {
  float x[5 * 6], y[5 * 3];
  for (int i = 0; i < 5 * 6; ++i)
    x[i] = (float)sin(0.7 * i + 0.3);
  if (head(x, 5, y) != 0)
    return 1;
  if (head(x, -1, y) != -1) /* a negative batch is refused */
    return 1;
  for (int i = 0; i < 5 * 3; ++i)
    printf("%.9g\n", y[i]);
  return 0;
}
