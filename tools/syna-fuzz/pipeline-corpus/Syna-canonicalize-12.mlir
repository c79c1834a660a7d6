// At β = 1 the swap ratio is the textbook odds ratio:
// (0.6/0.4)/(0.3/0.7) = 3.5, and its log is ln 3.5 = 1.2527629685.
func.func @odds_ratio(%p: tensor<3xf64>, %b: tensor<f64>) -> (tensor<f64>, tensor<f64>, tensor<3xf64>, tensor<3xf64>) {
  %x = arith.constant dense<0.6> : tensor<f64>
  %y = arith.constant dense<0.3> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %xs = arith.constant dense<0.51082562376599072> : tensor<f64>
  %ys = arith.constant dense<1.2039728043259361> : tensor<f64>
  %zero = arith.constant dense<0.0> : tensor<f64>
  %0 = syna.swap_ratio %x, %y beta %one : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  %1 = syna.log_swap_ratio %xs, %ys beta %zero : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  // Swapping an input with itself changes nothing.
  %2 = syna.swap_ratio %p, %p beta %b : (tensor<3xf64>, tensor<3xf64>, tensor<f64>) -> tensor<3xf64>
  %3 = syna.log_swap_ratio %p, %p beta %b : (tensor<3xf64>, tensor<3xf64>, tensor<f64>) -> tensor<3xf64>
  return %0, %1, %2, %3 : tensor<f64>, tensor<f64>, tensor<3xf64>, tensor<3xf64>
}
