// max_pool2d_grad with windows that tile x (2x2, strides 2, 6 = 3·2): x
// viewed as B×C×OH×KH×OW×KW; an argmax per window (value and row-major
// position) over (b, c, oh, ow, kh, kw), then dx in that view, each element
// once, and back to B×C×H×W.
func.func @max_pool_grad(%x: tensor<?x2x6x6xf32>, %g: tensor<?x2x3x3xf32>) -> tensor<?x2x6x6xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x2x6x6xf32>, tensor<?x2x3x3xf32>) -> tensor<?x2x6x6xf32>
  return %dx : tensor<?x2x6x6xf32>
}
