// broadcast reads its extents from `like`; reduce_to_shape sums the leading
// and static-1 dimensions into the kept ones and expands the 1s back. Its
// loops run kept dimension first (parallel over channels); the reduced
// innermost dimension stays a parallel loop of lanes, last (vectorised),
// summed afterwards.
func.func @shape_ops(%v: tensor<4xf32>, %l: tensor<?x4xf32>, %g: tensor<?x8x5x5xf32>) -> (tensor<?x4xf32>, tensor<8x1x1xf32>, tensor<4x?xf32>) {
  %b = syna.broadcast %v like %l : tensor<4xf32> -> tensor<?x4xf32>
  %r = syna.reduce_to_shape %g : tensor<?x8x5x5xf32> -> tensor<8x1x1xf32>
  %t = syna.transpose %b {permutation = array<i64: 1, 0>} : tensor<?x4xf32> -> tensor<4x?xf32>
  return %b, %r, %t : tensor<?x4xf32>, tensor<8x1x1xf32>, tensor<4x?xf32>
}
