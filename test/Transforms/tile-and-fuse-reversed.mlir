// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=8 min-parallel-work=1 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=16 vector-registers=32 l2-cache-kib=512" --syna-vectorize --mlir-print-local-scope | FileCheck %s

// conv2d_input_grad reads the kernel flipped, w[o, c, 4 − kh, 4 − kw]. Linalg
// tiling would slice that operand from r(tile start) to r(tile end − 1),
// a negative offset and a size-1 slice for a decreasing map r, and the
// vectorizer would then drop the loops of the wrong slice (an invalid
// generic). The flip must stay one whole, untiled linalg.generic, also as a
// batch-tiling root (min-parallel-work=1) or a fused producer; the
// convolution that reads it is still tiled over the batch, and its vector
// tiles (rows of 7 lanes, whole) read the flipped kernel at non-negative
// offsets, one element per window step for each of the 2 output channels.
// CHECK-LABEL: func.func @conv_input_grad
// CHECK:       {{^}}    %[[FLIP:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 4, -d3 + 4)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:    ins(%{{.*}} : tensor<5x2x5x5xf32>) outs(%{{.*}} : tensor<2x5x5x5xf32>)
// CHECK:       scf.forall
// CHECK:         tensor.extract_slice %[[FLIP]][0, %{{.*}}, %{{.*}}, %{{.*}}] [2, 1, 1, 1] [1, 1, 1, 1] : tensor<2x5x5x5xf32> to tensor<2x1x1x1xf32>
// CHECK:         vector.transfer_read {{.*}} : tensor<7x7xf32>, vector<2x7x7xf32>
func.func @conv_input_grad(%w: tensor<5x2x5x5xf32>, %g: tensor<?x5x3x3xf32>) -> tensor<?x2x7x7xf32> {
  %dx = syna.conv2d_input_grad %g, %w : (tensor<?x5x3x3xf32>, tensor<5x2x5x5xf32>) -> tensor<?x2x7x7xf32>
  return %dx : tensor<?x2x7x7xf32>
}
