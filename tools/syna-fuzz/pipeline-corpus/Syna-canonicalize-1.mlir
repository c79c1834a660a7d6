func.func @relu_idempotent(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = syna.relu %x : tensor<4xf32>
  %1 = syna.relu %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
