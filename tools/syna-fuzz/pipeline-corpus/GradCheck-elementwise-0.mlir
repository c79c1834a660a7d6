// syna-run gradcheck: every input gradient of the elementwise and surprisal
// ops against float64 central differences (inputs are drawn in (0.05, 0.95),
// inside every op's domain; results get seeded seed tensors).

// surprisal, prob, conjugate (inhibitory G) and bose_einstein, with fan-out.
func.func @surprisal_chain(%p: tensor<?x5xf32>) -> (tensor<?x5xf32>, tensor<?x5xf32>) {
  %s = syna.surprisal %p : tensor<?x5xf32>
  %g = syna.conjugate %s : tensor<?x5xf32>
  %n = syna.bose_einstein %s : tensor<?x5xf32>
  %q = syna.prob %g : tensor<?x5xf32>
  %r = arith.mulf %q, %n : tensor<?x5xf32>
  return %r, %g : tensor<?x5xf32>, tensor<?x5xf32>
}

// tanh with fan-out, as in a recurrent gate: tanh(x)·x + tanh(tanh(x)).
func.func @tanh_gate(%x: tensor<?x7xf32>) -> tensor<?x7xf32> {
  %t = syna.tanh %x : tensor<?x7xf32>
  %g = arith.mulf %t, %x : tensor<?x7xf32>
  %tt = syna.tanh %t : tensor<?x7xf32>
  %r = arith.addf %g, %tt : tensor<?x7xf32>
  return %r : tensor<?x7xf32>
}

// relu away from its kink: relu(x - 0.5) and relu(0.5 - x) mix both sides.
func.func @odds_sigmoid_relu(%p: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %half = arith.constant dense<0.5> : tensor<4x6xf32>
  %o = syna.odds %p : tensor<4x6xf32>
  %s = syna.sigmoid %o : tensor<4x6xf32>
  %d = arith.subf %p, %half : tensor<4x6xf32>
  %r = syna.relu %d : tensor<4x6xf32>
  %y = arith.mulf %s, %r : tensor<4x6xf32>
  %z = arith.addf %y, %s : tensor<4x6xf32>
  return %z : tensor<4x6xf32>
}

// Swap ratio (probabilities) and log swap ratio (surprisals), β broadcast.
func.func @swap(%x: tensor<?x4xf32>, %y: tensor<?x4xf32>, %b: tensor<4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>) {
  %r = syna.swap_ratio %x, %y beta %b : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %l = syna.log_swap_ratio %x, %y beta %b : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %r, %l : tensor<?x4xf32>, tensor<?x4xf32>
}
