func.func @flatten(%x: tensor<?x2x3x4xf32>) -> tensor<?x24xf32> {
  %r = syna.flatten %x : tensor<?x2x3x4xf32> -> tensor<?x24xf32>
  return %r : tensor<?x24xf32>
}
