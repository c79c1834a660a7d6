// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-tile-and-vectorize="tile-sizes=10 vector-width=16" --canonicalize --mlir-print-local-scope | FileCheck %s

// conv2d_input_grad of the MNIST CNN's conv2: dx[b, c, oh, ow] over
// (o, kh, kw). The tile is a block of 5 channels by the whole row of 12
// (the input row is read once for the 5 channels); its tile loops are
// outside the window loops, so the 5x12 sums stay in registers (a loop
// iter_arg) over all 20·5·5 window steps, with one load and one store per
// tile, summed in the same order as before.
// CHECK-LABEL: func.func @conv_input_grad
// CHECK:       scf.forall
// CHECK:         scf.for {{.*}} step %c5
// CHECK:           %[[ACC:.*]] = vector.transfer_read {{.*}} : tensor<5x12xf32>, vector<5x12xf32>
// CHECK:           %[[SUM:.*]] = scf.for {{.*}} to %c20 {{.*}} iter_args(%{{.*}} = %[[ACC]]) -> (vector<5x12xf32>)
// CHECK:             scf.for {{.*}} to %c5 {{.*}} -> (vector<5x12xf32>)
// CHECK:               scf.for {{.*}} to %c5 {{.*}} -> (vector<5x12xf32>)
// CHECK:                 arith.mulf {{.*}} : vector<5x12xf32>
// CHECK:                 arith.addf {{.*}} : vector<5x12xf32>
// CHECK:           vector.transfer_write %[[SUM]]
func.func @conv_input_grad(%g: tensor<?x20x8x8xf32>, %w: tensor<20x10x5x5xf32>) -> tensor<?x10x12x12xf32> {
  %dx = syna.conv2d_input_grad %g, %w : (tensor<?x20x8x8xf32>, tensor<20x10x5x5xf32>) -> tensor<?x10x12x12xf32>
  return %dx : tensor<?x10x12x12xf32>
}
