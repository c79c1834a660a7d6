func.func @dropout(%x: tensor<4xf32>, %k: i64) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // Inference mode and rate 0 are the identity.
  %0 = syna.dropout %x, %k {rate = 0.5} : tensor<4xf32>
  %1 = syna.dropout %x, %k {rate = 0.0, training} : tensor<4xf32>
  %2 = syna.dropout %x, %k {rate = 0.5, training} : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
