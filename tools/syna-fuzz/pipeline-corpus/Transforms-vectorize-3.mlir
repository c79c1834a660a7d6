// A named convolution is generalized, then tiled: a block of 2 output
// channels by 2 rows by the whole row of 4, its tile loops outside the
// window loops (c, kh, kw), which are tiled to 1 and dropped. The 2×2×4
// accumulators stay in registers over the window.
func.func @conv(%x: tensor<1x3x6x6xf32>, %w: tensor<4x3x3x3xf32>, %init: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %y = linalg.conv_2d_nchw_fchw
      {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
       syna.vectorization = #syna.vectorization<vector_loop = 3, tile_sizes = [0, 2, 2, 0, 1, 1, 1], interchange = [0, 1, 2, 3, 4, 5, 6]>}
      ins(%x, %w : tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) outs(%init : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}
