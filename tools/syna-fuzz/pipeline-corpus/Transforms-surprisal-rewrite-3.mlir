// Constant beta folds to its surprisal at compile time.
func.func @constant_beta(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %b = arith.constant dense<0.5> : tensor<4x4xf32>
  %y = syna.synapse_dense %x beta %b : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
