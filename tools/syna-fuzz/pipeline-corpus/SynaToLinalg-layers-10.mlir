func.func @dropout_eval(%x: tensor<4xf32>, %k: i64) -> tensor<4xf32> {
  %r = syna.dropout %x, %k {rate = 0.25 : f64} : tensor<4xf32>
  return %r : tensor<4xf32>
}
