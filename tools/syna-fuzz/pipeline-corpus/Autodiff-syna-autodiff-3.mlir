// Surprisal-space ops: the conjugate's rule is the Bose–Einstein form
// du = −g·n_BE(u); log_swap_ratio uses n_BE at x̄ + β̄ and ȳ + β̄.
func.func @surprisal(%p: tensor<8xf32>, %b: tensor<f32>) -> tensor<8xf32> attributes {syna.differentiate} {
  %s = syna.surprisal %p : tensor<8xf32>
  %c = syna.conjugate %s : tensor<8xf32>
  %l = syna.log_swap_ratio %s, %c beta %b : (tensor<8xf32>, tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q = syna.prob %l : tensor<8xf32>
  %n = syna.bose_einstein %q : tensor<8xf32>
  %o = syna.odds %n : tensor<8xf32>
  return %o : tensor<8xf32>
}
// odds: g·(1 + o)²
// bose_einstein: −g·(n + n²)
// prob: −g·p
// log_swap_ratio
// conjugate: −g·n_BE(s)
// Fan-out: s feeds the conjugate and log_swap_ratio.
// surprisal: −g/p
