func.func @reshapes(%x: tensor<?x20x4x4xf32>, %f: tensor<?x8xf32>)
    -> (tensor<?x10x32xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<2x2xf32>) {
  // flatten then reshape is one reshape of the source.
  %0 = syna.flatten %x : tensor<?x20x4x4xf32> -> tensor<?x320xf32>
  %1 = syna.reshape %0 : tensor<?x320xf32> -> tensor<?x10x32xf32>
  // Reshapes to the same type, and flattening a matrix, do nothing.
  %2 = syna.reshape %f : tensor<?x8xf32> -> tensor<?x8xf32>
  %3 = syna.flatten %f : tensor<?x8xf32> -> tensor<?x8xf32>
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %4 = syna.reshape %c : tensor<4xf32> -> tensor<2x2xf32>
  return %1, %2, %3, %4 : tensor<?x10x32xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<2x2xf32>
}
