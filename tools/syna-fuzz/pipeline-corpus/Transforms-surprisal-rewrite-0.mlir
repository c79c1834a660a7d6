// A chain of synapse tensors stays in surprisal space: one conversion in,
// one out, none between the layers.
func.func @chain(%x: tensor<?x4xf32>, %b1: tensor<4x4xf32>, %b2: tensor<4x4xf32>) -> tensor<?x4xf32> {
  %y1 = syna.synapse_dense %x beta %b1 : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %y2 = syna.synapse_dense %y1 beta %b2 : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  return %y2 : tensor<?x4xf32>
}
