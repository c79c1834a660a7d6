// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --mlir-print-local-scope --split-input-file | FileCheck %s
// RUN: syna-opt %s --convert-syna-to-linalg=product-block=4 --canonicalize --mlir-print-local-scope --split-input-file | FileCheck %s --check-prefix=BLOCK

// The synapse tensor is one reduction over (b, j, i) that accumulates
// log1p(-beta[i, j] * x[b, j]), then one exponential per output; no B x n x n
// tensor and no diag(x) exist.
// CHECK-LABEL: func.func @synapse_dense
// CHECK-SAME: (%[[X:.*]]: tensor<?x64xf32>, %[[B:.*]]: tensor<64x64xf32>, %[[A:.*]]: tensor<64xf32>)
// CHECK-NOT: tensor<?x64x64xf32>
// CHECK-DAG: %[[BT:.*]] = linalg.transpose ins(%[[B]] : tensor<64x64xf32>) {{.*}} permutation = [1, 0]
// CHECK-DAG: %[[ZERO:.*]] = linalg.fill
// CHECK: %[[ACC:.*]] = linalg.generic
// CHECK-SAME: affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-SAME: iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: ins(%[[X]], %[[BT]] : {{.*}}) outs(%[[ZERO]] : tensor<?x64xf32>)
// CHECK: %[[P:.*]] = arith.mulf
// CHECK: %[[N:.*]] = arith.negf %[[P]]
// CHECK: %[[L:.*]] = math.log1p %[[N]]
// CHECK: arith.addf %{{.*}}, %[[L]]
// CHECK: %[[Y:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK-SAME: ins(%[[ACC]], %[[X]], %[[A]] :
// CHECK: math.exp
// CHECK-NOT: math.exp
// CHECK: return %[[Y]]
func.func @synapse_dense(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>, %a: tensor<64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b alpha %a : (tensor<?x64xf32>, tensor<64x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// -----

// product-block=4: x and βᵀ are split into four column phases by one parallel
// loop nest each; the reduction over (b, j/4, i) multiplies four factors
// 1 − β·x (fused multiply-adds, then pairwise) into the mantissa m, then moves m's binary exponent into the i32
// exponent e with bit operations: no logarithm in the loop. The epilogue
// forms x·m·2^e from two exact powers of two.
// BLOCK-LABEL: func.func @blocked
// BLOCK: %[[XS:.*]]:4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1 * 4)>, affine_map<(d0, d1) -> (d0, d1 * 4 + 1)>, affine_map<(d0, d1) -> (d0, d1 * 4 + 2)>, affine_map<(d0, d1) -> (d0, d1 * 4 + 3)>
// BLOCK: %[[BS:.*]]:4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0 * 4)>
// BLOCK: %[[E0:.*]] = linalg.fill ins(%c0_i32 : i32) outs(%{{.*}} : tensor<?x64xi32>)
// BLOCK: %[[M0:.*]] = linalg.fill ins(%cst : f32) outs(%{{.*}} : tensor<?x64xf32>)
// BLOCK: %[[ME:.*]]:2 = linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// BLOCK-SAME: ins(%[[XS]]#0, %[[XS]]#1, %[[XS]]#2, %[[XS]]#3, %[[BS]]#0, %[[BS]]#1, %[[BS]]#2, %[[BS]]#3 : tensor<?x16xf32>, tensor<?x16xf32>, tensor<?x16xf32>, tensor<?x16xf32>, tensor<16x64xf32>, tensor<16x64xf32>, tensor<16x64xf32>, tensor<16x64xf32>)
// BLOCK-SAME: outs(%[[M0]], %[[E0]] : tensor<?x64xf32>, tensor<?x64xi32>)
// BLOCK-NOT: math.log
// BLOCK-COUNT-4: math.fma
// BLOCK: %[[P01:.*]] = arith.mulf
// BLOCK: %[[P23:.*]] = arith.mulf
// BLOCK: %[[P:.*]] = arith.mulf %[[P01]], %[[P23]]
// BLOCK: %[[M:.*]] = arith.mulf %out, %[[P]]
// BLOCK: %[[BITS:.*]] = arith.bitcast %[[M]] : f32 to i32
// BLOCK: %[[SHIFTED:.*]] = arith.shrui %[[BITS]], %c23_i32
// BLOCK: %[[FIELD:.*]] = arith.andi %[[SHIFTED]], %c255_i32
// BLOCK-NOT: math.log
// BLOCK: linalg.yield
// BLOCK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]
// BLOCK-SAME: ins(%[[ME]]#0, %[[ME]]#1, %arg0 : tensor<?x64xf32>, tensor<?x64xi32>, tensor<?x64xf32>)
// BLOCK-NOT: math.
// BLOCK-COUNT-2: arith.shli
// BLOCK-NOT: math.
// BLOCK: return
func.func @blocked(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// -----

// Surprisal space: p = e^{-x̄} and beta = e^{-β̄} once, the same streamed
// reduction, and ȳ = x̄ − Σ.
// CHECK-LABEL: func.func @surprisal_synapse_dense
// CHECK: math.exp
// CHECK: math.exp
// CHECK: linalg.transpose
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: math.log1p
// CHECK: linalg.generic
// CHECK: arith.subf
func.func @surprisal_synapse_dense(%x: tensor<8x4xf32>, %b: tensor<4x4xf32>) -> tensor<8x4xf32> {
  %y = syna.surprisal_synapse_dense %x beta %b : (tensor<8x4xf32>, tensor<4x4xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// Broadcasting maps: beta per column, alpha a scalar.
// CHECK-LABEL: func.func @synapse
// CHECK: linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>]
// CHECK: ^bb0(%[[XX:.*]]: f32, %[[YY:.*]]: f32, %[[BB:.*]]: f32, %[[AA:.*]]: f32, %{{.*}}: f32):
// CHECK:   %[[BY:.*]] = arith.mulf %[[BB]], %[[YY]]
// CHECK:   %[[C:.*]] = arith.subf %{{.*}}, %[[BY]]
// CHECK:   %[[XC:.*]] = arith.mulf %[[XX]], %[[C]]
// CHECK:   %[[R:.*]] = arith.mulf %[[AA]], %[[XC]]
// CHECK:   linalg.yield %[[R]]
func.func @synapse(%x: tensor<8x4xf32>, %y: tensor<8x4xf32>, %b: tensor<4xf32>, %a: tensor<f32>) -> tensor<8x4xf32> {
  %r = syna.synapse %x, %y beta %b alpha %a : (tensor<8x4xf32>, tensor<8x4xf32>, tensor<4xf32>, tensor<f32>) -> tensor<8x4xf32>
  return %r : tensor<8x4xf32>
}

// -----

// The flip circuit is an scf.for over steps; the trajectory is filled by
// insert_slice.
// CHECK-LABEL: func.func @flip
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0] [1, 1, 4]
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 0] [1, 1, 4]
// CHECK: scf.for {{.*}} = %c0 to %c10 step %c1 iter_args
// CHECK:   linalg.generic {{.*}}ins(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>)
// CHECK:   tensor.insert_slice
// CHECK:   tensor.insert_slice
// CHECK:   scf.yield
func.func @flip(%x0: tensor<4xf32>, %y0: tensor<4xf32>, %a: tensor<f32>, %b: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<11x2x4xf32>) {
  %x, %y, %t = syna.flip_circuit %x0, %y0 alpha %a, %a beta %b, %b steps 10
      : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<11x2x4xf32>)
  return %x, %y, %t : tensor<4xf32>, tensor<4xf32>, tensor<11x2x4xf32>
}
