// by the batch size.
func.func @nll(%x: tensor<?x10xf32>, %l: tensor<?xi64>) -> tensor<f32> {
  %r = syna.nll_loss %x, %l : tensor<?x10xf32>, tensor<?xi64> -> tensor<f32>
  return %r : tensor<f32>
}
