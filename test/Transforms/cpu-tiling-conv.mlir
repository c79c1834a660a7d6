// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=10 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=16 vector-registers=32 l2-cache-kib=512" --syna-vectorize --canonicalize --mlir-print-local-scope | FileCheck %s

// conv2d_input_grad of the MNIST CNN's conv2: dx[b, c, oh, ow] over
// (o, kh, kw). The tile is a block of 5 channels by 4 rows by the whole row
// of 12: each window step loads 4 input rows and 5 weights for 20
// independent accumulators. Its tile loops are outside the window loops, so
// the 5x4x12 sums stay in registers (a loop iter_arg) over all 20·5·5 window
// steps, with one load and one store per tile, summed in the same order as
// before. The adjoint enters the padded buffer through a copy in batch
// tiles, row by row.
// CHECK-LABEL: func.func @conv_input_grad
// CHECK:       scf.forall
// CHECK:       scf.forall {{.*}} -> (tensor<?x20x8x8xf32>)
// CHECK:         tensor.extract_slice {{.*}} to tensor<1x1x1x8xf32>
// CHECK:       scf.forall
// CHECK:         scf.for {{.*}} step %c5
// CHECK:           scf.for {{.*}} step %c4
// CHECK:           %[[ACC:.*]] = vector.transfer_read {{.*}} : tensor<5x4x12xf32>, vector<5x4x12xf32>
// CHECK:           %[[SUM:.*]] = scf.for {{.*}} to %c20 {{.*}} iter_args(%{{.*}} = %[[ACC]]) -> (vector<5x4x12xf32>)
// CHECK:             scf.for {{.*}} to %c5 {{.*}} -> (vector<5x4x12xf32>)
// CHECK:               scf.for {{.*}} to %c5 {{.*}} -> (vector<5x4x12xf32>)
// CHECK:                 arith.mulf {{.*}} : vector<5x4x12xf32>
// CHECK:                 arith.addf {{.*}} : vector<5x4x12xf32>
// CHECK:           vector.transfer_write %[[SUM]]
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
// CHECK-LABEL: func.func @conv_weight_grad
// CHECK:       scf.forall (%{{.*}}) = (0) to (10) step (5)
// CHECK:         %[[WACC:.*]] = vector.transfer_read {{.*}} : tensor<5x5x8xf32>, vector<5x5x8xf32>
// CHECK:         scf.for {{.*}} iter_args(%{{.*}} = %[[WACC]]) -> (vector<5x5x8xf32>)
// CHECK:           scf.for {{.*}} to %c24 {{.*}} -> (vector<5x5x8xf32>)
// CHECK:             arith.mulf {{.*}} : vector<5x5x8xf32>
// CHECK:             arith.addf {{.*}} : vector<5x5x8xf32>
func.func @conv_weight_grad(%x: tensor<?x1x28x28xf32>, %g: tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32> {
  %dw = syna.conv2d_weight_grad %x, %g : (tensor<?x1x28x28xf32>, tensor<?x10x24x24xf32>) -> tensor<10x1x5x5xf32>
  return %dw : tensor<10x1x5x5xf32>
}

// The bias gradient of conv1 (reduce_to_shape over batch, rows and columns)
// runs in parallel over channels, with a whole row of 24 lanes as the
// accumulator: no serial chain of scalar adds.
// CHECK-LABEL: func.func @conv_bias_grad
// CHECK:       scf.forall (%{{.*}}) = (0) to (10) step (5)
// CHECK:         scf.for {{.*}} -> (vector<1x24xf32>)
// CHECK:           scf.for {{.*}} to %c24 {{.*}} -> (vector<1x24xf32>)
// CHECK:             arith.addf {{.*}} : vector<1x24xf32>
func.func @conv_bias_grad(%g: tensor<?x10x24x24xf32>) -> tensor<10x1x1xf32> {
  %db = syna.reduce_to_shape %g : tensor<?x10x24x24xf32> -> tensor<10x1x1xf32>
  return %db : tensor<10x1x1xf32>
}
