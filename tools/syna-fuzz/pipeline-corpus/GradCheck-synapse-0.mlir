// syna-run gradcheck on the synapse, the synapse tensor (with and without α)
// and the flip circuit, with parameters in every domain: the check perturbs
// the raw θ, so it also checks the domain maps' adjoints.

syna.param @beta : tensor<6x6xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @alpha : tensor<6xf32> init <constant(-1.0)> domain <at_least_one>
syna.param @gain : tensor<6xf32> init <normal(0.0, 0.5)> domain <positive>
syna.param @b1 : tensor<6xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @a1 : tensor<f32> init <constant(0.5)> domain <positive>

// S = α·x·(1 − β·y) with a per-unit α (positive) and β (unit).
func.func @synapse(%x: tensor<?x6xf32>, %y: tensor<?x6xf32>) -> tensor<?x6xf32> {
  %b = syna.param_ref @b1 : tensor<6xf32>
  %a = syna.param_ref @gain : tensor<6xf32>
  %s = syna.synapse %x, %y beta %b alpha %a : (tensor<?x6xf32>, tensor<?x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<?x6xf32>
  return %s : tensor<?x6xf32>
}

func.func @synapse_dense_alpha(%x: tensor<?x6xf32>) -> tensor<?x6xf32> {
  %b = syna.param_ref @beta : tensor<6x6xf32>
  %a = syna.param_ref @alpha : tensor<6xf32>
  %y = syna.synapse_dense %x beta %b alpha %a : (tensor<?x6xf32>, tensor<6x6xf32>, tensor<6xf32>) -> tensor<?x6xf32>
  return %y : tensor<?x6xf32>
}

// β as an input (probabilities are valid β), no α.
func.func @synapse_dense_plain(%x: tensor<3x6xf32>, %b: tensor<6x6xf32>) -> tensor<3x6xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<3x6xf32>, tensor<6x6xf32>) -> tensor<3x6xf32>
  return %y : tensor<3x6xf32>
}

// The flip circuit with its trajectory: a rank-0 α₁ (positive), a per-state
// β₁ (unit), α₂ and β₂ as inputs.
func.func @flip(%x0: tensor<6xf32>, %y0: tensor<6xf32>, %a2: tensor<6xf32>, %b2: tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>, tensor<9x2x6xf32>) {
  %a1 = syna.param_ref @a1 : tensor<f32>
  %b1 = syna.param_ref @b1 : tensor<6xf32>
  %x, %y, %t = syna.flip_circuit %x0, %y0 alpha %a1, %a2 beta %b1, %b2 steps 8 : (tensor<6xf32>, tensor<6xf32>, tensor<f32>, tensor<6xf32>, tensor<6xf32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>, tensor<9x2x6xf32>)
  return %x, %y, %t : tensor<6xf32>, tensor<6xf32>, tensor<9x2x6xf32>
}
