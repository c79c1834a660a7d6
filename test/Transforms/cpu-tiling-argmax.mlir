// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=10 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=16 vector-registers=32 l2-cache-kib=512" --syna-vectorize --canonicalize --mlir-print-local-scope | FileCheck %s

// The window argmax of max_pool2d_grad has two results (max, position),
// both contiguous along ow: it is vectorised along ow (the whole row of 12),
// its tile loop outside kh, kw, which are tiled to 1 and dropped, so the
// select-based combination is elementwise on vectors, without
// data-dependent branches; (max, position) stay in registers (loop
// iter_args) over the window.
// CHECK-LABEL: func.func @pool_grad
// CHECK:       scf.forall
// CHECK:         %[[M0:.*]] = vector.transfer_read {{.*}} : tensor<12xf32>, vector<12xf32>
// CHECK:         %[[I0:.*]] = vector.transfer_read {{.*}} : tensor<12xi64>, vector<12xi64>
// CHECK:         scf.for {{.*}} iter_args(%{{.*}} = %[[M0]], %{{.*}} = %[[I0]]) -> (vector<12xf32>, vector<12xi64>)
// CHECK:           scf.for {{.*}} -> (vector<12xf32>, vector<12xi64>)
// CHECK:             %[[X:.*]] = vector.transfer_read {{.*}} : tensor<12xf32>, vector<12xf32>
// CHECK:             arith.cmpf ogt, %[[X]], {{.*}} : vector<12xf32>
// CHECK:             arith.select {{.*}} : vector<12xi1>, vector<12xf32>
// CHECK:             arith.select {{.*}} : vector<12xi1>, vector<12xi64>
func.func @pool_grad(%x: tensor<?x10x24x24xf32>, %g: tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32> {
  %dx = syna.max_pool2d_grad %x, %g {kernel = array<i64: 2, 2>} : (tensor<?x10x24x24xf32>, tensor<?x10x12x12xf32>) -> tensor<?x10x24x24xf32>
  return %dx : tensor<?x10x24x24xf32>
}
