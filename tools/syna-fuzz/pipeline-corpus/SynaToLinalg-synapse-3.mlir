// Broadcasting maps: beta per column, alpha a scalar.
func.func @synapse(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>, %a: tensor<f32>) -> tensor<8x4xf32> {
  %r = syna.synapse %x, %y beta %b alpha %a : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}
