// α = 3.2 > 3: period doubling. The 2-cycle is z = (α + 1 ± √((α − 3)(α + 1)))/(2α)
// = 0.79945549 and 0.51304451; consecutive steps alternate between them.
func.func @flip_period_two() -> (tensor<f64>, tensor<f64>) {
  %x0 = arith.constant dense<0.3> : tensor<f64>
  %a = arith.constant dense<3.2> : tensor<f64>
  %b = arith.constant dense<1.0> : tensor<f64>
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1000 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x1, %y1 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1001 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  return %x, %x1 : tensor<f64>, tensor<f64>
}
