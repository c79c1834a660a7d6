// conv2d_input_grad: the adjoint placed with the strides into a zero tensor
// of H + KH - 1 rows (offset KH - 1 - padding), the weight flipped and
// channel-transposed, then a stride-1 convolution.
// conv2d_weight_grad: a reduction over (b, p) of the padded input with q
// kept (parallel, vectorisable), then the sum over q.
func.func @conv_grads(%x: tensor<?x3x9x9xf32>, %w: tensor<8x3x3x3xf32>, %g: tensor<?x8x5x5xf32>) -> (tensor<?x3x9x9xf32>, tensor<8x3x3x3xf32>) {
  %dx = syna.conv2d_input_grad %g, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x8x5x5xf32>, tensor<8x3x3x3xf32>) -> tensor<?x3x9x9xf32>
  %dw = syna.conv2d_weight_grad %x, %g {strides = array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<?x3x9x9xf32>, tensor<?x8x5x5xf32>) -> tensor<8x3x3x3xf32>
  return %dx, %dw : tensor<?x3x9x9xf32>, tensor<8x3x3x3xf32>
}
