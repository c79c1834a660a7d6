// syna-run gradcheck on the losses: a scalar loss takes no seed (L is the
// loss); labels are drawn in [0, C).

syna.param @w : tensor<4x3xf32> init <kaiming_uniform>

func.func @nll_mean(%x: tensor<?x3xf32>, %labels: tensor<?xi64>) -> tensor<f32> {
  %w = syna.param_ref @w : tensor<4x3xf32>
  %l = syna.dense %x, %w : (tensor<?x3xf32>, tensor<4x3xf32>) -> tensor<?x4xf32>
  %lp = syna.log_softmax %l : tensor<?x4xf32>
  %loss = syna.nll_loss %lp, %labels : tensor<?x4xf32>, tensor<?xi64> -> tensor<f32>
  return %loss : tensor<f32>
}

func.func @ce_sum(%x: tensor<?x4xf32>, %labels: tensor<?xi64>) -> tensor<f32> {
  %loss = syna.cross_entropy %x, %labels {reduction = #syna.reduction<sum>} : tensor<?x4xf32>, tensor<?xi64> -> tensor<f32>
  return %loss : tensor<f32>
}
