// Fan-out: x is used three times; its adjoints add up.
// f(x) = x·x/(x + 1), f′(x) = (x² + 2x)/(x + 1)² = 5/9 at x = 0.5.
func.func @fanout(%x: tensor<f64>) -> tensor<f64> attributes {syna.differentiate} {
  %one = arith.constant dense<1.0> : tensor<f64>
  %sq = arith.mulf %x, %x : tensor<f64>
  %den = arith.addf %x, %one : tensor<f64>
  %f = arith.divf %sq, %den : tensor<f64>
  return %f : tensor<f64>
}
func.func private @fanout_grad(tensor<f64>) -> (tensor<f64>, tensor<f64>)

func.func @check_fanout() -> tensor<f64> {
  %x = arith.constant dense<0.5> : tensor<f64>
  %r:2 = func.call @fanout_grad(%x) : (tensor<f64>) -> (tensor<f64>, tensor<f64>)
  return %r#1 : tensor<f64>
}
