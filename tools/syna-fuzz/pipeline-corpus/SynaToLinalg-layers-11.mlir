func.func @reshape(%x: tensor<?x2x3x4xf32>) -> tensor<?x12x2xf32> {
  %r = syna.reshape %x : tensor<?x2x3x4xf32> -> tensor<?x12x2xf32>
  return %r : tensor<?x12x2xf32>
}
