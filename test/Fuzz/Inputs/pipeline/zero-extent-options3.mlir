func.func @zero_rows(%x: tensor<0x4xf32>, %w: tensor<3x4xf32>) -> tensor<0x3xf32> {
  %y = syna.tanh %x : tensor<0x4xf32>
  %d = syna.dense %y, %w : (tensor<0x4xf32>, tensor<3x4xf32>) -> tensor<0x3xf32>
  return %d : tensor<0x3xf32>
}



