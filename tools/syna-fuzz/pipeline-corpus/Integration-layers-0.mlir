// Dense, conv2d, max_pool2d, softmax, log_softmax, nll_loss, cross_entropy,
// batch_norm (inference and training), dropout, reshape and flatten against
// float64 NumPy.

func.func @dense(%x: tensor<6x48xf32>, %w: tensor<32x48xf32>, %b: tensor<32xf32>) -> tensor<6x32xf32> {
  %r = syna.dense %x, %w bias %b : (tensor<6x48xf32>, tensor<32x48xf32>, tensor<32xf32>) -> tensor<6x32xf32>
  return %r : tensor<6x32xf32>
}
func.func @conv(%x: tensor<2x3x9x9xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<2x4x5x5xf32> {
  %r = syna.conv2d %x, %w bias %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>}
      : (tensor<2x3x9x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x5x5xf32>
  return %r : tensor<2x4x5x5xf32>
}
func.func @pool(%x: tensor<2x3x9x9xf32>) -> tensor<2x3x4x4xf32> {
  %r = syna.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<2x3x9x9xf32> -> tensor<2x3x4x4xf32>
  return %r : tensor<2x3x4x4xf32>
}
func.func @softmax(%x: tensor<7x10xf32>) -> tensor<7x10xf32> {
  %r = syna.softmax %x : tensor<7x10xf32>
  return %r : tensor<7x10xf32>
}
func.func @log_softmax(%x: tensor<7x10xf32>) -> tensor<7x10xf32> {
  %r = syna.log_softmax %x {axis = 1 : i64} : tensor<7x10xf32>
  return %r : tensor<7x10xf32>
}
func.func @nll(%x: tensor<?x10xf32>, %l: tensor<?xi64>) -> tensor<f32> {
  %r = syna.nll_loss %x, %l : tensor<?x10xf32>, tensor<?xi64> -> tensor<f32>
  return %r : tensor<f32>
}
func.func @xent(%x: tensor<7x10xf32>, %l: tensor<7xi32>) -> tensor<f32> {
  %r = syna.cross_entropy %x, %l {reduction = #syna.reduction<sum>} : tensor<7x10xf32>, tensor<7xi32> -> tensor<f32>
  return %r : tensor<f32>
}
func.func @bn_eval(%x: tensor<5x4x3x3xf32>, %s: tensor<4xf32>, %h: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<5x4x3x3xf32> {
  %y, %nm, %nv = syna.batch_norm %x, %s, %h, %m, %v : tensor<5x4x3x3xf32>, tensor<4xf32>
  return %y : tensor<5x4x3x3xf32>
}
func.func @bn_train(%x: tensor<5x4x3x3xf32>, %s: tensor<4xf32>, %h: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> (tensor<5x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>) {
  %y, %nm, %nv = syna.batch_norm %x, %s, %h, %m, %v {training} : tensor<5x4x3x3xf32>, tensor<4xf32>
  return %y, %nm, %nv : tensor<5x4x3x3xf32>, tensor<4xf32>, tensor<4xf32>
}
func.func @dropout(%x: tensor<64x128xf32>, %k: i64) -> tensor<64x128xf32> {
  %r = syna.dropout %x, %k {rate = 0.25 : f64, training} : tensor<64x128xf32>
  return %r : tensor<64x128xf32>
}
func.func @dropout_eval(%x: tensor<64x128xf32>, %k: i64) -> tensor<64x128xf32> {
  %r = syna.dropout %x, %k {rate = 0.25 : f64} : tensor<64x128xf32>
  return %r : tensor<64x128xf32>
}
func.func @reshape(%x: tensor<?x2x3x4xf32>) -> tensor<?x12x2xf32> {
  %r = syna.reshape %x : tensor<?x2x3x4xf32> -> tensor<?x12x2xf32>
  return %r : tensor<?x12x2xf32>
}
func.func @flatten(%x: tensor<?x2x3x4xf32>) -> tensor<?x24xf32> {
  %r = syna.flatten %x : tensor<?x2x3x4xf32> -> tensor<?x24xf32>
  return %r : tensor<?x24xf32>
}
