// syna-build-train-step on small models: the loss in training mode, the
// optimizer update of each learnable parameter, the buffers, the accuracy.
// RUN: syna-opt %s --split-input-file --syna-build-train-step | FileCheck %s
// RUN: syna-opt %s --split-input-file --syna-build-train-step=loss-only | FileCheck %s --check-prefix=LOSS

// SGD with Nesterov momentum and weight decay; cross-entropy on logits;
// a batch norm with buffer statistics; a dropout with a key.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = cross_entropy, optimizer = sgd<lr = 0.1, momentum = 0.9, nesterov = true, weight_decay = 0.01>, batch = 4, epochs = 1, seed = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  syna.param @s : tensor<10xf32> init <ones>
  syna.param @t : tensor<10xf32> init <zeros>
  syna.param @mean : tensor<10xf32> init <zeros> buffer
  syna.param @var : tensor<10xf32> init <ones> buffer
  func.func @g(%x: tensor<?x784xf32>, %key: i64) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %s = syna.param_ref @s : tensor<10xf32>
    %t = syna.param_ref @t : tensor<10xf32>
    %m = syna.param_ref @mean : tensor<10xf32>
    %v = syna.param_ref @var : tensor<10xf32>
    %y, %nm, %nv = syna.batch_norm %d, %s, %t, %m, %v : tensor<?x10xf32>, tensor<10xf32>
    %r = syna.dropout %y, %key {rate = 5.000000e-01 : f64} : tensor<?x10xf32>
    return %r : tensor<?x10xf32>
  }
}
// The evaluation graph is unchanged (no training flags).
// CHECK-LABEL: func.func @g(
// CHECK-NOT: training
// CHECK: return
// Optimizer state: one momentum buffer per learnable parameter, none for
// the running statistics.
// CHECK-DAG: syna.param @__opt_m_s : tensor<10xf32> init <zeros> buffer
// CHECK-DAG: syna.param @__opt_m_t : tensor<10xf32> init <zeros> buffer
// CHECK-DAG: syna.param @__opt_m_w : tensor<10x784xf32> init <zeros> buffer
// CHECK-NOT: syna.param @__opt_m_mean
// CHECK-LABEL: func.func @__syna_train_step(
// CHECK-SAME: %[[X:.*]]: tensor<?x784xf32>, %[[L:.*]]: tensor<?xi32>, %[[K:.*]]: i64, %[[LR:.*]]: f32, %{{.*}}: i64) -> (tensor<f32>, tensor<i64>)
// CHECK: syna.batch_norm {{.*}} {training}
// CHECK: syna.dropout {{.*}}, %[[K]] {rate = 5.000000e-01 : f64, training}
// CHECK: syna.cross_entropy
// CHECK: syna.batch_norm_grad
// CHECK: syna.param_write @mean,
// CHECK: syna.param_write @var,
// The update of θ: g' = g + wd·θ; m = μ·m + g'; θ -= lr·(g' + μ·m).
// CHECK: %[[SR:.*]] = syna.param_read @s
// CHECK: %[[MR:.*]] = syna.param_read @__opt_m_s
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<10xf32>) outs(%[[SR]], %[[MR]] :
// CHECK: ^bb0(%[[G:[a-z0-9_]+]]: f32, %[[TH:[a-z0-9_]+]]: f32, %[[M:[a-z0-9_]+]]: f32):
// CHECK: %[[WD:.*]] = arith.mulf %[[TH]], %cst
// CHECK: %[[G2:.*]] = arith.addf %[[G]], %[[WD]]
// CHECK: %[[MM:.*]] = arith.mulf %[[M]], %[[MU:[a-z0-9_]+]] : f32
// CHECK: %[[M2:.*]] = arith.addf %[[MM]], %[[G2]]
// CHECK: %[[NM:.*]] = arith.mulf %[[M2]], %[[MU]]
// CHECK: %[[D:.*]] = arith.addf %[[G2]], %[[NM]]
// CHECK: %[[STEP:.*]] = arith.mulf %[[LR]], %[[D]]
// CHECK: %[[NEW:.*]] = arith.subf %[[TH]], %[[STEP]]
// CHECK: linalg.yield %[[NEW]], %[[M2]]
// CHECK: syna.param_write @s,
// CHECK: syna.param_write @__opt_m_s,
// CHECK: syna.param_write @t,
// CHECK: syna.param_write @w,
// The accuracy of the batch: the samples whose largest score is at their
// label (first index of the maximum), counted in i64.
// CHECK: %[[MAX:.*]]:2 = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK: arith.cmpf ogt
// CHECK: %[[HITS:.*]] = linalg.generic {{.*}} ins(%[[MAX]]#1, %[[L]] : tensor<?xi64>, tensor<?xi32>) outs(%{{.*}} : tensor<i64>)
// CHECK: arith.extsi
// CHECK: arith.cmpi eq
// CHECK: return %{{.*}}, %[[HITS]] : tensor<f32>, tensor<i64>
// CHECK-NOT: func.func @__syna_loss

// LOSS-LABEL: func.func @__syna_loss(
// LOSS-SAME: tensor<?x784xf32>, %{{.*}}: tensor<?xi32>, %{{.*}}: i64) -> (tensor<f32>, tensor<?x10xf32>, tensor<10xf32>, tensor<10xf32>)
// LOSS: %[[Y:.*]], %[[NM:.*]], %[[NV:.*]] = syna.batch_norm {{.*}} {training}
// LOSS: %[[R:.*]] = syna.dropout {{.*}}training
// LOSS: %[[C:.*]] = syna.cross_entropy %[[R]]
// LOSS: return %[[C]], %[[R]], %[[NM]], %[[NV]]

// -----

// Adam on an nll loss: two state buffers, bias corrections from the step.
module attributes {syna.model = #syna.model<"m", graph = @g, loss = nll, optimizer = adam, batch = 4, epochs = 1, seed = 1, data = mnist>} {
  syna.param @w : tensor<10x784xf32> init <xavier_uniform>
  func.func @g(%x: tensor<?x784xf32>) -> tensor<?x10xf32> {
    %w = syna.param_ref @w : tensor<10x784xf32>
    %d = syna.dense %x, %w : (tensor<?x784xf32>, tensor<10x784xf32>) -> tensor<?x10xf32>
    %l = syna.log_softmax %d : tensor<?x10xf32>
    return %l : tensor<?x10xf32>
  }
}
// CHECK-DAG: syna.param @__opt_m_w : tensor<10x784xf32> init <zeros> buffer
// CHECK-DAG: syna.param @__opt_v_w : tensor<10x784xf32> init <zeros> buffer
// CHECK-LABEL: func.func @__syna_train_step(
// CHECK: syna.nll_loss
// CHECK: %[[T:.*]] = arith.sitofp
// CHECK: math.powf %{{.*}}, %[[T]]
// CHECK: math.powf %{{.*}}, %[[T]]
// CHECK: linalg.generic
// CHECK: math.sqrt
// CHECK: arith.divf
// CHECK: linalg.yield
// CHECK: syna.param_write @w,
// CHECK: syna.param_write @__opt_m_w,
// CHECK: syna.param_write @__opt_v_w,
