func.func @synapse_splat() -> tensor<4xf32> {
  %x = arith.constant dense<0.5> : tensor<4xf32>
  %a = arith.constant dense<2.0> : tensor<f32>
  %b = arith.constant dense<0.5> : tensor<f32>
  // 2 · 0.5 · (1 − 0.5 · 0.5) = 0.75
  %0 = syna.synapse %x, %x beta %b alpha %a : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
