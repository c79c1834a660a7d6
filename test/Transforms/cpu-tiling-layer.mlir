// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=8 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=16 vector-registers=32 l2-cache-kib=512" --syna-vectorize --canonicalize --cse --mlir-print-local-scope | FileCheck %s
// RUN: syna-opt %s --convert-syna-to-linalg=product-block=4 --canonicalize --syna-fuse-elementwise --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=8 cores=2" --syna-tile-and-fuse \
// RUN:   --syna-select-vectorization="vector-width=16 vector-registers=32 l2-cache-kib=512" --syna-vectorize --canonicalize --cse | FileCheck %s --check-prefix=PRODUCT
// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize \
// RUN:   --syna-select-tiling --syna-tile-and-fuse | FileCheck %s --check-prefix=NOTILE
// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize \
// RUN:   --syna-select-tiling="tile-sizes=8 min-parallel-work=1 cores=2" --syna-tile-and-fuse | FileCheck %s --check-prefix=SMALL

// βᵀ is needed whole by every batch tile: it is computed once, outside the
// batch loop; with 64·64 iterations (below min-parallel-work) it runs
// serially, vectorised.
// CHECK-LABEL: func.func @layer
// CHECK-SAME: (%[[X:.*]]: tensor<?x64xf32>, %[[B:.*]]: tensor<64x64xf32>)
// CHECK-NOT: scf.forall
// CHECK: %[[BT:.*]] = scf.for
// CHECK:   scf.for {{.*}} step %c16
// CHECK:     tensor.extract_slice %[[B]]
// CHECK:     vector.transfer_read {{.*}}permutation_map = affine_map<(d0, d1) -> (d1, d0)>
// One scf.forall over batch tiles of 8 rows holds the whole layer: the
// sigmoid of the tile, the zero fill, the reduction and the fused epilogue;
// temporaries are tile-sized.
// CHECK: %[[OUT:.*]] = scf.forall (%[[T:.*]]) = (0) to (%{{.*}}) step (8) shared_outs(%[[SH:.*]] = %{{.*}}) -> (tensor<?x64xf32>)
// CHECK:   %[[XT:.*]] = tensor.extract_slice %[[X]][%[[T]], 0] [%{{.*}}, 64] [1, 1]
// CHECK:   %[[TMP:.*]] = tensor.empty(%{{.*}}) : tensor<?x64xf32>
//          sigmoid of the tile, 16 lanes at a time
// CHECK:   %[[SIG:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[TMP]])
// CHECK:     scf.for {{.*}} step %c16
// CHECK:       vector.transfer_read {{.*}} : tensor<1x16xf32>, vector<1x16xf32>
// CHECK:       math.exp {{.*}} : vector<1x16xf32>
//          the synapse reduction: loops b, then j innermost, four vectors of
//          outputs (64 lanes) per step carried in registers across j
// CHECK:   scf.for
// CHECK:     %[[ACC0:.*]] = vector.transfer_read {{.*}} : tensor<1x64xf32>, vector<1x64xf32>
// CHECK:     %[[ACC:.*]] = scf.for {{.*}} iter_args(%[[A:.*]] = %[[ACC0]]) -> (vector<1x64xf32>)
// CHECK:       tensor.extract_slice %[[SIG]]{{\[}}%{{.*}}, %{{.*}}] [1, 1]
// CHECK:       tensor.extract_slice %[[BT]]{{\[}}%{{.*}}, 0] [1, 64]
// CHECK:       math.log1p {{.*}} : vector<1x1x64xf32>
// CHECK:       %[[SUM:.*]] = arith.addf %[[A]], {{.*}} : vector<1x64xf32>
// CHECK:       scf.yield %[[SUM]]
// CHECK:     vector.transfer_write %[[ACC]]
//          fused epilogue: sigmoid, exp, −log, relu
// CHECK:   scf.for
// CHECK:     scf.for {{.*}} step %c16
// CHECK:       math.exp
// CHECK:       math.log {{.*}} : vector<1x16xf32>
// CHECK:       arith.maximumf
// CHECK:   scf.forall.in_parallel
// CHECK:     tensor.parallel_insert_slice %{{.*}} into %[[SH]][%[[T]], 0]
// CHECK: return %[[OUT]]

// product-block=4: the reduction's tile has a unit reduction loop (one
// block of four columns) and a combiner the vectorizer does not know (the
// mantissa–exponent step); without its unit loops it is elementwise and
// vectorises, and the mantissa and exponent are loop-carried vectors.
// PRODUCT: scf.forall
// PRODUCT: scf.for {{.*}} -> (vector<64xf32>, vector<64xi32>)
// PRODUCT:   math.fma {{.*}} : vector<64xf32>
// PRODUCT:   arith.bitcast {{.*}} : vector<64xf32> to vector<64xi32>
// PRODUCT:   arith.select {{.*}} : vector<64xi1>, vector<64xi32>
// PRODUCT:   scf.yield {{.*}} : vector<64xf32>, vector<64xi32>

// With min-parallel-work=1 the transpose gets its own parallel loop too; its
// static leading loop is split into at most four tiles (not tiles of 8).
// SMALL: scf.forall (%{{.*}}) = (0) to (64) step (16)
// SMALL: linalg.transpose
// SMALL: scf.forall (%{{.*}}) = (0) to (%{{.*}}) step (8)

// Without tile sizes, tiling changes nothing.
// NOTILE-NOT: scf.forall
// NOTILE-NOT: vector.
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %s = syna.sigmoid %x : tensor<?x64xf32>
  %y = syna.synapse_dense %s beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %l = syna.surprisal %y : tensor<?x64xf32>
  %r = syna.relu %l : tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}

// A small batch op (a softmax over 10 classes: 10 iterations per sample,
// about 1,000 for a batch of 100) is not worth a fork and a join: it stays
// serial, with no scf.forall.
// CHECK-LABEL: func.func @small_batch_op
// CHECK-NOT: scf.forall
// CHECK: return
func.func @small_batch_op(%x: tensor<?x10xf32>) -> tensor<?x10xf32> {
  %p = syna.softmax %x : tensor<?x10xf32>
  return %p : tensor<?x10xf32>
}
