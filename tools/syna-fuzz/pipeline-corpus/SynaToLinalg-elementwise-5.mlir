func.func @relu(%x: tensor<3xf32>) -> tensor<3xf32> {
  %r = syna.relu %x : tensor<3xf32>
  return %r : tensor<3xf32>
}
