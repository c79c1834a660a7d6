// REQUIRES: numpy
// Tensors with no elements (a 0-sample batch, a 0-feature layer, a
// convolution with no output or no input channel) compile, run and
// differentiate: every gradient against float64 central differences.
// RUN: syna-run gradcheck %s --graph empty_batch | FileCheck %s
// RUN: syna-run gradcheck %s --graph no_features | FileCheck %s
// RUN: syna-run gradcheck %s --graph no_outputs | FileCheck %s
// RUN: syna-run gradcheck %s --graph no_out_channels | FileCheck %s
// RUN: syna-run gradcheck %s --graph no_in_channels | FileCheck %s
// A batch that arrives empty at run time.
// RUN: %python -c "import numpy, sys; numpy.save(sys.argv[1], numpy.zeros((0, 3), numpy.float32))" %t.npy
// RUN: syna-run run %s --graph dynamic_batch -i %t.npy | FileCheck %s --check-prefix=EMPTY
// EMPTY: result 0: 0x3 float32
// EMPTY-NEXT: []
// CHECK-NOT: FAIL
// CHECK: {{[0-9]+}} passed, 0 failed

func.func @empty_batch(%x: tensor<0x4xf32>, %b: tensor<4x4xf32>) -> tensor<0x4xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<0x4xf32>, tensor<4x4xf32>) -> tensor<0x4xf32>
  return %y : tensor<0x4xf32>
}
func.func @no_features(%x: tensor<64x0xf32>, %w: tensor<128x0xf32>) -> tensor<64x128xf32> {
  %y = syna.dense %x, %w : (tensor<64x0xf32>, tensor<128x0xf32>) -> tensor<64x128xf32>
  %r = syna.relu %y : tensor<64x128xf32>
  return %r : tensor<64x128xf32>
}
func.func @no_outputs(%x: tensor<64x128xf32>, %w: tensor<0x128xf32>) -> tensor<64x0xf32> {
  %y = syna.dense %x, %w : (tensor<64x128xf32>, tensor<0x128xf32>) -> tensor<64x0xf32>
  %s = syna.softmax %y {axis = 1 : i64} : tensor<64x0xf32>
  return %s : tensor<64x0xf32>
}
func.func @no_out_channels(%img: tensor<2x1x6x6xf32>, %k: tensor<0x1x3x3xf32>) -> tensor<2x0x2x2xf32> {
  %c = syna.conv2d %img, %k : (tensor<2x1x6x6xf32>, tensor<0x1x3x3xf32>) -> tensor<2x0x4x4xf32>
  %p = syna.max_pool2d %c {kernel = array<i64: 2, 2>} : tensor<2x0x4x4xf32> -> tensor<2x0x2x2xf32>
  return %p : tensor<2x0x2x2xf32>
}
func.func @no_in_channels(%img: tensor<2x0x6x6xf32>, %k: tensor<3x0x3x3xf32>) -> tensor<2x3x2x2xf32> {
  %c = syna.conv2d %img, %k : (tensor<2x0x6x6xf32>, tensor<3x0x3x3xf32>) -> tensor<2x3x4x4xf32>
  %p = syna.max_pool2d %c {kernel = array<i64: 2, 2>} : tensor<2x3x4x4xf32> -> tensor<2x3x2x2xf32>
  return %p : tensor<2x3x2x2xf32>
}
func.func @dynamic_batch(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %s = syna.softmax %x {axis = 1 : i64} : tensor<?x3xf32>
  return %s : tensor<?x3xf32>
}
