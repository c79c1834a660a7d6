// RUN: syna-opt %s --syna-surprisal-rewrite --split-input-file | FileCheck %s

// A chain of synapse tensors stays in surprisal space: one conversion in,
// one out, none between the layers.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[B1:.*]]: tensor<4x4xf32>, %[[B2:.*]]: tensor<4x4xf32>)
// CHECK: %[[XS:.*]] = syna.surprisal %[[X]]
// CHECK: %[[B1S:.*]] = syna.surprisal %[[B1]]
// CHECK: %[[Y1:.*]] = syna.surprisal_synapse_dense %[[XS]] beta %[[B1S]]
// CHECK-NOT: syna.prob
// CHECK: %[[B2S:.*]] = syna.surprisal %[[B2]]
// CHECK-NOT: syna.prob
// CHECK: %[[Y2:.*]] = syna.surprisal_synapse_dense %[[Y1]] beta %[[B2S]]
// CHECK: %[[P:.*]] = syna.prob %[[Y2]]
// CHECK: return %[[P]]
func.func @chain(%x: tensor<?x4xf32>, %b1: tensor<4x4xf32>, %b2: tensor<4x4xf32>) -> tensor<?x4xf32> {
  %y1 = syna.synapse_dense %x beta %b1 : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %y2 = syna.synapse_dense %y1 beta %b2 : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  return %y2 : tensor<?x4xf32>
}

// -----

// A surprisal taken at the end is the chain's own value: no conversion back.
// CHECK-LABEL: func.func @surprisal_out
// CHECK: %[[S:.*]] = syna.surprisal_synapse %{{.*}}, %{{.*}} beta %{{.*}} alpha %{{.*}}
// CHECK-NOT: syna.prob
// CHECK: return %[[S]]
func.func @surprisal_out(%x: tensor<8xf32>, %y: tensor<8xf32>, %b: tensor<8xf32>, %a: tensor<8xf32>) -> tensor<8xf32> {
  %s = syna.synapse %x, %y beta %b alpha %a : (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %r = syna.surprisal %s : tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----

// Products of probabilities become sums of surprisals.
// CHECK-LABEL: func.func @product
// CHECK-SAME: (%[[A:.*]]: tensor<8xf32>, %[[B:.*]]: tensor<8xf32>)
// CHECK-DAG: %[[SA:.*]] = syna.surprisal %[[A]]
// CHECK-DAG: %[[SB:.*]] = syna.surprisal %[[B]]
// CHECK: %[[SUM:.*]] = arith.addf %[[SA]], %[[SB]] : tensor<8xf32>
// CHECK: return %[[SUM]]
func.func @product(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %p = arith.mulf %a, %b : tensor<8xf32>
  %s = syna.surprisal %p : tensor<8xf32>
  return %s : tensor<8xf32>
}

// -----

// Constant beta folds to its surprisal at compile time.
// CHECK-LABEL: func.func @constant_beta
// CHECK: %[[BS:.*]] = arith.constant dense<0.693147182> : tensor<4x4xf32>
// CHECK: syna.surprisal_synapse_dense %{{.*}} beta %[[BS]]
func.func @constant_beta(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %b = arith.constant dense<0.5> : tensor<4x4xf32>
  %y = syna.synapse_dense %x beta %b : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
