// Convolution, pooling, flatten, softmax, batch-norm (training), dropout and
// nll_loss: each gets its gradient op or shape op.
func.func @cnn(%img: tensor<?x1x8x8xf32>, %k: tensor<2x1x3x3xf32>, %kb: tensor<2xf32>, %c: tensor<18xf32>,
               %key: i64, %labels: tensor<?xi64>) -> tensor<f32> attributes {syna.differentiate} {
  %0 = syna.conv2d %img, %k bias %kb : (tensor<?x1x8x8xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<?x2x6x6xf32>
  %1 = syna.max_pool2d %0 {kernel = array<i64: 2, 2>} : tensor<?x2x6x6xf32> -> tensor<?x2x3x3xf32>
  %2 = syna.flatten %1 : tensor<?x2x3x3xf32> -> tensor<?x18xf32>
  %3 = syna.softmax %2 : tensor<?x18xf32>
  %4:3 = syna.batch_norm %3, %c, %c, %c, %c {training} : tensor<?x18xf32>, tensor<18xf32>
  %5 = syna.dropout %4#0, %key {rate = 0.25, training} : tensor<?x18xf32>
  %6 = syna.log_softmax %5 : tensor<?x18xf32>
  %7 = syna.nll_loss %6, %labels {reduction = #syna.reduction<sum>} : tensor<?x18xf32>, tensor<?xi64> -> tensor<f32>
  return %7 : tensor<f32>
}
// The same key and rate: the same mask.
// In training the running statistics get no adjoint from the result: c
// (scale, shift, mean and variance at once) receives the scale and shift
// adjoints only.
// softmax: s·(g − Σ_axis g·s)
