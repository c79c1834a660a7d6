func.func @pool(%x: tensor<?x3x9x9xf32>) -> tensor<?x3x4x4xf32> {
  %r = syna.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x3x9x9xf32> -> tensor<?x3x4x4xf32>
  return %r : tensor<?x3x4x4xf32>
}
