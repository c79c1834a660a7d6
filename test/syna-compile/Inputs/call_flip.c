/* Runs the compiled circuit @flip_period2 of examples/flip_circuit.syna (no
   inputs, two scalar states) and prints its final states, one per line
   (c-api.test). */
#include "flip_period2.h"

#include <stdio.h>

int main(void) {
  float x, y;
  if (flip_period2(&x, &y) != 0)
    return 1;
  printf("%.9g\n%.9g\n", x, y);
  return 0;
}
