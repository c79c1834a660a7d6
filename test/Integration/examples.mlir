// The MNIST examples (examples/mnist_cnn.mlir, examples/mnist_mlp.mlir)
// compile and run; the CNN matches a float64 NumPy forward pass with the
// same parameters.
// REQUIRES: numpy
// RUN: %python %S/Inputs/numeric.py %syna_run %syna_src_root/examples examples | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: all checks passed
