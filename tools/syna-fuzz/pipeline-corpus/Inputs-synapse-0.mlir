func.func @chain(%p: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %s = syna.surprisal %p : tensor<?x4xf32>
  %q = syna.prob %s : tensor<?x4xf32>
  return %q : tensor<?x4xf32>
}
