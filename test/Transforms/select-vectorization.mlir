// RUN: syna-opt %s --convert-syna-to-linalg=product-block=4 --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=10 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=16 vector-registers=32 l2-cache-kib=512" | FileCheck %s --check-prefixes=CHECK,AVX512
// RUN: syna-opt %s --convert-syna-to-linalg=product-block=4 --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=10 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=8 vector-registers=16 l2-cache-kib=512" | FileCheck %s --check-prefixes=CHECK,AVX2
// RUN: syna-opt %s --convert-syna-to-linalg=product-block=4 --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=10 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=8 vector-registers=16 l2-cache-kib=2048" | FileCheck %s --check-prefix=BIGL2

// The vector tiles chosen for an AVX-512-like target (16 f32 lanes, 32
// vector registers) and an AVX2-like one (8 lanes, 16 registers), both with
// a 512 KiB L2 cache, after batch tiling (tiles of 10 samples; the tile's
// batch extent is dynamic).
// syna-select-vectorization only writes the configuration; vectorize.mlir
// tests how syna-vectorize applies one.

// A dense layer, loops (b, k, o) with the reduction k moved innermost: up to
// four vectors of outputs per tile, four independent accumulator chains
// (the whole row of 64 with 16 lanes; 32 of 64 with 8).
// CHECK-LABEL: func.func @dense
// AVX512:      iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 0], interchange = [0, 2, 1]>
// AVX2:        iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 32], interchange = [0, 2, 1]>
func.func @dense(%x: tensor<?x320xf32>, %w: tensor<64x320xf32>, %b: tensor<64xf32>) -> tensor<?x64xf32> {
  %y = syna.dense %x, %w bias %b : (tensor<?x320xf32>, tensor<64x320xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// The synapse tensor's reduction over (b, j, i) has two accumulators per
// output (mantissa and exponent); four vectors of them take 8 of the
// registers. Width 64: the whole row (16 lanes) or 32 lanes (8 lanes).
// CHECK-LABEL: func.func @synapse64
// AVX512:      iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 0], interchange = [0, 2, 1]>
// AVX2:        iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 32], interchange = [0, 2, 1]>
// The elementwise epilogue: one vector per tile.
// AVX512:      syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 16], interchange = [0, 1]>
// AVX2:        syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 8], interchange = [0, 1]>
func.func @synapse64(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// Width 128: four vectors of outputs (64 or 32 lanes) per tile.
// CHECK-LABEL: func.func @synapse128
// AVX512:      iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 64], interchange = [0, 2, 1]>
// AVX2:        iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 32], interchange = [0, 2, 1]>
func.func @synapse128(%x: tensor<?x128xf32>, %b: tensor<128x128xf32>) -> tensor<?x128xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x128xf32>, tensor<128x128xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

// Width 250: no power of two of at least 4 lanes divides it. The vector is
// the target's width all the same, and the reduction's tile widens to four
// vectors (four accumulator chains): 64 lanes of 16, 32 of 8.
// syna-vectorize peels the last, partial tile (58 or 26 lanes) off
// (vectorize.mlir). The elementwise ops take one vector.
// CHECK-LABEL: func.func @synapse250
// AVX512:      iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 64], interchange = [0, 2, 1]>
// AVX512:      syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 16], interchange = [0, 1]>
// AVX2:        iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 32], interchange = [0, 2, 1]>
// AVX2:        syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 8], interchange = [0, 1]>
func.func @synapse250(%x: tensor<?x250xf32>, %b: tensor<250x250xf32>) -> tensor<?x250xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x250xf32>, tensor<250x250xf32>) -> tensor<?x250xf32>
  return %y : tensor<?x250xf32>
}

// Width 784 (a static batch of 100 in tiles of 25 samples): 32 does not
// divide 784, so widening stops at one vector of 16 lanes (two of 8).
// Register blocking over 5 samples instead gives 5 independent chains that
// share each loaded β vector (5 × 2 accumulators fit both register files).
// CHECK-LABEL: func.func @synapse784
// AVX512:      iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [5, 1, 16], interchange = [0, 2, 1]>
// AVX2:        iterator_types = ["parallel", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [5, 1, 8], interchange = [0, 2, 1]>
func.func @synapse784(%x: tensor<100x784xf32>, %b: tensor<784x784xf32>) -> tensor<100x784xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<100x784xf32>, tensor<784x784xf32>) -> tensor<100x784xf32>
  return %y : tensor<100x784xf32>
}

// A convolution's weight gradient T[o, c, kh, kw, q] over (b, p) in a tile
// of 5 output channels, vectorized along q (24 lanes: 16 + 8 peeled, or
// 3 × 8). One vector
// per output is one chain over the whole batch: register blocks of output
// channels (the input row is reused for each) and kernel rows (the
// output-gradient row is reused for each). 5 × 5 accumulators fit 32
// registers. With 16, 5 channels fit, but one pass over the batch (a
// nominal 100 samples) then reads about 450 KiB, more than half of the L2
// cache: every block's pass would come from beyond L2, so the block may
// take twice the registers (spilled accumulators stay in L1) and 5 × 5 it
// is. With a 2 MiB L2 the passes stay in L2 and the block fits the
// registers.
// CHECK-LABEL: func.func @conv_weight_grad
// AVX512:      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 6, tile_sizes = [0, 0, 0, 1, 1, 1, 16], interchange = [0, 1, 2, 3, 6, 4, 5]>
// AVX2:        iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 6, tile_sizes = [0, 0, 0, 1, 1, 1, 8], interchange = [0, 1, 2, 3, 6, 4, 5]>
// BIGL2-LABEL: func.func @conv_weight_grad
// BIGL2:       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 6, tile_sizes = [0, 0, 1, 1, 1, 1, 8], interchange = [0, 1, 2, 3, 6, 4, 5]>
func.func @conv_weight_grad(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32> {
  %dw = syna.conv2d_weight_grad %x, %g : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32>
  return %dw : tensor<10x1x5x5xf32>
}

// A bias gradient, loops (c, b, h, w) with w parallel: a row of 24 lanes
// that no power of two above 8 divides is taken whole (it fits four
// vectors), so one tile accumulates it over batch and rows.
// CHECK-LABEL: func.func @bias_grad
// CHECK:       iterator_types = ["parallel", "reduction", "reduction", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 3, tile_sizes = [1, 1, 1, 0], interchange = [0, 3, 1, 2]>
func.func @bias_grad(%g: tensor<?x10x24x24xf32>) -> tensor<10x1x1xf32> {
  %db = syna.reduce_to_shape %g : tensor<?x10x24x24xf32> -> tensor<10x1x1xf32>
  return %db : tensor<10x1x1xf32>
}

// A window op, loops (b, o, oh, ow, c, kh, kw): the innermost window loop
// (5) has no vector width, so the vector runs along ow (the whole row of
// 8), with register blocks of output channels and rows: 5 × 4 accumulators
// with 32 registers, 5 × 2 with 16.
// CHECK-LABEL: func.func @conv
// AVX512:      linalg.conv_2d_nchw_fchw {{.*}}syna.vectorization = #syna.vectorization<vector_loop = 3, tile_sizes = [1, 5, 4, 0, 1, 1, 1], interchange = [0, 1, 2, 3, 4, 5, 6]>
// AVX2:        linalg.conv_2d_nchw_fchw {{.*}}syna.vectorization = #syna.vectorization<vector_loop = 3, tile_sizes = [1, 5, 2, 0, 1, 1, 1], interchange = [0, 1, 2, 3, 4, 5, 6]>
func.func @conv(%x: tensor<?x10x12x12xf32>, %w: tensor<20x10x5x5xf32>) -> tensor<?x20x8x8xf32> {
  %y = syna.conv2d %x, %w : (tensor<?x10x12x12xf32>, tensor<20x10x5x5xf32>) -> tensor<?x20x8x8xf32>
  return %y : tensor<?x20x8x8xf32>
}

// A softmax over 10 classes (serial: no batch tiling): its row reductions
// have no vector width (the vector loop would be the reduced one) and stay
// scalar; the normalisation takes the row whole (10 ≤ 16 lanes) or as 8
// lanes and a peeled tile of 2.
// CHECK-LABEL: func.func @softmax
// CHECK-NOT:   syna.vectorization
// CHECK:       iterator_types = ["parallel", "reduction"]
// CHECK-NOT:   syna.vectorization
// CHECK:       iterator_types = ["parallel", "reduction"]
// CHECK-NOT:   syna.vectorization
// AVX512:      iterator_types = ["parallel", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 0], interchange = [0, 1]>
// AVX2:        iterator_types = ["parallel", "parallel"]{{.*}}syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 8], interchange = [0, 1]>
func.func @softmax(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %p = syna.softmax %x : tensor<?x10xf32>
  return %p : tensor<?x10xf32>
}
