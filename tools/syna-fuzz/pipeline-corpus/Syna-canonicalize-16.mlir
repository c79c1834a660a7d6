// A recurrence too long to iterate at compile time is left to code
// generation rather than stalling the canonicalizer.
func.func @flip_too_long_to_fold() -> tensor<f32> {
  %x0 = arith.constant dense<0.3> : tensor<f32>
  %a = arith.constant dense<2.5> : tensor<f32>
  %b = arith.constant dense<1.0> : tensor<f32>
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 4611686018427387904 : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %x : tensor<f32>
}
