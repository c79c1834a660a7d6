// The syna-autodiff pass: signature, seeds, fan-out, parameters, the rule of
// each op (structurally; gradient-values.mlir checks numbers), and errors.
// RUN: syna-opt %s --split-input-file --syna-autodiff=cleanup=false | FileCheck %s
// RUN: syna-opt %s --split-input-file --syna-autodiff | FileCheck %s --check-prefix=CLEAN

// A scalar loss takes no seed (seed 1). Results: the loss, the adjoint of each
// float argument (not of the labels), then of each parameter read, by name.
syna.param @w : tensor<3x4xf32> init <kaiming_uniform>
syna.param @b : tensor<3xf32> init <zeros>
syna.param @unused : tensor<2xf32> init <zeros>

// CHECK-LABEL: func.func @loss(
func.func @loss(%x: tensor<?x4xf32>, %labels: tensor<?xi64>) -> tensor<f32> attributes {syna.differentiate} {
  %w = syna.param_ref @w : tensor<3x4xf32>
  %b = syna.param_ref @b : tensor<3xf32>
  %l = syna.dense %x, %w bias %b : (tensor<?x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %ce = syna.cross_entropy %l, %labels : tensor<?x3xf32>, tensor<?xi64> -> tensor<f32>
  return %ce : tensor<f32>
}
// CHECK-LABEL: func.func @loss_grad(
// CHECK-SAME: %[[X:.*]]: tensor<?x4xf32>, %[[LABELS:.*]]: tensor<?xi64>)
// CHECK-SAME: -> (tensor<f32>, tensor<?x4xf32>, tensor<3xf32>, tensor<3x4xf32>)
// The primal is recomputed.
// CHECK: %[[W:.*]] = syna.param_ref @w
// CHECK: %[[B:.*]] = syna.param_ref @b
// CHECK: %[[L:.*]] = syna.dense %[[X]], %[[W]] bias %[[B]]
// CHECK: %[[CE:.*]] = syna.cross_entropy %[[L]], %[[LABELS]]
// cross_entropy: nll_loss_grad of log_softmax(axis 1), seeded with 1, then
// the log_softmax rule g − e^l·Σ_axis g.
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<f32>
// CHECK: %[[LOGP:.*]] = syna.log_softmax %[[L]] {axis = 1 : i64}
// CHECK: %[[DLOGP:.*]] = syna.nll_loss_grad %[[LOGP]], %[[LABELS]] grad %[[ONE]]
// CHECK: %[[SUM:.*]] = syna.reduce_to_shape %[[DLOGP]] : tensor<?x3xf32> -> tensor<?x1xf32>
// CHECK: %[[P:.*]] = math.exp %[[LOGP]]
// CHECK: %[[SUMB:.*]] = syna.broadcast %[[SUM]] like %[[DLOGP]] : tensor<?x1xf32> -> tensor<?x3xf32>
// CHECK: %[[T:.*]] = arith.mulf %[[P]], %[[SUMB]]
// CHECK: %[[DL:.*]] = arith.subf %[[DLOGP]], %[[T]]
// dense: dx = dense(g, Wᵀ), dW = dense(gᵀ, xᵀ), db = Σ_batch g.
// CHECK: %[[WT:.*]] = syna.transpose %[[W]] {permutation = array<i64: 1, 0>} : tensor<3x4xf32> -> tensor<4x3xf32>
// CHECK: %[[DX:.*]] = syna.dense %[[DL]], %[[WT]] : (tensor<?x3xf32>, tensor<4x3xf32>) -> tensor<?x4xf32>
// CHECK: %[[GT:.*]] = syna.transpose %[[DL]] {permutation = array<i64: 1, 0>} : tensor<?x3xf32> -> tensor<3x?xf32>
// CHECK: %[[XT:.*]] = syna.transpose %[[X]] {permutation = array<i64: 1, 0>} : tensor<?x4xf32> -> tensor<4x?xf32>
// CHECK: %[[DW:.*]] = syna.dense %[[GT]], %[[XT]] : (tensor<3x?xf32>, tensor<4x?xf32>) -> tensor<3x4xf32>
// CHECK: %[[DB:.*]] = syna.reduce_to_shape %[[DL]] : tensor<?x3xf32> -> tensor<3xf32>
// Domain real: dθ is the adjoint itself. Order: @b before @w.
// CHECK: return %[[CE]], %[[DX]], %[[DB]], %[[DW]]

// -----

// Several results: one seed argument per float result, after the arguments;
// an argument that nothing depends on gets a zero adjoint (tensor.splat for
// a dynamic shape); an integer result gets no seed.
// CHECK-LABEL: func.func @two_results_grad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x4xf32>, %[[UNUSED:[^:]*]]: tensor<?x2xf32>, %[[K:[^:]*]]: i64, %[[S0:[^:]*]]: tensor<?x4xf32>, %[[S1:[^:]*]]: tensor<?x4xf32>)
// CHECK-SAME: -> (tensor<?x4xf32>, i64, tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x2xf32>)
func.func @two_results(%x: tensor<?x4xf32>, %unused: tensor<?x2xf32>, %k: i64)
    -> (tensor<?x4xf32>, i64, tensor<?x4xf32>) attributes {syna.differentiate} {
  %0 = syna.relu %x : tensor<?x4xf32>
  %1 = syna.sigmoid %x : tensor<?x4xf32>
  return %0, %k, %1 : tensor<?x4xf32>, i64, tensor<?x4xf32>
}
// CHECK: %[[R:.*]] = syna.relu %[[X]]
// CHECK: %[[S:.*]] = syna.sigmoid %[[X]]
// sigmoid: g·s·(1 − s), the 1 splat over the dynamic batch.
// CHECK: %[[GS:.*]] = arith.mulf %[[S1]], %[[S]]
// CHECK: %[[ONE:.*]] = tensor.splat %{{.*}}[%{{.*}}] : tensor<?x4xf32>
// CHECK: %[[OMS:.*]] = arith.subf %[[ONE]], %[[S]]
// CHECK: %[[DS:.*]] = arith.mulf %[[GS]], %[[OMS]]
// relu: select(x > 0, g, 0).
// CHECK: %[[ZERO:.*]] = tensor.splat %{{.*}}[%{{.*}}] : tensor<?x4xf32>
// CHECK: %[[POS:.*]] = arith.cmpf ogt, %[[X]], %[[ZERO]]
// CHECK: %[[DR:.*]] = arith.select %[[POS]], %[[S0]], %[[ZERO]]
// Fan-out: x feeds both ops; the adjoints add.
// CHECK: %[[DX:.*]] = arith.addf %[[DS]], %[[DR]]
// CHECK: %[[DUNUSED:.*]] = tensor.splat %{{.*}}[%{{.*}}] : tensor<?x2xf32>
// CHECK: return %[[R]], %[[K]], %[[S]], %[[DX]], %[[DUNUSED]]

// -----

// Parameter domains: dθ = g·v(1 − v) (unit), −g·expm1(−v) (positive),
// −g·expm1(1 − v) (at_least_one), where v is the mapped value. The synapse
// tensor goes through synapse_dense_grad, with the forward result.
syna.param @beta : tensor<4x4xf32> init <zeros> domain <unit>
syna.param @alpha : tensor<4xf32> init <zeros> domain <at_least_one>
syna.param @gain : tensor<4xf32> init <zeros> domain <positive>

// CHECK-LABEL: func.func @params_grad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x4xf32>, %[[SEED:[^:]*]]: tensor<?x4xf32>)
// CHECK-SAME: -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>)
func.func @params(%x: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {syna.differentiate} {
  %beta = syna.param_ref @beta : tensor<4x4xf32>
  %alpha = syna.param_ref @alpha : tensor<4xf32>
  %gain = syna.param_ref @gain : tensor<4xf32>
  %y = syna.synapse_dense %x beta %beta alpha %alpha : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %z = syna.synapse %y, %x beta %beta alpha %gain : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %z : tensor<?x4xf32>
}
// CHECK: %[[BETA:.*]] = syna.param_ref @beta
// CHECK: %[[ALPHA:.*]] = syna.param_ref @alpha
// CHECK: %[[GAIN:.*]] = syna.param_ref @gain
// CHECK: %[[Y:.*]] = syna.synapse_dense %[[X]] beta %[[BETA]] alpha %[[ALPHA]]
// CHECK: %[[Z:.*]] = syna.synapse %[[Y]], %[[X]] beta %[[BETA]] alpha %[[GAIN]]
// synapse: operands broadcast to the result, adjoints summed back.
// CHECK: %[[BB:.*]] = syna.broadcast %[[BETA]] like %[[SEED]] : tensor<4x4xf32> -> tensor<?x4xf32>
// CHECK: %[[BG:.*]] = syna.broadcast %[[GAIN]] like %[[SEED]] : tensor<4xf32> -> tensor<?x4xf32>
// CHECK: %[[BY:.*]] = arith.mulf %[[BB]], %[[X]]
// CHECK: %[[INH:.*]] = arith.subf %{{.*}}, %[[BY]]
// CHECK: %[[GINH:.*]] = arith.mulf %[[SEED]], %[[INH]]
// CHECK: %[[GA:.*]] = arith.mulf %[[SEED]], %[[BG]]
// dx = g·(1 − βy)·α: the adjoint of %y
// CHECK: %[[DY:.*]] = arith.mulf %[[GINH]], %[[BG]]
// dy = −g·α·β·x
// CHECK: %[[T0:.*]] = arith.mulf %[[GA]], %[[BB]]
// CHECK: %[[T1:.*]] = arith.mulf %[[T0]], %[[Y]]
// CHECK: %[[DXS:.*]] = arith.negf %[[T1]]
// dβ = −Σ g·α·x·y
// CHECK: %[[T2:.*]] = arith.mulf %[[GA]], %[[Y]]
// CHECK: %[[T3:.*]] = arith.mulf %[[T2]], %[[X]]
// CHECK: %[[T4:.*]] = arith.negf %[[T3]]
// CHECK: %[[DBS:.*]] = syna.reduce_to_shape %[[T4]] : tensor<?x4xf32> -> tensor<4x4xf32>
// dα = Σ g·(1 − βy)·x
// CHECK: %[[T5:.*]] = arith.mulf %[[GINH]], %[[Y]]
// CHECK: %[[DG:.*]] = syna.reduce_to_shape %[[T5]] : tensor<?x4xf32> -> tensor<4xf32>
// CHECK: %[[DXD:.*]], %[[DBD:.*]], %[[DAD:.*]] = syna.synapse_dense_grad %[[X]] beta %[[BETA]] alpha %[[ALPHA]] result %[[Y]] grad %[[DY]]
// CHECK: %[[DX:.*]] = arith.addf %[[DXS]], %[[DXD]]
// CHECK: %[[DB:.*]] = arith.addf %[[DBS]], %[[DBD]]
// positive: −g·expm1(−v)
// CHECK: %[[NG:.*]] = arith.negf %[[GAIN]]
// CHECK: %[[E0:.*]] = math.expm1 %[[NG]]
// CHECK: %[[M0:.*]] = arith.mulf %[[DG]], %[[E0]]
// CHECK: %[[DTHETAG:.*]] = arith.negf %[[M0]]
// at_least_one: −g·expm1(1 − v)
// CHECK: %[[OMA:.*]] = arith.subf %{{.*}}, %[[ALPHA]]
// CHECK: %[[E1:.*]] = math.expm1 %[[OMA]]
// CHECK: %[[M1:.*]] = arith.mulf %[[DAD]], %[[E1]]
// CHECK: %[[DTHETAA:.*]] = arith.negf %[[M1]]
// unit: g·v·(1 − v)
// CHECK: %[[M2:.*]] = arith.mulf %[[DB]], %[[BETA]]
// CHECK: %[[OMB:.*]] = arith.subf %{{.*}}, %[[BETA]]
// CHECK: %[[DTHETAB:.*]] = arith.mulf %[[M2]], %[[OMB]]
// CHECK: return %[[Z]], %[[DX]], %[[DTHETAA]], %[[DTHETAB]], %[[DTHETAG]]

// -----

// Surprisal-space ops: the conjugate's rule is the Bose–Einstein form
// du = −g·n_BE(u); log_swap_ratio uses n_BE at x̄ + β̄ and ȳ + β̄.
// CHECK-LABEL: func.func @surprisal_grad(
// CHECK-SAME: %[[P:[^:]*]]: tensor<8xf32>, %[[B:[^:]*]]: tensor<f32>, %[[SEED:[^:]*]]: tensor<8xf32>)
func.func @surprisal(%p: tensor<8xf32>, %b: tensor<f32>) -> tensor<8xf32> attributes {syna.differentiate} {
  %s = syna.surprisal %p : tensor<8xf32>
  %c = syna.conjugate %s : tensor<8xf32>
  %l = syna.log_swap_ratio %s, %c beta %b : (tensor<8xf32>, tensor<8xf32>, tensor<f32>) -> tensor<8xf32>
  %q = syna.prob %l : tensor<8xf32>
  %n = syna.bose_einstein %q : tensor<8xf32>
  %o = syna.odds %n : tensor<8xf32>
  return %o : tensor<8xf32>
}
// CHECK: %[[S:.*]] = syna.surprisal %[[P]]
// CHECK: %[[C:.*]] = syna.conjugate %[[S]]
// CHECK: %[[L:.*]] = syna.log_swap_ratio %[[S]], %[[C]] beta %[[B]]
// CHECK: %[[Q:.*]] = syna.prob %[[L]]
// CHECK: %[[N:.*]] = syna.bose_einstein %[[Q]]
// CHECK: %[[O:.*]] = syna.odds %[[N]]
// odds: g·(1 + o)²
// CHECK: %[[OPO:.*]] = arith.addf %{{.*}}, %[[O]]
// CHECK: %[[SQ:.*]] = arith.mulf %[[OPO]], %[[OPO]]
// CHECK: %[[DN:.*]] = arith.mulf %[[SEED]], %[[SQ]]
// bose_einstein: −g·(n + n²)
// CHECK: %[[NN:.*]] = arith.mulf %[[N]], %[[N]]
// CHECK: %[[NPNN:.*]] = arith.addf %[[N]], %[[NN]]
// CHECK: %[[T0:.*]] = arith.mulf %[[DN]], %[[NPNN]]
// CHECK: %[[DQ:.*]] = arith.negf %[[T0]]
// prob: −g·p
// CHECK: %[[T1:.*]] = arith.mulf %[[DQ]], %[[Q]]
// CHECK: %[[DL:.*]] = arith.negf %[[T1]]
// log_swap_ratio
// CHECK: %[[BB:.*]] = syna.broadcast %[[B]] like %[[DL]] : tensor<f32> -> tensor<8xf32>
// CHECK: %[[XB:.*]] = arith.addf %[[S]], %[[BB]]
// CHECK: %[[NX:.*]] = syna.bose_einstein %[[XB]]
// CHECK: %[[YB:.*]] = arith.addf %[[C]], %[[BB]]
// CHECK: %[[NY:.*]] = syna.bose_einstein %[[YB]]
// CHECK: %[[GNX:.*]] = arith.mulf %[[DL]], %[[NX]]
// CHECK: %[[T2:.*]] = arith.addf %[[DL]], %[[GNX]]
// CHECK: %[[DSX:.*]] = arith.negf %[[T2]]
// CHECK: %[[GNY:.*]] = arith.mulf %[[DL]], %[[NY]]
// CHECK: %[[DC:.*]] = arith.addf %[[DL]], %[[GNY]]
// CHECK: %[[NYMNX:.*]] = arith.subf %[[NY]], %[[NX]]
// CHECK: %[[T3:.*]] = arith.mulf %[[DL]], %[[NYMNX]]
// CHECK: %[[DBETA:.*]] = syna.reduce_to_shape %[[T3]] : tensor<8xf32> -> tensor<f32>
// conjugate: −g·n_BE(s)
// CHECK: %[[NS:.*]] = syna.bose_einstein %[[S]]
// CHECK: %[[T4:.*]] = arith.mulf %[[DC]], %[[NS]]
// CHECK: %[[DSC:.*]] = arith.negf %[[T4]]
// Fan-out: s feeds the conjugate and log_swap_ratio.
// CHECK: %[[DS:.*]] = arith.addf %[[DSX]], %[[DSC]]
// surprisal: −g/p
// CHECK: %[[T5:.*]] = arith.divf %[[DS]], %[[P]]
// CHECK: %[[DP:.*]] = arith.negf %[[T5]]
// CHECK: return %[[O]], %[[DP]], %[[DBETA]]

// -----

// swap_ratio: A = 1 − βy, B = 1 − βx;
// dx = g·A/(y·B²), dy = −g·x/(B·y²), dβ = g·x·(x − y)/(y·B²).
// CHECK-LABEL: func.func @swap_grad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4xf32>, %[[Y:[^:]*]]: tensor<4xf32>, %[[B:[^:]*]]: tensor<4xf32>, %[[G:[^:]*]]: tensor<4xf32>)
func.func @swap(%x: tensor<4xf32>, %y: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> attributes {syna.differentiate} {
  %r = syna.swap_ratio %x, %y beta %b : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
// CHECK: %[[BY:.*]] = arith.mulf %[[B]], %[[Y]]
// CHECK: %[[A:.*]] = arith.subf %{{.*}}, %[[BY]]
// CHECK: %[[BX:.*]] = arith.mulf %[[B]], %[[X]]
// CHECK: %[[BB:.*]] = arith.subf %{{.*}}, %[[BX]]
// CHECK: %[[B2:.*]] = arith.mulf %[[BB]], %[[BB]]
// CHECK: %[[YB2:.*]] = arith.mulf %[[Y]], %[[B2]]
// CHECK: %[[GA:.*]] = arith.mulf %[[G]], %[[A]]
// CHECK: %[[DX:.*]] = arith.divf %[[GA]], %[[YB2]]
// CHECK: %[[GX:.*]] = arith.mulf %[[G]], %[[X]]
// CHECK: %[[Y2:.*]] = arith.mulf %[[Y]], %[[Y]]
// CHECK: %[[BY2:.*]] = arith.mulf %[[BB]], %[[Y2]]
// CHECK: %[[Q:.*]] = arith.divf %[[GX]], %[[BY2]]
// CHECK: %[[DY:.*]] = arith.negf %[[Q]]
// CHECK: %[[XMY:.*]] = arith.subf %[[X]], %[[Y]]
// CHECK: %[[XXMY:.*]] = arith.mulf %[[X]], %[[XMY]]
// CHECK: %[[GXXMY:.*]] = arith.mulf %[[G]], %[[XXMY]]
// CHECK: %[[DB:.*]] = arith.divf %[[GXXMY]], %[[YB2]]
// CHECK: return %{{.*}}, %[[DX]], %[[DY]], %[[DB]]

// -----

// Convolution, pooling, flatten, softmax, batch-norm (training), dropout and
// nll_loss: each gets its gradient op or shape op.
// CHECK-LABEL: func.func @cnn_grad(
// CHECK-SAME: %[[IMG:[^:]*]]: tensor<?x1x8x8xf32>, %[[K:[^:]*]]: tensor<2x1x3x3xf32>, %[[KB:[^:]*]]: tensor<2xf32>, %[[C:[^:]*]]: tensor<18xf32>, %[[KEY:[^:]*]]: i64, %[[LABELS:[^:]*]]: tensor<?xi64>)
func.func @cnn(%img: tensor<?x1x8x8xf32>, %k: tensor<2x1x3x3xf32>, %kb: tensor<2xf32>, %c: tensor<18xf32>,
               %key: i64, %labels: tensor<?xi64>) -> tensor<f32> attributes {syna.differentiate} {
  %0 = syna.conv2d %img, %k bias %kb : (tensor<?x1x8x8xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<?x2x6x6xf32>
  %1 = syna.max_pool2d %0 {kernel = array<i64: 2, 2>} : tensor<?x2x6x6xf32> -> tensor<?x2x3x3xf32>
  %2 = syna.flatten %1 : tensor<?x2x3x3xf32> -> tensor<?x18xf32>
  %3 = syna.softmax %2 : tensor<?x18xf32>
  %4:3 = syna.batch_norm %3, %c, %c, %c, %c {training} : tensor<?x18xf32>, tensor<18xf32>
  %5 = syna.dropout %4#0, %key {rate = 0.25, training} : tensor<?x18xf32>
  %6 = syna.log_softmax %5 : tensor<?x18xf32>
  %7 = syna.nll_loss %6, %labels {reduction = #syna.reduction<sum>} : tensor<?x18xf32>, tensor<?xi64> -> tensor<f32>
  return %7 : tensor<f32>
}
// CHECK: %[[CONV:.*]] = syna.conv2d
// CHECK: %[[POOL:.*]] = syna.max_pool2d
// CHECK: %[[FLAT:.*]] = syna.flatten
// CHECK: %[[SM:.*]] = syna.softmax
// CHECK: {{.*}} = syna.batch_norm
// CHECK: %[[DROP:.*]] = syna.dropout
// CHECK: %[[LSM:.*]] = syna.log_softmax
// CHECK: %[[DLSM:.*]] = syna.nll_loss_grad %[[LSM]], %[[LABELS]] grad %{{.*}} {reduction = #syna.reduction<sum>}
// CHECK: %[[DDROP:.*]] = arith.subf %[[DLSM]]
// The same key and rate: the same mask.
// CHECK: %[[DBN:.*]] = syna.dropout %[[DDROP]], %[[KEY]] {rate = 2.500000e-01 : f64, training}
// CHECK: %[[DSM:.*]], %[[DSCALE:.*]], %[[DSHIFT:.*]] = syna.batch_norm_grad %[[SM]], %[[C]], %[[C]], %[[C]] grad %[[DBN]] {training}
// In training the running statistics get no adjoint from the result: c
// (scale, shift, mean and variance at once) receives the scale and shift
// adjoints only.
// CHECK: %[[DC:.*]] = arith.addf %[[DSCALE]], %[[DSHIFT]]
// softmax: s·(g − Σ_axis g·s)
// CHECK: %[[GS:.*]] = arith.mulf %[[DSM]], %[[SM]]
// CHECK: %[[DOT:.*]] = syna.reduce_to_shape %[[GS]] : tensor<?x18xf32> -> tensor<?x1xf32>
// CHECK: %[[DOTB:.*]] = syna.broadcast %[[DOT]] like %[[DSM]]
// CHECK: %[[DIFF:.*]] = arith.subf %[[DSM]], %[[DOTB]]
// CHECK: %[[DFLAT:.*]] = arith.mulf %[[SM]], %[[DIFF]]
// CHECK: %[[DPOOL:.*]] = syna.reshape %[[DFLAT]] : tensor<?x18xf32> -> tensor<?x2x3x3xf32>
// CHECK: %[[DCONV:.*]] = syna.max_pool2d_grad %[[CONV]], %[[DPOOL]] {kernel = array<i64: 2, 2>}
// CHECK: %[[DIMG:.*]] = syna.conv2d_input_grad %[[DCONV]], %[[K]] : (tensor<?x2x6x6xf32>, tensor<2x1x3x3xf32>) -> tensor<?x1x8x8xf32>
// CHECK: %[[DK:.*]] = syna.conv2d_weight_grad %[[IMG]], %[[DCONV]] : (tensor<?x1x8x8xf32>, tensor<?x2x6x6xf32>) -> tensor<2x1x3x3xf32>
// CHECK: %[[DKB1:.*]] = syna.reduce_to_shape %[[DCONV]] : tensor<?x2x6x6xf32> -> tensor<2x1x1xf32>
// CHECK: %[[DKB:.*]] = syna.reshape %[[DKB1]] : tensor<2x1x1xf32> -> tensor<2xf32>
// CHECK: return %{{.*}}, %[[DIMG]], %[[DK]], %[[DKB]], %[[DC]]

// -----

// Batch-norm in inference mode: the running statistics get adjoints too,
// d mean = −scale·dshift/√(var + ε), d var = −½·scale·dscale/(var + ε).
// CHECK-LABEL: func.func @bn_inference_grad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<?x4xf32>, %[[S:[^:]*]]: tensor<4xf32>, %[[SH:[^:]*]]: tensor<4xf32>, %[[M:[^:]*]]: tensor<4xf32>, %[[V:[^:]*]]: tensor<4xf32>, %[[G:[^:]*]]: tensor<?x4xf32>)
func.func @bn_inference(%x: tensor<?x4xf32>, %s: tensor<4xf32>, %sh: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> tensor<?x4xf32> attributes {syna.differentiate} {
  %0:3 = syna.batch_norm %x, %s, %sh, %m, %v {epsilon = 0.5} : tensor<?x4xf32>, tensor<4xf32>
  return %0#0 : tensor<?x4xf32>
}
// CHECK: %[[DX:.*]], %[[DS:.*]], %[[DSH:.*]] = syna.batch_norm_grad %[[X]], %[[S]], %[[M]], %[[V]] grad %[[G]] {epsilon = 5.000000e-01 : f64}
// CHECK: %[[EPS:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK: %[[VE:.*]] = arith.addf %[[V]], %[[EPS]]
// CHECK: %[[INV:.*]] = math.rsqrt %[[VE]]
// CHECK: %[[T0:.*]] = arith.mulf %[[S]], %[[DSH]]
// CHECK: %[[T1:.*]] = arith.mulf %[[T0]], %[[INV]]
// CHECK: %[[DM:.*]] = arith.negf %[[T1]]
// CHECK: %[[HALF:.*]] = arith.constant dense<-5.000000e-01> : tensor<4xf32>
// CHECK: %[[T2:.*]] = arith.mulf %[[S]], %[[DS]]
// CHECK: %[[T3:.*]] = arith.mulf %[[HALF]], %[[T2]]
// CHECK: %[[INV2:.*]] = arith.mulf %[[INV]], %[[INV]]
// CHECK: %[[DV:.*]] = arith.mulf %[[T3]], %[[INV2]]
// CHECK: return %{{.*}}, %[[DX]], %[[DS]], %[[DSH]], %[[DM]], %[[DV]]

// -----

// The flip circuit differentiates through flip_circuit_grad; a result
// without a seed-reachable use gets a zero adjoint.
// CHECK-LABEL: func.func @flip_grad(
// CHECK-SAME: %[[X0:[^:]*]]: tensor<16xf32>, %[[A:[^:]*]]: tensor<f32>, %[[B:[^:]*]]: tensor<16xf32>, %[[SEED:[^:]*]]: tensor<16xf32>)
func.func @flip(%x0: tensor<16xf32>, %a: tensor<f32>, %b: tensor<16xf32>) -> tensor<16xf32> attributes {syna.differentiate} {
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 50 : (tensor<16xf32>, tensor<16xf32>, tensor<f32>, tensor<f32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>)
  return %y : tensor<16xf32>
}
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<16xf32>
// CHECK: %[[D0:.*]], %[[D1:.*]], %[[D2:.*]], %[[D3:.*]], %[[D4:.*]], %[[D5:.*]] = syna.flip_circuit_grad %[[X0]], %[[X0]] alpha %[[A]], %[[A]] beta %[[B]], %[[B]] steps 50 grad %[[ZERO]], %[[SEED]]
// x0 and y0 are the same value, as are alpha1/alpha2 and beta1/beta2: sums.
// CHECK-DAG: %[[DX0:.*]] = arith.addf %[[D0]], %[[D1]]
// CHECK-DAG: %[[DA:.*]] = arith.addf %[[D2]], %[[D3]]
// CHECK-DAG: %[[DB:.*]] = arith.addf %[[D4]], %[[D5]]
// CHECK: return %{{.*}}, %[[DX0]], %[[DA]], %[[DB]]

// -----

// With cleanup (the default), canonicalization and CSE make the backward
// pass reuse forward values: the log_softmax that cross_entropy's rule
// recomputes is shared, and the unused forward results disappear.
// CLEAN-LABEL: func.func @shared_grad(
// CLEAN-SAME: %[[X:[^:]*]]: tensor<?x4xf32>
func.func @shared(%x: tensor<?x4xf32>, %labels: tensor<?xi64>) -> tensor<f32> attributes {syna.differentiate} {
  %0 = syna.log_softmax %x {axis = 1} : tensor<?x4xf32>
  %1 = syna.nll_loss %0, %labels : tensor<?x4xf32>, tensor<?xi64> -> tensor<f32>
  %2 = syna.log_softmax %x {axis = 1} : tensor<?x4xf32>
  %3 = syna.nll_loss %2, %labels : tensor<?x4xf32>, tensor<?xi64> -> tensor<f32>
  %4 = arith.addf %1, %3 : tensor<f32>
  return %4 : tensor<f32>
}
// CLEAN: syna.log_softmax %[[X]]
// CLEAN-NOT: syna.log_softmax
// CLEAN: syna.nll_loss
// CLEAN-NOT: syna.nll_loss
// CLEAN: syna.nll_loss_grad
// CLEAN-NOT: syna.nll_loss_grad
// CLEAN: return
