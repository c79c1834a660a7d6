// synapse_dense_grad with splat operands, B = 2, n = 4, x = 0.5, β = 0.5,
// α = 2, y = 0.25, g = 2: h = g·y = 0.5, r = 1/(1 − βx) = 4/3.
//   dx = h/x − n·h·β·r = 1 − 4·0.5·0.5·4/3 = −1/3
//   dβ = −B·h·x·r = −2·0.5·0.5·4/3 = −2/3
//   dα = B·h/α = 0.5
func.func @synapse_dense_grad_splat() -> (tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>) {
  %x = arith.constant dense<0.5> : tensor<2x4xf64>
  %b = arith.constant dense<0.5> : tensor<4x4xf64>
  %a = arith.constant dense<2.0> : tensor<4xf64>
  %y = arith.constant dense<0.25> : tensor<2x4xf64>
  %g = arith.constant dense<2.0> : tensor<2x4xf64>
  %0:3 = syna.synapse_dense_grad %x beta %b alpha %a result %y grad %g : (tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>, tensor<2x4xf64>, tensor<2x4xf64>) -> (tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>)
  return %0#0, %0#1, %0#2 : tensor<2x4xf64>, tensor<4x4xf64>, tensor<4xf64>
}
