// conv2d_input_grad reads the kernel flipped, w[o, c, 4 − kh, 4 − kw]. Linalg
// tiling would slice that operand from r(tile start) to r(tile end − 1),
// a negative offset and a size-1 slice for a decreasing map r, and the
// vectorizer would then drop the loops of the wrong slice (an invalid
// generic). The flip must stay one whole, untiled linalg.generic, also as a
// batch-tiling root (min-parallel-work=1) or a fused producer; the
// convolution that reads it is still tiled over the batch (and stays a
// named op: rows of 7 have no vector width, so it is not vectorized).
func.func @conv_input_grad(%w: tensor<5x2x5x5xf32>, %g: tensor<?x5x3x3xf32>) -> tensor<?x2x7x7xf32> {
  %dx = syna.conv2d_input_grad %g, %w : (tensor<?x5x3x3xf32>, tensor<5x2x5x5xf32>) -> tensor<?x2x7x7xf32>
  return %dx : tensor<?x2x7x7xf32>
}
