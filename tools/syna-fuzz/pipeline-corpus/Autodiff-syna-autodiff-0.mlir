// The syna-autodiff pass: signature, seeds, fan-out, parameters, the rule of
// each op (structurally; gradient-values.mlir checks numbers), and errors.

// A scalar loss takes no seed (seed 1). Results: the loss, the adjoint of each
// float argument (not of the labels), then of each parameter read, by name.
syna.param @w : tensor<3x4xf32> init <kaiming_uniform>
syna.param @b : tensor<3xf32> init <zeros>
syna.param @unused : tensor<2xf32> init <zeros>

func.func @loss(%x: tensor<?x4xf32>, %labels: tensor<?xi64>) -> tensor<f32> attributes {syna.differentiate} {
  %w = syna.param_ref @w : tensor<3x4xf32>
  %b = syna.param_ref @b : tensor<3xf32>
  %l = syna.dense %x, %w bias %b : (tensor<?x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %ce = syna.cross_entropy %l, %labels : tensor<?x3xf32>, tensor<?xi64> -> tensor<f32>
  return %ce : tensor<f32>
}
// The primal is recomputed.
// cross_entropy: nll_loss_grad of log_softmax(axis 1), seeded with 1, then
// the log_softmax rule g − e^l·Σ_axis g.
// dense: dx = dense(g, Wᵀ), dW = dense(gᵀ, xᵀ), db = Σ_batch g.
// Domain real: dθ is the adjoint itself. Order: @b before @w.
