// swap_ratio and log_swap_ratio broadcast as documented.
func.func @swap_broadcast(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
  %0 = syna.swap_ratio %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  %1 = syna.log_swap_ratio %x, %y beta %b : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %0, %1 : tensor<8x4xf32>, tensor<8x4xf32>
}
