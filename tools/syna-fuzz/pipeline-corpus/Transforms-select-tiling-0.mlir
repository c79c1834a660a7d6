// syna-select-tiling only marks the roots of parallel tiling; the tiling
// itself is syna-tile-and-fuse's (tile-and-fuse.mlir). Without tile-sizes
// nothing is marked.

// A dense layer: the reduction over (b, k, o) is the root, tiled along the
// batch; the transpose of W (64·320 iterations) is needed whole by every
// tile and too small for a parallel loop of its own; the bias broadcast
// into the accumulator is fused into the tiles.
func.func @dense(%x: tensor<?x320xf32>, %w: tensor<64x320xf32>, %b: tensor<64xf32>) -> tensor<?x64xf32> {
  %y = syna.dense %x, %w bias %b : (tensor<?x320xf32>, tensor<64x320xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// Synapse tensors of width 64, 128 and 250 (B·n·n iterations): the root is
// the elementwise epilogue, a small batch op whose tiles fuse the
// reduction (a large exclusive producer), the column phases of x and the
// fills. The column phases of β are read whole by every tile.
func.func @synapse64(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

func.func @synapse128(%x: tensor<?x128xf32>, %b: tensor<128x128xf32>) -> tensor<?x128xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x128xf32>, tensor<128x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

func.func @synapse250(%x: tensor<?x250xf32>, %b: tensor<250x250xf32>) -> tensor<?x250xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x250xf32>, tensor<250x250xf32>) -> tensor<?x250xf32>
  return %y : tensor<?x250xf32>
}

// A static batch of 100 and width 784: the leading loops are static, so
// they are split into at most two tiles per core (4 with 2 cores: tiles of
// 25 rows; 16 with 8 cores: tiles of 10). The column phases of β
// (196 × 784 each) are large enough for a parallel loop of their own.
func.func @synapse784(%x: tensor<100x784xf32>, %b: tensor<784x784xf32>) -> tensor<100x784xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<100x784xf32>, tensor<784x784xf32>) -> tensor<100x784xf32>
  return %y : tensor<100x784xf32>
}

// A convolution's weight gradient reduces the batch: its leading loop is
// the 10 output channels, split into 2 tiles of 5 (at most 4 tiles with
// 2 cores), or 10 tiles of 1 with 8 cores. The final sum over the 24
// partial rows (250·24 iterations) stays serial.
func.func @conv_weight_grad(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32> {
  %dw = syna.conv2d_weight_grad %x, %g : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32>
  return %dw : tensor<10x1x5x5xf32>
}

// A bias gradient (sum over batch, rows and columns) runs in parallel over
// channels, like the weight gradient.
func.func @bias_grad(%g: tensor<?x10x24x24xf32>) -> tensor<10x1x1xf32> {
  %db = syna.reduce_to_shape %g : tensor<?x10x24x24xf32> -> tensor<10x1x1xf32>
  return %db : tensor<10x1x1xf32>
}

// A window op (a named convolution) is a root like any linalg op; its fill
// is fused.
func.func @conv(%x: tensor<?x10x12x12xf32>, %w: tensor<20x10x5x5xf32>) -> tensor<?x20x8x8xf32> {
  %y = syna.conv2d %x, %w : (tensor<?x10x12x12xf32>, tensor<20x10x5x5xf32>) -> tensor<?x20x8x8xf32>
  return %y : tensor<?x20x8x8xf32>
}

// A softmax over 10 classes (about 1,000 iterations for a batch of 100) is
// not worth a fork and a join: nothing is marked.
func.func @softmax(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %p = syna.softmax %x : tensor<?x10xf32>
  return %p : tensor<?x10xf32>
}
