// Dynamic shapes do not fold: the number of summed elements is unknown.
func.func @no_fold_dynamic(%like: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<4xf32>) {
  %v = arith.constant dense<1.5> : tensor<4xf32>
  %0 = syna.broadcast %v like %like : tensor<4xf32> -> tensor<?x4xf32>
  %1 = syna.reduce_to_shape %0 : tensor<?x4xf32> -> tensor<4xf32>
  return %0, %1 : tensor<?x4xf32>, tensor<4xf32>
}
