// A result whose dynamic extent no argument dimension names (plain MLIR has
// no dimension names): a C caller could not size it.
func.func @relu(%x: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %y = syna.relu %x : tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
