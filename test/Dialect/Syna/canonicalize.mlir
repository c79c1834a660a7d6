// Folders and canonicalization patterns of the syna dialect. Expected
// constants are closed forms computed by hand (comments give the formula),
// not outputs of the implementation.
// RUN: syna-opt %s --canonicalize --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @inverse_pairs
// CHECK-SAME: (%[[P:.*]]: tensor<?x4xf32>, %[[S:.*]]: tensor<?x4xf32>)
func.func @inverse_pairs(%p: tensor<?x4xf32>, %s: tensor<?x4xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) {
  %0 = syna.surprisal %p : tensor<?x4xf32>
  %1 = syna.prob %0 : tensor<?x4xf32>
  %2 = syna.prob %s : tensor<?x4xf32>
  %3 = syna.surprisal %2 : tensor<?x4xf32>
  // G is an involution.
  %4 = syna.conjugate %s : tensor<?x4xf32>
  %5 = syna.conjugate %4 : tensor<?x4xf32>
  // CHECK-NOT: syna.
  // CHECK: return %[[P]], %[[S]], %[[S]]
  return %1, %3, %5 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func.func @relu_idempotent
func.func @relu_idempotent(%x: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: %[[R:.*]] = syna.relu
  // CHECK-NOT: syna.relu
  // CHECK: return %[[R]]
  %0 = syna.relu %x : tensor<4xf32>
  %1 = syna.relu %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// tanh folds with its scalar reference function: tanh(0.5).
// CHECK-LABEL: func.func @tanh_constant
func.func @tanh_constant() -> tensor<f64> {
  %h = arith.constant dense<0.5> : tensor<f64>
  // CHECK: dense<0.46211715726000{{[0-9]*}}> : tensor<f64>
  // CHECK-NOT: syna.tanh
  %0 = syna.tanh %h : tensor<f64>
  return %0 : tensor<f64>
}

// -----

// CHECK-LABEL: func.func @unary_constants
func.func @unary_constants() -> (tensor<2xf64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<2xf64>, tensor<f64>) {
  %p = arith.constant dense<[1.0, 0.25]> : tensor<2xf64>
  %u = arith.constant dense<1.3862943611198906> : tensor<f64>
  %l3 = arith.constant dense<1.0986122886681098> : tensor<f64>
  %fifth = arith.constant dense<0.2> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %r = arith.constant dense<[-1.0, 2.0]> : tensor<2xf64>
  // −log 1 = 0, −log 0.25 = ln 4
  // CHECK-DAG: dense<[0.000000e+00, 1.3862943611198{{[0-9]*}}]> : tensor<2xf64>
  %0 = syna.surprisal %p : tensor<2xf64>
  // G(ln 4) = −log(1 − 1/4) = 0.28768207245178090
  // CHECK-DAG: dense<0.287682072451780{{[0-9]*}}> : tensor<f64>
  %1 = syna.conjugate %u : tensor<f64>
  // n_BE(ln 3) = 1/(3 − 1)
  // CHECK-DAG: dense<5.000000e-01> : tensor<f64>
  %2 = syna.bose_einstein %l3 : tensor<f64>
  // odds(0.2) = 0.2/0.8
  // CHECK-DAG: dense<2.500000e-01> : tensor<f64>
  %3 = syna.odds %fifth : tensor<f64>
  // e^{−1}
  // CHECK-DAG: dense<0.36787944117144{{[0-9]*}}> : tensor<f64>
  %4 = syna.prob %one : tensor<f64>
  // CHECK-DAG: dense<[0.000000e+00, 2.000000e+00]> : tensor<2xf64>
  %5 = syna.relu %r : tensor<2xf64>
  // sigmoid(ln 3) = 3/4
  // CHECK-DAG: dense<7.500000e-01> : tensor<f64>
  %6 = syna.sigmoid %l3 : tensor<f64>
  // CHECK-NOT: syna.
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2xf64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<2xf64>, tensor<f64>
}

// -----

// Folding stops where a value would not be finite in the element type: the
// op stays visible. (Constants outside an operand's domain do not verify:
// invalid.mlir.) −log 0 = inf; n_BE(1e−40) = 1e40 is finite in f64 but not
// in f32.
// CHECK-LABEL: func.func @no_fold_to_infinity
func.func @no_fold_to_infinity() -> (tensor<f32>, tensor<f32>) {
  %zero = arith.constant dense<0.0> : tensor<f32>
  %tiny = arith.constant dense<1.0e-40> : tensor<f32>
  // CHECK: syna.surprisal
  %0 = syna.surprisal %zero : tensor<f32>
  // CHECK: syna.bose_einstein
  %1 = syna.bose_einstein %tiny : tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// -----

// CHECK-LABEL: func.func @synapse_splat
func.func @synapse_splat() -> tensor<4xf32> {
  %x = arith.constant dense<0.5> : tensor<4xf32>
  %a = arith.constant dense<2.0> : tensor<f32>
  %b = arith.constant dense<0.5> : tensor<f32>
  // 2 · 0.5 · (1 − 0.5 · 0.5) = 0.75
  // CHECK: %[[C:.*]] = arith.constant dense<7.500000e-01> : tensor<4xf32>
  // CHECK-NEXT: return %[[C]]
  %0 = syna.synapse %x, %x beta %b alpha %a : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @synapse_zero_beta
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[Y:.*]]: tensor<?x4xf32>, %[[A:.*]]: tensor<?x4xf32>, %[[V:.*]]: tensor<4xf32>)
func.func @synapse_zero_beta(%x: tensor<?x4xf32>, %y: tensor<?x4xf32>, %a: tensor<?x4xf32>, %v: tensor<4xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) {
  %zero = arith.constant dense<0.0> : tensor<f32>
  // S(x, y; 1, 0) = x
  %0 = syna.synapse %x, %y beta %zero : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<f32>) -> tensor<?x4xf32>
  // S(x, y; α, 0) = α·x
  // CHECK: %[[M:.*]] = arith.mulf %[[A]], %[[X]] : tensor<?x4xf32>
  %1 = syna.synapse %x, %y beta %zero alpha %a : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<f32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  // α would need a broadcast: kept.
  // CHECK: %[[K:.*]] = syna.synapse %[[X]], %[[Y]] beta %{{.*}} alpha %[[V]]
  %2 = syna.synapse %x, %y beta %zero alpha %v : (tensor<?x4xf32>, tensor<?x4xf32>, tensor<f32>, tensor<4xf32>) -> tensor<?x4xf32>
  // CHECK: return %[[X]], %[[M]], %[[K]]
  return %0, %1, %2 : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func.func @synapse_dense_folds
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>)
func.func @synapse_dense_folds(%x: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<2x4xf32>) {
  %zero = arith.constant dense<0.0> : tensor<4x4xf32>
  %0 = syna.synapse_dense %x beta %zero : (tensor<?x4xf32>, tensor<4x4xf32>) -> tensor<?x4xf32>
  %xs = arith.constant dense<0.5> : tensor<2x4xf32>
  %b = arith.constant dense<0.5> : tensor<4x4xf32>
  %a = arith.constant dense<2.0> : tensor<4xf32>
  // 2 · 0.5 · (1 − 0.5 · 0.5)^4 = 0.31640625, per sample
  // CHECK: %[[C:.*]] = arith.constant dense<0.31640625> : tensor<2x4xf32>
  %1 = syna.synapse_dense %xs beta %b alpha %a : (tensor<2x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  // CHECK: return %[[X]], %[[C]]
  return %0, %1 : tensor<?x4xf32>, tensor<2x4xf32>
}

// -----

// With equal parameters the flip circuit is the logistic map z ← α·z·(1 − z),
// z = β·x. α = 2.5: fixed point z* = 1 − 1/α = 0.6; with β = 0.5, x* = 1.2.
// CHECK-LABEL: func.func @flip_fixed_point
func.func @flip_fixed_point() -> (tensor<f32>, tensor<f32>) {
  %x0 = arith.constant dense<0.3> : tensor<f32>
  %a = arith.constant dense<2.5> : tensor<f32>
  %b = arith.constant dense<0.5> : tensor<f32>
  // CHECK: %[[C:.*]] = arith.constant dense<1.200000e+00> : tensor<f32>
  // CHECK: return %[[C]], %[[C]]
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 200 : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %x, %y : tensor<f32>, tensor<f32>
}

// -----

// α = 3.2 > 3: period doubling. The 2-cycle is z = (α + 1 ± √((α − 3)(α + 1)))/(2α)
// = 0.79945549 and 0.51304451; consecutive steps alternate between them.
// CHECK-LABEL: func.func @flip_period_two
func.func @flip_period_two() -> (tensor<f64>, tensor<f64>) {
  %x0 = arith.constant dense<0.3> : tensor<f64>
  %a = arith.constant dense<3.2> : tensor<f64>
  %b = arith.constant dense<1.0> : tensor<f64>
  // CHECK-DAG: arith.constant dense<0.513044509532{{[0-9]*}}> : tensor<f64>
  // CHECK-DAG: arith.constant dense<0.799455490467{{[0-9]*}}> : tensor<f64>
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1000 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x1, %y1 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1001 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  return %x, %x1 : tensor<f64>, tensor<f64>
}

// -----

// α = 3.5 > 1 + √6 ≈ 3.449: the 2-cycle has split into a 4-cycle
// (0.38282, 0.82694, 0.50088, 0.87500: the logistic map iterated in float64).
// CHECK-LABEL: func.func @flip_period_four
func.func @flip_period_four() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %x0 = arith.constant dense<0.3> : tensor<f64>
  %a = arith.constant dense<3.5> : tensor<f64>
  %b = arith.constant dense<1.0> : tensor<f64>
  // CHECK-DAG: dense<0.38281968{{[0-9]*}}>
  // CHECK-DAG: dense<0.82694070{{[0-9]*}}>
  // CHECK-DAG: dense<0.50088421{{[0-9]*}}>
  // CHECK-DAG: dense<0.87499726{{[0-9]*}}>
  %x0a, %y0a = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1000 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x1, %y1 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1001 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x2, %y2 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1002 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  %x3, %y3 = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 1003 : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
  return %x0a, %x1, %x2, %x3 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}

// -----

// CHECK-LABEL: func.func @flip_zero_steps
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>, %{{.*}}: tensor<f32>)
func.func @flip_zero_steps(%x: tensor<4xf32>, %y: tensor<4xf32>, %s: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  // CHECK-NOT: syna.flip_circuit
  // CHECK: return %[[X]], %[[Y]]
  %0:2 = syna.flip_circuit %x, %y alpha %s, %s beta %s, %s steps 0 : (tensor<4xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// At β = 1 the swap ratio is the textbook odds ratio:
// (0.6/0.4)/(0.3/0.7) = 3.5, and its log is ln 3.5 = 1.2527629685.
// CHECK-LABEL: func.func @odds_ratio
func.func @odds_ratio(%p: tensor<3xf64>, %b: tensor<f64>) -> (tensor<f64>, tensor<f64>, tensor<3xf64>, tensor<3xf64>) {
  %x = arith.constant dense<0.6> : tensor<f64>
  %y = arith.constant dense<0.3> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %xs = arith.constant dense<0.51082562376599072> : tensor<f64>
  %ys = arith.constant dense<1.2039728043259361> : tensor<f64>
  %zero = arith.constant dense<0.0> : tensor<f64>
  // CHECK-DAG: dense<{{3\.50*e\+00|3\.49999999999999[0-9]*|3\.50000000000000[0-9]*}}> : tensor<f64>
  %0 = syna.swap_ratio %x, %y beta %one : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  // CHECK-DAG: dense<1.25276296849{{[0-9]*}}> : tensor<f64>
  %1 = syna.log_swap_ratio %xs, %ys beta %zero : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  // Swapping an input with itself changes nothing.
  // CHECK-DAG: dense<1.000000e+00> : tensor<3xf64>
  %2 = syna.swap_ratio %p, %p beta %b : (tensor<3xf64>, tensor<3xf64>, tensor<f64>) -> tensor<3xf64>
  // CHECK-DAG: dense<0.000000e+00> : tensor<3xf64>
  %3 = syna.log_swap_ratio %p, %p beta %b : (tensor<3xf64>, tensor<3xf64>, tensor<f64>) -> tensor<3xf64>
  return %0, %1, %2, %3 : tensor<f64>, tensor<f64>, tensor<3xf64>, tensor<3xf64>
}

// -----

// CHECK-LABEL: func.func @dropout
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[K:.*]]: i64)
func.func @dropout(%x: tensor<4xf32>, %k: i64) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // Inference mode and rate 0 are the identity.
  %0 = syna.dropout %x, %k {rate = 0.5} : tensor<4xf32>
  %1 = syna.dropout %x, %k {rate = 0.0, training} : tensor<4xf32>
  // CHECK: %[[D:.*]] = syna.dropout %[[X]], %[[K]] {rate = 5.000000e-01 : f64, training}
  %2 = syna.dropout %x, %k {rate = 0.5, training} : tensor<4xf32>
  // CHECK: return %[[X]], %[[X]], %[[D]]
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @batch_norm_inference
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[C:.*]]: tensor<4xf32>, %[[M:.*]]: tensor<4xf32>, %[[V:.*]]: tensor<4xf32>)
func.func @batch_norm_inference(%x: tensor<?x4xf32>, %c: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>)
    -> (tensor<?x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  // CHECK: %[[I:.*]], %{{.*}}, %{{.*}} = syna.batch_norm %[[X]], %[[C]], %[[C]], %[[M]], %[[V]] :
  %0:3 = syna.batch_norm %x, %c, %c, %m, %v : tensor<?x4xf32>, tensor<4xf32>
  // CHECK: %{{.*}}, %[[TM:.*]], %[[TV:.*]] = syna.batch_norm %[[X]], %[[C]], %[[C]], %[[M]], %[[V]] {training}
  %1:3 = syna.batch_norm %x, %c, %c, %m, %v {training} : tensor<?x4xf32>, tensor<4xf32>
  // CHECK: return %[[I]], %[[M]], %[[V]], %[[TM]], %[[TV]]
  return %0#0, %0#1, %0#2, %1#1, %1#2 : tensor<?x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @reshapes
// CHECK-SAME: (%[[X:.*]]: tensor<?x20x4x4xf32>, %[[F:.*]]: tensor<?x8xf32>)
func.func @reshapes(%x: tensor<?x20x4x4xf32>, %f: tensor<?x8xf32>)
    -> (tensor<?x10x32xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<2x2xf32>) {
  // flatten then reshape is one reshape of the source.
  // CHECK-DAG: %[[R:.*]] = syna.reshape %[[X]] : tensor<?x20x4x4xf32> -> tensor<?x10x32xf32>
  %0 = syna.flatten %x : tensor<?x20x4x4xf32> -> tensor<?x320xf32>
  %1 = syna.reshape %0 : tensor<?x320xf32> -> tensor<?x10x32xf32>
  // Reshapes to the same type, and flattening a matrix, do nothing.
  %2 = syna.reshape %f : tensor<?x8xf32> -> tensor<?x8xf32>
  %3 = syna.flatten %f : tensor<?x8xf32> -> tensor<?x8xf32>
  // CHECK-DAG: %[[C:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  %c = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %4 = syna.reshape %c : tensor<4xf32> -> tensor<2x2xf32>
  // CHECK: return %[[R]], %[[F]], %[[F]], %[[C]]
  return %1, %2, %3, %4 : tensor<?x10x32xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<2x2xf32>
}

// -----

// A recurrence too long to iterate at compile time is left to code
// generation rather than stalling the canonicalizer.
// CHECK-LABEL: func.func @flip_too_long_to_fold
func.func @flip_too_long_to_fold() -> tensor<f32> {
  %x0 = arith.constant dense<0.3> : tensor<f32>
  %a = arith.constant dense<2.5> : tensor<f32>
  %b = arith.constant dense<1.0> : tensor<f32>
  // CHECK: syna.flip_circuit {{.*}} steps 4611686018427387904
  %x, %y = syna.flip_circuit %x0, %x0 alpha %a, %a beta %b, %b steps 4611686018427387904 : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
  return %x : tensor<f32>
}
