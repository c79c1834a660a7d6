// Surprisal space: p = e^{-x̄} and beta = e^{-β̄} once, the same streamed
// reduction, and ȳ = x̄ − Σ.
func.func @surprisal_synapse_dense(%x: tensor<8x4xf32>, %b: tensor<4x4xf32>) -> tensor<8x4xf32> {
  %y = syna.surprisal_synapse_dense %x beta %b : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}
