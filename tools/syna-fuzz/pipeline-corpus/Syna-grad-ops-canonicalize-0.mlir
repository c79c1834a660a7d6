// Folders of the shape and gradient ops. Expected constants are worked out
// by hand in the comments.

func.func @identities(%x: tensor<?x4xf32>, %m: tensor<2x3xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = syna.broadcast %x like %x : tensor<?x4xf32> -> tensor<?x4xf32>
  %1 = syna.reduce_to_shape %x : tensor<?x4xf32> -> tensor<?x4xf32>
  %2 = syna.transpose %m {permutation = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  // Two transposes by [1, 0] compose to the identity.
  %t = syna.transpose %m {permutation = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  %3 = syna.transpose %t {permutation = array<i64: 1, 0>} : tensor<3x2xf32> -> tensor<2x3xf32>
  return %0, %1, %2, %3 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}
