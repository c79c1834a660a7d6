// With equal parameters the flip circuit is the logistic map z ← α·z·(1 − z),
// z = β·x. α = 2.5: fixed point z* = 1 − 1/α = 0.6; with β = 0.5, x* = 1.2.
func.func @flip_fixed_point() -> (tensor<f32>, tensor<f32>) {
  %x0 = arith.constant dense<0.3> : tensor<f32>
  %a = arith.constant dense<2.5> : tensor<f32>
  %b = arith.constant dense<0.5> : tensor<f32>
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 200 : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %x, %y : tensor<f32>, tensor<f32>
}
