// Elementwise synapse with broadcasting: the adjoints of y (3), β (rank 0)
// sum over the broadcast dimensions. x = 0.5, y = 0.25, β = 0.75, α = 2,
// seed 1 on each of the 2×3 outputs:
//   S = α·x·(1 − β·y) = 0.8125,  dx = α(1 − βy) = 1.625,
//   dy = Σ_rows −αβx = 2·(−0.75) = −1.5,  dβ = Σ_all −αxy = 6·(−0.25) = −1.5,
//   dα = x(1 − βy) = 0.40625.
func.func @synapse(%x: tensor<2x3xf64>, %y: tensor<3xf64>, %b: tensor<f64>, %a: tensor<2x3xf64>) -> tensor<2x3xf64>
    attributes {syna.differentiate} {
  %s = syna.synapse %x, %y beta %b alpha %a : (tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>) -> tensor<2x3xf64>
  return %s : tensor<2x3xf64>
}
func.func private @synapse_grad(tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>, tensor<2x3xf64>)
    -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>)

func.func @check_synapse() -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>) {
  %x = arith.constant dense<0.5> : tensor<2x3xf64>
  %y = arith.constant dense<0.25> : tensor<3xf64>
  %b = arith.constant dense<0.75> : tensor<f64>
  %a = arith.constant dense<2.0> : tensor<2x3xf64>
  %g = arith.constant dense<1.0> : tensor<2x3xf64>
  %r:5 = func.call @synapse_grad(%x, %y, %b, %a, %g) : (tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>, tensor<2x3xf64>)
      -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>)
  return %r#0, %r#1, %r#2, %r#3, %r#4 : tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>
}
