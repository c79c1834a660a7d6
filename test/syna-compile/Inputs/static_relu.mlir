// A graph from plain MLIR: no argument names, static shapes (c-api.test).
func.func @relu(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %y = syna.relu %x : tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}
