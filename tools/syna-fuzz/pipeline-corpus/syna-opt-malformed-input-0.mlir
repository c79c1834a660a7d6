// Malformed input gets a diagnostic at file:line:col and a non-zero exit,
// never a crash.

func.func @missing_type(%p: tensor<4xf32>) {
  %0 = syna.surprisal %p tensor<4xf32>
  return
}
