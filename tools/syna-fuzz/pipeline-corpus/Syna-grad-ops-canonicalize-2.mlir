func.func @splats(%like: tensor<8x4xf32>) -> (tensor<8x4xf32>, tensor<4xf32>, tensor<8x1x1xf64>, tensor<3x2xf32>) {
  %v = arith.constant dense<1.5> : tensor<4xf32>
  %g = arith.constant dense<1.5> : tensor<8x4xf32>
  %h = arith.constant dense<0.25> : tensor<2x8x5x5xf64>
  %m = arith.constant dense<2.0> : tensor<2x3xf32>
  %0 = syna.broadcast %v like %like : tensor<4xf32> -> tensor<8x4xf32>
  // 8 rows of 1.5
  %1 = syna.reduce_to_shape %g : tensor<8x4xf32> -> tensor<4xf32>
  // 2·5·5 = 50 elements of 0.25 per channel
  %2 = syna.reduce_to_shape %h : tensor<2x8x5x5xf64> -> tensor<8x1x1xf64>
  %3 = syna.transpose %m {permutation = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0, %1, %2, %3 : tensor<8x4xf32>, tensor<4xf32>, tensor<8x1x1xf64>, tensor<3x2xf32>
}
