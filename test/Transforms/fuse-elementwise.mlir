// RUN: syna-opt %s --convert-syna-to-linalg --canonicalize --syna-fuse-elementwise --mlir-print-local-scope | FileCheck %s

// sigmoid -> synapse tensor -> surprisal -> relu. After fusion:
//  * the synapse epilogue y = exp(acc)·x, the surprisal −log y and the relu
//    are one elementwise loop nest that also recomputes sigmoid(x[b, i])
//    (read once per iteration), so neither y nor −log y is ever stored;
//  * the reduction over (b, j, i) still reads sigmoid(x) from a tensor: it
//    reads x[b, j] for every i, and fusing would evaluate the sigmoid n
//    times per element (syna-tile-and-fuse fuses it per batch tile).
// CHECK-LABEL: func.func @layer
// CHECK-SAME: (%[[X:.*]]: tensor<?x64xf32>, %[[B:.*]]: tensor<64x64xf32>)
// CHECK: %[[S:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]{{.*}}ins(%[[X]] :
// CHECK: math.exp
// CHECK: linalg.yield
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]{{.*}}ins(%[[S]], %{{.*}} :
// CHECK: math.log1p
// CHECK: linalg.yield
// CHECK: %[[OUT:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]{{.*}}ins(%[[ACC]], %[[X]] : tensor<?x64xf32>, tensor<?x64xf32>)
// CHECK:   math.exp
// CHECK:   arith.select
// CHECK:   math.exp
// CHECK:   arith.mulf
// CHECK:   math.log
// CHECK:   arith.negf
// CHECK:   arith.maximumf
// CHECK:   linalg.yield
// CHECK-NOT: linalg.generic
// CHECK: return %[[OUT]]
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %s = syna.sigmoid %x : tensor<?x64xf32>
  %y = syna.synapse_dense %s beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %l = syna.surprisal %y : tensor<?x64xf32>
  %r = syna.relu %l : tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}
