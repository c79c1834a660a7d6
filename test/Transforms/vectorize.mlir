// RUN: syna-opt %s --syna-vectorize --split-input-file --canonicalize --mlir-print-local-scope | FileCheck %s

// syna-vectorize applies the #syna.vectorization configurations that it
// finds (select-vectorization.mlir tests how they are chosen) and removes
// them.

// Tile sizes [1, 16]: rows one at a time, 16 lanes per vector.
// CHECK-LABEL: func.func @elementwise
// CHECK:       scf.for {{.*}} step %c1
// CHECK:         scf.for {{.*}} step %c16
// CHECK:           vector.transfer_read {{.*}} : tensor<1x16xf32>, vector<1x16xf32>
// CHECK:           math.exp {{.*}} : vector<1x16xf32>
// CHECK-NOT:   syna.vectorization
#id = affine_map<(i, j) -> (i, j)>
func.func @elementwise(%x: tensor<?x64xf32>, %init: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x64xf32>) outs(%init : tensor<?x64xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [1, 16], interchange = [0, 1]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<?x64xf32>
  return %e : tensor<?x64xf32>
}

// -----

// A reduction over (b, k, o) with the interchange [0, 2, 1]: the reduction
// loop k runs innermost, and the 32-lane accumulator, read and written at
// one place, is hoisted out of it into a loop-carried vector.
// CHECK-LABEL: func.func @reduction
// CHECK:       scf.for {{.*}} step %c1
// CHECK:         scf.for {{.*}} step %c32
// CHECK:           %[[ACC:.*]] = vector.transfer_read {{.*}} : tensor<1x32xf32>, vector<1x32xf32>
// CHECK:           %[[SUM:.*]] = scf.for {{.*}} to %c128 step %c1 iter_args(%[[A:.*]] = %[[ACC]]) -> (vector<1x32xf32>)
// CHECK:             arith.mulf {{.*}} : vector<1x1x32xf32>
// CHECK:           vector.transfer_write %[[SUM]]
#mapx = affine_map<(b, k, o) -> (b, k)>
#mapw = affine_map<(b, k, o) -> (k, o)>
#mapy = affine_map<(b, k, o) -> (b, o)>
func.func @reduction(%x: tensor<?x128xf32>, %w: tensor<128x64xf32>, %acc: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %y = linalg.generic {indexing_maps = [#mapx, #mapw, #mapy], iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%x, %w : tensor<?x128xf32>, tensor<128x64xf32>) outs(%acc : tensor<?x64xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 32], interchange = [0, 2, 1]>} {
  ^bb0(%a: f32, %b: f32, %s: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %s, %p : f32
    linalg.yield %r : f32
  } -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// -----

// Without a configuration an op is left alone (for convert-linalg-to-loops).
// CHECK-LABEL: func.func @unmarked
// CHECK-NOT:   vector.
// CHECK:       linalg.generic
#id = affine_map<(i, j) -> (i, j)>
func.func @unmarked(%x: tensor<?x64xf32>, %init: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x64xf32>) outs(%init : tensor<?x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<?x64xf32>
  return %e : tensor<?x64xf32>
}

// -----

// A named convolution is generalized, then tiled: a block of 2 output
// channels by 2 rows by the whole row of 4, its tile loops outside the
// window loops (c, kh, kw), which are tiled to 1 and dropped. The 2×2×4
// accumulators stay in registers over the window.
// CHECK-LABEL: func.func @conv
// CHECK:       scf.for {{.*}} step %c2
// CHECK:         scf.for {{.*}} step %c2
// CHECK:           %[[ACC:.*]] = vector.transfer_read {{.*}} : tensor<2x2x4xf32>, vector<2x2x4xf32>
// CHECK:           scf.for {{.*}} iter_args(%{{.*}} = %[[ACC]]) -> (vector<2x2x4xf32>)
// CHECK:             scf.for {{.*}} -> (vector<2x2x4xf32>)
// CHECK:               scf.for {{.*}} -> (vector<2x2x4xf32>)
// CHECK:                 arith.mulf {{.*}} : vector<2x2x4xf32>
// CHECK-NOT:   linalg.conv_2d_nchw_fchw
func.func @conv(%x: tensor<1x3x6x6xf32>, %w: tensor<4x3x3x3xf32>, %init: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %y = linalg.conv_2d_nchw_fchw
      {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
       syna.vectorization = #syna.vectorization<vector_loop = 3, tile_sizes = [0, 2, 2, 0, 1, 1, 1], interchange = [0, 1, 2, 3, 4, 5, 6]>}
      ins(%x, %w : tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) outs(%init : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// All tile sizes 0: the op is one vector as it is, with no loops.
// CHECK-LABEL: func.func @whole
// CHECK-NOT:   scf.for
// CHECK:       math.exp {{.*}} : vector<2x8xf32>
#id = affine_map<(i, j) -> (i, j)>
func.func @whole(%x: tensor<2x8xf32>, %init: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %e = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<2x8xf32>) outs(%init : tensor<2x8xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 1, tile_sizes = [0, 0], interchange = [0, 1]>} {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<2x8xf32>
  return %e : tensor<2x8xf32>
}

// -----

// A vector tile that does not divide its loop (60 = 3 × 16 + 12): the tile
// loop runs over the whole tiles, and its last, partial tile is peeled off;
// both have static shapes, so both are vectorized, the rest as one vector
// of 12 lanes, and the reduction's accumulator of each is hoisted out of
// the reduction loop.
// CHECK-LABEL: func.func @peeled
// CHECK:       scf.for %{{.*}} = %c0 to %c48 step %c16
// CHECK:         vector.transfer_read {{.*}} : tensor<1x16xf32>, vector<1x16xf32>
// CHECK:         scf.for {{.*}} -> (vector<1x16xf32>)
// CHECK:           arith.mulf {{.*}} : vector<1x1x16xf32>
// CHECK:       tensor.extract_slice %{{.*}}[%{{.*}}, 48] [1, 12] [1, 1] : tensor<?x60xf32> to tensor<1x12xf32>
// CHECK:       vector.transfer_read {{.*}} : tensor<1x12xf32>, vector<1x12xf32>
// CHECK:       scf.for {{.*}} -> (vector<1x12xf32>)
// CHECK:         arith.mulf {{.*}} : vector<1x1x12xf32>
// CHECK-NOT:   linalg.generic
func.func @peeled(%x: tensor<?x8xf32>, %w: tensor<8x60xf32>, %init: tensor<?x60xf32>) -> tensor<?x60xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(b, k, o) -> (b, k)>, affine_map<(b, k, o) -> (k, o)>, affine_map<(b, k, o) -> (b, o)>],
                       iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%x, %w : tensor<?x8xf32>, tensor<8x60xf32>) outs(%init : tensor<?x60xf32>)
      attrs = {syna.vectorization = #syna.vectorization<vector_loop = 2, tile_sizes = [1, 1, 16], interchange = [0, 2, 1]>} {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<?x60xf32>
  return %r : tensor<?x60xf32>
}
