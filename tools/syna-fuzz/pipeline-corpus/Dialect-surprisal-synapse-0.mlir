func.func @roundtrip(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>, %a: tensor<f32>,
                     %xd: tensor<?x4xf32>, %bd: tensor<4x4xf32>, %ad: tensor<4xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>, tensor<?x4xf32>) {
  %0 = syna.surprisal_synapse %x, %y beta %b alpha %a : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %1 = syna.surprisal_synapse %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %2 = syna.surprisal_synapse_dense %xd beta %bd alpha %ad : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %0, %1, %2 : tensor<8x4xf32>, tensor<8x4xf32>, tensor<?x4xf32>
}
