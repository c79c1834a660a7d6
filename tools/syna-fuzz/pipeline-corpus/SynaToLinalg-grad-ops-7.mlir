// batch_norm_grad in training mode recomputes the batch statistics; both
// channel sums come from one pass; inference reads the running statistics.
func.func @batch_norm_grad(%x: tensor<?x4x3x3xf32>, %s: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %g: tensor<?x4x3x3xf32>) -> (tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %dx, %ds, %dh = syna.batch_norm_grad %x, %s, %m, %v grad %g {training} : tensor<?x4x3x3xf32>, tensor<4xf32>
  return %dx, %ds, %dh : tensor<?x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}
// The running statistics (%arg2, %arg3) are the statistics in effect:
func.func @batch_norm_grad_inference(%x: tensor<?x4xf64>, %s: tensor<4xf64>, %m: tensor<4xf64>, %v: tensor<4xf64>, %g: tensor<?x4xf64>) -> (tensor<?x4xf64>, tensor<4xf64>, tensor<4xf64>) {
  %dx, %ds, %dh = syna.batch_norm_grad %x, %s, %m, %v grad %g : tensor<?x4xf64>, tensor<4xf64>
  return %dx, %ds, %dh : tensor<?x4xf64>, tensor<4xf64>, tensor<4xf64>
}
