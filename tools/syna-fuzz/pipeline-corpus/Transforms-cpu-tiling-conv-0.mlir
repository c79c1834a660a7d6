// conv2d_input_grad of the MNIST CNN's conv2: dx[b, c, oh, ow] over
// (o, kh, kw). The tile is a block of 5 channels by 4 rows by the whole row
// of 12: each window step loads 4 input rows and 5 weights for 20
// independent accumulators. Its tile loops are outside the window loops, so
// the 5x4x12 sums stay in registers (a loop iter_arg) over all 20·5·5 window
// steps, with one load and one store per tile, summed in the same order as
// before. The adjoint enters the padded buffer through a copy in batch
// tiles, row by row.
func.func @conv_input_grad(%g: tensor<?x20x8x8xf32>, %w: tensor<20x10x5x5xf32>) -> tensor<?x10x12x12xf32> {
  %dx = syna.conv2d_input_grad %g, %w : (tensor<?x20x8x8xf32>, tensor<20x10x5x5xf32>) -> tensor<?x10x12x12xf32>
  return %dx : tensor<?x10x12x12xf32>
}

// conv2d_weight_grad of the MNIST CNN's conv1, T[o, c, kh, kw, q] over the
// batch and rows: the 10 output channels split into two parallel tiles (the
// batch is reduced, so it cannot be the parallel loop), and each tile keeps
// a 5 (channels) x 5 (kernel columns) block of 8-lane accumulators in
// registers over the whole batch: 25 independent chains, each step loading
// 5 output-gradient rows and 5 input rows.
func.func @conv_weight_grad(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32> {
  %dw = syna.conv2d_weight_grad %x, %g : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32>
  return %dw : tensor<10x1x5x5xf32>
}

// The bias gradient of conv1 (reduce_to_shape over batch, rows and columns)
// runs in parallel over channels, with a whole row of 24 lanes as the
// accumulator: no serial chain of scalar adds.
func.func @conv_bias_grad(%g: tensor<?x10x24x24xf32>) -> tensor<10x1x1xf32> {
  %db = syna.reduce_to_shape %g : tensor<?x10x24x24xf32> -> tensor<10x1x1xf32>
  return %db : tensor<10x1x1xf32>
}
