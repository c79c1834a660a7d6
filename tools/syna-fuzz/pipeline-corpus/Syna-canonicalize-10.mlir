// α = 3.5 > 1 + √6 ≈ 3.449: the 2-cycle has split into a 4-cycle
// (0.38282, 0.82694, 0.50088, 0.87500: the logistic map iterated in float64).
func.func @flip_period_four() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %x0 = arith.constant dense<0.3> : tensor<f64>
  %a = arith.constant dense<3.5> : tensor<f64>
  %b = arith.constant dense<1.0> : tensor<f64>
  %x0a, %y0a = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1000 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x1, %y1 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1001 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x2, %y2 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1002 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x3, %y3 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1003 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  return %x0a, %x1, %x2, %x3 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}
