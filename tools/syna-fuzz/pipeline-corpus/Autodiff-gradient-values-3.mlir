// Swap ratio at x = 0.3, y = 0.6, β = 0.8, and its surprisal-space log form
// at x̄ = 0.5, ȳ = 1.2, β̄ = 0.3 (Bose–Einstein terms), seed 1.
func.func @swap(%x: tensor<f64>, %y: tensor<f64>, %b: tensor<f64>,
                %xs: tensor<f64>, %ys: tensor<f64>, %bs: tensor<f64>) -> (tensor<f64>, tensor<f64>)
    attributes {syna.differentiate} {
  %0 = syna.swap_ratio %x, %y beta %b : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  %1 = syna.log_swap_ratio %xs, %ys beta %bs : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  return %0, %1 : tensor<f64>, tensor<f64>
}
func.func private @swap_grad(tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)

func.func @check_swap() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %x = arith.constant dense<0.3> : tensor<f64>
  %y = arith.constant dense<0.6> : tensor<f64>
  %b = arith.constant dense<0.8> : tensor<f64>
  %xs = arith.constant dense<0.5> : tensor<f64>
  %ys = arith.constant dense<1.2> : tensor<f64>
  %bs = arith.constant dense<0.3> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %r:8 = func.call @swap_grad(%x, %y, %b, %xs, %ys, %bs, %one, %one)
      : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
      -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
  // finite differences: 1.500461680, −1.096491228, −0.2596952909
  // −1 − n_BE(0.8) = −1.815966221; 1 + n_BE(1.5) = 1.287216917;
  // n_BE(1.5) − n_BE(0.8) = −0.5287493039
  return %r#2, %r#3, %r#4, %r#5, %r#6, %r#7 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}
