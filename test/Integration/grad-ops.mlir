// The gradient ops of syna-autodiff, executed through the whole
// syna-cpu-pipeline (tiling, vectorization, OpenMP) by syna-run, against
// independent float64 NumPy evaluations of the formulas in SynaGradOps.td
// (direct loops over B x n x n, windows and time steps; see
// Inputs/grad_numeric.py for the tolerances).
// REQUIRES: numpy
// RUN: %python %S/Inputs/grad_numeric.py %syna_run %s | FileCheck %s
// CHECK-NOT: FAIL
// CHECK: all checks passed

func.func @sdg32(%x: tensor<?x16xf32>, %b: tensor<16x16xf32>, %a: tensor<16xf32>, %y: tensor<?x16xf32>, %g: tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>) {
  %dx, %db, %da = syna.synapse_dense_grad %x beta %b alpha %a result %y grad %g : (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<?x16xf32>, tensor<?x16xf32>) -> (tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>)
  return %dx, %db, %da : tensor<?x16xf32>, tensor<16x16xf32>, tensor<16xf32>
}
func.func @sdg64(%x: tensor<5x24xf64>, %b: tensor<24x24xf64>, %y: tensor<5x24xf64>, %g: tensor<5x24xf64>) -> (tensor<5x24xf64>, tensor<24x24xf64>) {
  %dx, %db = syna.synapse_dense_grad %x beta %b result %y grad %g : (tensor<5x24xf64>, tensor<24x24xf64>, tensor<5x24xf64>, tensor<5x24xf64>) -> (tensor<5x24xf64>, tensor<24x24xf64>)
  return %dx, %db : tensor<5x24xf64>, tensor<24x24xf64>
}
func.func @conv_s2p1(%x: tensor<?x3x9x9xf64>, %w: tensor<4x3x3x3xf64>, %g: tensor<?x4x5x5xf64>) -> (tensor<?x3x9x9xf64>, tensor<4x3x3x3xf64>) {
  %dx = syna.conv2d_input_grad %g, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x4x5x5xf64>, tensor<4x3x3x3xf64>) -> tensor<?x3x9x9xf64>
  %dw = syna.conv2d_weight_grad %x, %g {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x3x9x9xf64>, tensor<?x4x5x5xf64>) -> tensor<4x3x3x3xf64>
  return %dx, %dw : tensor<?x3x9x9xf64>, tensor<4x3x3x3xf64>
}
func.func @conv_s2p0(%x: tensor<2x2x8x8xf64>, %w: tensor<3x2x3x3xf64>, %g: tensor<2x3x3x3xf64>) -> (tensor<2x2x8x8xf64>, tensor<3x2x3x3xf64>) {
  %dx = syna.conv2d_input_grad %g, %w {strides = array<i64: 2, 2>} : (tensor<2x3x3x3xf64>, tensor<3x2x3x3xf64>) -> tensor<2x2x8x8xf64>
  %dw = syna.conv2d_weight_grad %x, %g {strides = array<i64: 2, 2>} : (tensor<2x2x8x8xf64>, tensor<2x3x3x3xf64>) -> tensor<3x2x3x3xf64>
  return %dx, %dw : tensor<2x2x8x8xf64>, tensor<3x2x3x3xf64>
}
func.func @conv_s1f32(%x: tensor<?x2x7x7xf32>, %w: tensor<5x2x5x5xf32>, %g: tensor<?x5x3x3xf32>) -> (tensor<?x2x7x7xf32>, tensor<5x2x5x5xf32>) {
  %dx = syna.conv2d_input_grad %g, %w : (tensor<?x5x3x3xf32>, tensor<5x2x5x5xf32>) -> tensor<?x2x7x7xf32>
  %dw = syna.conv2d_weight_grad %x, %g : (tensor<?x2x7x7xf32>, tensor<?x5x3x3xf32>) -> tensor<5x2x5x5xf32>
  return %dx, %dw : tensor<?x2x7x7xf32>, tensor<5x2x5x5xf32>
}
func.func @pool2(%x: tensor<?x2x6x6xf64>, %g: tensor<?x2x3x3xf64>) -> tensor<?x2x6x6xf64> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x2x6x6xf64>, tensor<?x2x3x3xf64>) -> tensor<?x2x6x6xf64>
  return %dx : tensor<?x2x6x6xf64>
}
func.func @pool3s2(%x: tensor<2x3x7x7xf32>, %g: tensor<2x3x3x3xf32>) -> tensor<2x3x7x7xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<2x3x7x7xf32>, tensor<2x3x3x3xf32>) -> tensor<2x3x7x7xf32>
  return %dx : tensor<2x3x7x7xf32>
}
func.func @bn_train(%x: tensor<?x3x2x2xf64>, %s: tensor<3xf64>, %m: tensor<3xf64>, %v: tensor<3xf64>, %g: tensor<?x3x2x2xf64>) -> (tensor<?x3x2x2xf64>, tensor<3xf64>, tensor<3xf64>) {
  %dx, %ds, %dh = syna.batch_norm_grad %x, %s, %m, %v grad %g {training, epsilon = 1.0e-3 : f64} : tensor<?x3x2x2xf64>, tensor<3xf64>
  return %dx, %ds, %dh : tensor<?x3x2x2xf64>, tensor<3xf64>, tensor<3xf64>
}
func.func @bn_inf(%x: tensor<?x4xf64>, %s: tensor<4xf64>, %m: tensor<4xf64>, %v: tensor<4xf64>, %g: tensor<?x4xf64>) -> (tensor<?x4xf64>, tensor<4xf64>, tensor<4xf64>) {
  %dx, %ds, %dh = syna.batch_norm_grad %x, %s, %m, %v grad %g : tensor<?x4xf64>, tensor<4xf64>
  return %dx, %ds, %dh : tensor<?x4xf64>, tensor<4xf64>, tensor<4xf64>
}
func.func @nll_mean(%x: tensor<?x5xf64>, %l: tensor<?xi64>, %g: tensor<f64>) -> tensor<?x5xf64> {
  %d = syna.nll_loss_grad %x, %l grad %g : tensor<?x5xf64>, tensor<?xi64>, tensor<f64>
  return %d : tensor<?x5xf64>
}
func.func @nll_sum(%x: tensor<4x5xf32>, %l: tensor<4xi64>, %g: tensor<f32>) -> tensor<4x5xf32> {
  %d = syna.nll_loss_grad %x, %l grad %g {reduction = #syna.reduction<sum>} : tensor<4x5xf32>, tensor<4xi64>, tensor<f32>
  return %d : tensor<4x5xf32>
}
func.func @flip(%x: tensor<4xf64>, %y: tensor<4xf64>, %a1: tensor<f64>, %a2: tensor<4xf64>, %b1: tensor<f64>, %b2: tensor<4xf64>, %gx: tensor<4xf64>, %gy: tensor<4xf64>, %gt: tensor<7x2x4xf64>) -> (tensor<4xf64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>) {
  %r:6 = syna.flip_circuit_grad %x, %y alpha %a1, %a2 beta %b1, %b2 steps 6 grad %gx, %gy trajectory %gt : (tensor<4xf64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<7x2x4xf64>) -> (tensor<4xf64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>)
  return %r#0, %r#1, %r#2, %r#3, %r#4, %r#5 : tensor<4xf64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>, tensor<f64>, tensor<4xf64>
}
func.func @flip_nt(%x: tensor<?xf32>, %y: tensor<?xf32>, %a1: tensor<?xf32>, %a2: tensor<f32>, %b1: tensor<?xf32>, %b2: tensor<f32>, %gx: tensor<?xf32>, %gy: tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>) {
  %r:6 = syna.flip_circuit_grad %x, %y alpha %a1, %a2 beta %b1, %b2 steps 20 grad %gx, %gy : (tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<?xf32>) -> (tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>)
  return %r#0, %r#1, %r#2, %r#3, %r#4, %r#5 : tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<f32>, tensor<?xf32>, tensor<f32>
}
func.func @shapes(%v: tensor<3x1xf32>, %like: tensor<?x3x4xf32>, %g: tensor<?x3x4xf32>) -> (tensor<?x3x4xf32>, tensor<3x1xf32>, tensor<4x?x3xf32>) {
  %b = syna.broadcast %v like %like : tensor<3x1xf32> -> tensor<?x3x4xf32>
  %r = syna.reduce_to_shape %g : tensor<?x3x4xf32> -> tensor<3x1xf32>
  %t = syna.transpose %g {permutation = array<i64: 2, 0, 1>} : tensor<?x3x4xf32> -> tensor<4x?x3xf32>
  return %b, %r, %t : tensor<?x3x4xf32>, tensor<3x1xf32>, tensor<4x?x3xf32>
}
