// Counter-based mask: splitmix64 of the key and the element's linear index.
func.func @dropout(%x: tensor<64x128xf32>, %k: i64) -> tensor<64x128xf32> {
  %r = syna.dropout %x, %k {rate = 0.25 : f64, training} : tensor<64x128xf32>
  return %r : tensor<64x128xf32>
}
