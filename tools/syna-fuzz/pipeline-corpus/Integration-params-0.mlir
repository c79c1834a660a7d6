// Parameters: the four domain maps of theta, a synapse tensor whose beta is a
// unit-domain parameter, and seeded initialisation.

syna.param @t_real : tensor<8x8xf32> init <zeros>
syna.param @t_unit : tensor<8x8xf32> init <zeros> domain <unit>
syna.param @t_pos : tensor<8x8xf32> init <zeros> domain <positive>
syna.param @t_one : tensor<8x8xf32> init <zeros> domain <at_least_one>
syna.param @beta : tensor<8x8xf32> init <uniform(-2.0, 2.0)> domain <unit>

func.func @domains() -> (tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) {
  %a = syna.param_ref @t_real : tensor<8x8xf32>
  %b = syna.param_ref @t_unit : tensor<8x8xf32>
  %c = syna.param_ref @t_pos : tensor<8x8xf32>
  %d = syna.param_ref @t_one : tensor<8x8xf32>
  return %a, %b, %c, %d : tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>
}
func.func @layer(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %b = syna.param_ref @beta : tensor<8x8xf32>
  %y = syna.synapse_dense %x beta %b : (tensor<?x8xf32>, tensor<8x8xf32>) -> tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}
