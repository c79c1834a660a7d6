// The surprisal synapse S̄ = ᾱ + x̄ + G(ȳ + β̄) written with arith.addf and
// syna.conjugate: ∂S̄/∂ᾱ = ∂S̄/∂x̄ = 1 and ∂S̄/∂ȳ = ∂S̄/∂β̄ = −n_BE(ȳ + β̄), the
// Bose–Einstein occupancy (docs/math.md §3). A rank-0 result is a loss:
// seed 1, no seed argument.
func.func @surprisal_synapse(%a: tensor<f64>, %x: tensor<f64>, %y: tensor<f64>, %b: tensor<f64>) -> tensor<f64>
    attributes {syna.differentiate} {
  %0 = arith.addf %a, %x : tensor<f64>
  %1 = arith.addf %y, %b : tensor<f64>
  %2 = syna.conjugate %1 : tensor<f64>
  %3 = arith.addf %0, %2 : tensor<f64>
  return %3 : tensor<f64>
}
func.func private @surprisal_synapse_grad(tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)

func.func @check_surprisal_synapse() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %a = arith.constant dense<0.1> : tensor<f64>
  %x = arith.constant dense<0.3> : tensor<f64>
  %y = arith.constant dense<0.4> : tensor<f64>
  %b = arith.constant dense<0.5> : tensor<f64>
  %r:5 = func.call @surprisal_synapse_grad(%a, %x, %y, %b) : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
      -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
  // −n_BE(0.9) = −1/(e^0.9 − 1) = −0.6851177504
  return %r#1, %r#2, %r#3, %r#4 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}
