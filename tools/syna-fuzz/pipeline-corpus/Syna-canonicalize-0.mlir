// Folders and canonicalization patterns of the syna dialect. Expected
// constants are closed forms computed by hand (comments give the formula),
// not outputs of the implementation.

func.func @inverse_pairs(%p: tensor<?x4xf32>, %s: tensor<?x4xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) {
  %0 = syna.surprisal %p : tensor<?x4xf32>
  %1 = syna.prob %0 : tensor<?x4xf32>
  %2 = syna.prob %s : tensor<?x4xf32>
  %3 = syna.surprisal %2 : tensor<?x4xf32>
  // G is an involution.
  %4 = syna.conjugate %s : tensor<?x4xf32>
  %5 = syna.conjugate %4 : tensor<?x4xf32>
  return %1, %3, %5 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>
}
