// syna-build-eval-step: the evaluation and prediction steps, with the graph
// in inference mode and the same loss as the train step.
// RUN: syna-opt %s --split-input-file --syna-build-eval-step | FileCheck %s

// Cross-entropy on logits; a graph with a dropout key.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1>, batch = 4, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  func.func @g(%x: tensor<?x784xf32>, %key: i64) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %r = syna.dropout %d, %key {rate = 5.000000e-01 : f64} : tensor<?x10xf32>
    return %r : tensor<?x10xf32>
  }
}
// The graph itself is left as it is.
// CHECK-LABEL: func.func @g(
// CHECK-LABEL: func.func @__syna_eval_step(
// CHECK-SAME: %[[X:.*]]: tensor<?x784xf32>, %[[L:.*]]: tensor<?xi32>) -> (tensor<f32>, tensor<i64>)
// Inference: the graph as written (dropout not in training mode), called
// with the constant key 0; eval and predict share its compiled code.
// CHECK: %[[K:.*]] = arith.constant 0 : i64
// CHECK: %[[S:.*]] = call @g(%[[X]], %[[K]]) : (tensor<?x784xf32>, i64) -> tensor<?x10xf32>
// The loss summed over the batch, the number of correct samples.
// CHECK: %[[LOSS:.*]] = syna.cross_entropy %[[S]], %[[L]] {reduction = #syna.reduction<sum>}
// CHECK: %[[ARG:.*]]:2 = linalg.generic
// CHECK: %[[HITS:.*]] = linalg.generic {{.*}} ins(%[[ARG]]#1, %[[L]]
// CHECK: return %[[LOSS]], %[[HITS]] : tensor<f32>, tensor<i64>
// CHECK-LABEL: func.func @__syna_predict(
// CHECK-SAME: %[[X:.*]]: tensor<?x784xf32>) -> (tensor<?xi64>, tensor<?xf32>)
// The class of the largest softmax probability, and that probability.
// CHECK: %[[S:.*]] = call @g(%[[X]], %{{.*}})
// CHECK: %[[P:.*]] = syna.softmax %[[S]] {axis = 1 : i64} : tensor<?x10xf32>
// CHECK: %[[ARG:.*]]:2 = linalg.generic {{.*}} ins(%[[P]] : tensor<?x10xf32>)
// CHECK: return %[[ARG]]#1, %[[ARG]]#0 : tensor<?xi64>, tensor<?xf32>

// -----

// NLL on log-probabilities; a graph without a key.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = sgd<lr = 0.1>, batch = 4, epochs = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %l = syna.log_softmax %d : tensor<?x10xf32>
    return %l : tensor<?x10xf32>
  }
}
// CHECK-LABEL: func.func @__syna_eval_step(
// CHECK-SAME: %[[X:.*]]: tensor<?x784xf32>
// CHECK-NOT: arith.constant 0 : i64
// CHECK: call @g(%[[X]]) : (tensor<?x784xf32>) -> tensor<?x10xf32>
// CHECK: syna.nll_loss %{{.*}}, %{{.*}} {reduction = #syna.reduction<sum>}
