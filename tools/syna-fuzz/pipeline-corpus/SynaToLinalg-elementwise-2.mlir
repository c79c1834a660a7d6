func.func @prob(%s: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.prob %s : tensor<3xf32>
  return %r : tensor<3xf32>
}
