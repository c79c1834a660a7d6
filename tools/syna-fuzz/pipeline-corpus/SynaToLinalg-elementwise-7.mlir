func.func @swap_ratio(%x: tensor<2x3xf32>, %y: tensor<2x3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  %r = syna.swap_ratio %x, %y beta %b : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}
