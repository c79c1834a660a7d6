// Bad input gets a clear error and exit status 1, never a crash.

func.func @dense(%x: tensor<?x2xf32>, %b: tensor<2x2xf32>) -> tensor<?x2xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
func.func @pair(%x: tensor<?x2xf32>, %y: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %b = arith.constant dense<0.5> : tensor<2xf32>
  %r = syna.synapse %x, %y beta %b : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  return %r : tensor<?x2xf32>
}
func.func @loss(%p: tensor<?x3xf32>, %l: tensor<?xi64>) -> tensor<f32> {
  %r = syna.nll_loss %p, %l : tensor<?x3xf32>, tensor<?xi64> -> tensor<f32>
  return %r : tensor<f32>
}
