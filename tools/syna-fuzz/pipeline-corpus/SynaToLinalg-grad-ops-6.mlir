// Overlapping windows (3x3, strides 2): an argmax per window over x, then
// a gather over the windows that contain each element.
func.func @max_pool_grad_overlapping(%x: tensor<?x2x7x7xf32>, %g: tensor<?x2x3x3xf32>) -> tensor<?x2x7x7xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : (tensor<?x2x7x7xf32>, tensor<?x2x3x3xf32>) -> tensor<?x2x7x7xf32>
  return %dx : tensor<?x2x7x7xf32>
}
