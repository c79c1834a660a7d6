func.func @unary_constants() -> (tensor<2xf64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<2xf64>, tensor<f64>) {
  %p = arith.constant dense<[1.0, 0.25]> : tensor<2xf64>
  %u = arith.constant dense<1.3862943611198906> : tensor<f64>
  %l3 = arith.constant dense<1.0986122886681098> : tensor<f64>
  %fifth = arith.constant dense<0.2> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %r = arith.constant dense<[-1.0, 2.0]> : tensor<2xf64>
  // −log 1 = 0, −log 0.25 = ln 4
  %0 = syna.surprisal %p : tensor<2xf64>
  // G(ln 4) = −log(1 − 1/4) = 0.28768207245178090
  %1 = syna.conjugate %u : tensor<f64>
  // n_BE(ln 3) = 1/(3 − 1)
  %2 = syna.bose_einstein %l3 : tensor<f64>
  // odds(0.2) = 0.2/0.8
  %3 = syna.odds %fifth : tensor<f64>
  // e^{−1}
  %4 = syna.prob %one : tensor<f64>
  %5 = syna.relu %r : tensor<2xf64>
  // sigmoid(ln 3) = 3/4
  %6 = syna.sigmoid %l3 : tensor<f64>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2xf64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<2xf64>, tensor<f64>
}
