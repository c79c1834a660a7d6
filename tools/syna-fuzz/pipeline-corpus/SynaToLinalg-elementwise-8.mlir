func.func @log_swap_ratio(%x: tensor<3xf32>, %y: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.log_swap_ratio %x, %y beta %b : (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %r : tensor<3xf32>
}
