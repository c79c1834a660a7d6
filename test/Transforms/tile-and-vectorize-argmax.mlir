// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-tile-and-vectorize="tile-sizes=10 vector-width=16" --canonicalize --mlir-print-local-scope | FileCheck %s

// The window argmax of max_pool2d_grad has two results (max, position),
// both contiguous along ow: ow moves innermost (12 → vectors of 4); with
// kh, kw tiled to 1 and dropped, the select-based combination is
// elementwise and vectorises, without data-dependent branches.
// CHECK-LABEL: func.func @pool_grad
// CHECK:       scf.forall
// CHECK:         scf.for {{.*}} step %c4
// CHECK:           %[[X:.*]] = vector.transfer_read {{.*}} : tensor<4xf32>, vector<4xf32>
// CHECK:           arith.cmpf ogt, %[[X]], {{.*}} : vector<4xf32>
// CHECK:           arith.select {{.*}} : vector<4xi1>, vector<4xf32>
// CHECK:           arith.select {{.*}} : vector<4xi1>, vector<4xi64>
func.func @pool_grad(%x: tensor<?x10x24x24xf32>, %g: tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x10x24x24xf32>, tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32>
  return %dx : tensor<?x10x24x24xf32>
}
