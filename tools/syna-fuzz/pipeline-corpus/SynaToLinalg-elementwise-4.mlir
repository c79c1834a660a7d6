func.func @odds(%p: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.odds %p : tensor<3xf32>
  return %r : tensor<3xf32>
}
