// nll_loss_grad: -g/B at the label, 0 elsewhere, one parallel generic.
func.func @nll_grad(%x: tensor<?x10xf32>, %l: tensor<?xi64>, %g: tensor<f32>) -> tensor<?x10xf32> {
  %d = syna.nll_loss_grad %x, %l grad %g : tensor<?x10xf32>, tensor<?xi64>, tensor<f32>
  return %d : tensor<?x10xf32>
}
