// Gradient values at a point, by folding: syna-autodiff builds @f_grad, the
// inliner puts it into a caller with splat constants, and the folders
// evaluate it. Expected numbers are central finite differences in float64 of
// the forward definitions, printed by Inputs/fd_reference.py (independent of
// the C++ rules); comments give the closed form as well.
// RUN: syna-opt %s --split-input-file --syna-autodiff --inline --canonicalize | FileCheck %s

// Elementwise ops, seed 1: each argument's adjoint is the derivative.
func.func @unary(%p: tensor<f64>, %s: tensor<f64>, %u: tensor<f64>, %n: tensor<f64>,
                 %q: tensor<f64>, %x: tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    attributes {syna.differentiate} {
  %0 = syna.surprisal %p : tensor<f64>
  %1 = syna.prob %s : tensor<f64>
  %2 = syna.conjugate %u : tensor<f64>
  %3 = syna.bose_einstein %n : tensor<f64>
  %4 = syna.odds %q : tensor<f64>
  %5 = syna.sigmoid %x : tensor<f64>
  return %0, %1, %2, %3, %4, %5 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}
func.func private @unary_grad(tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
                              tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
        tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)

// CHECK-LABEL: func.func @check_unary
func.func @check_unary() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %p = arith.constant dense<0.2> : tensor<f64>
  %s = arith.constant dense<0.7> : tensor<f64>
  %u = arith.constant dense<0.9> : tensor<f64>
  %q = arith.constant dense<0.3> : tensor<f64>
  %x = arith.constant dense<0.4> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %r:12 = func.call @unary_grad(%p, %s, %u, %u, %q, %x, %one, %one, %one, %one, %one, %one)
      : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
         tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
      -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>,
          tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
  // −1/p at 0.2
  // CHECK-DAG: %[[SURPRISAL:.*]] = arith.constant dense<-5.000000e+00>
  // −e^{−s} at 0.7: −0.4965853038
  // CHECK-DAG: %[[PROB:.*]] = arith.constant dense<-0.496585303{{[0-9]*}}>
  // G′(u) = −n_BE(u) at 0.9: −0.6851177504
  // CHECK-DAG: %[[CONJUGATE:.*]] = arith.constant dense<-0.685117750{{[0-9]*}}>
  // n_BE′(u) = −n(1 + n) at 0.9: −1.154504082
  // CHECK-DAG: %[[BOSE:.*]] = arith.constant dense<-1.15450408{{[0-9]*}}>
  // 1/(1 − p)² at 0.3 = 2.0408163265
  // CHECK-DAG: %[[ODDS:.*]] = arith.constant dense<2.04081632{{[0-9]*}}>
  // σ(1 − σ) at 0.4 = 0.2402607457
  // CHECK-DAG: %[[SIGMOID:.*]] = arith.constant dense<0.24026074{{[0-9]*}}>
  // CHECK: return %[[SURPRISAL]], %[[PROB]], %[[CONJUGATE]], %[[BOSE]], %[[ODDS]], %[[SIGMOID]]
  return %r#6, %r#7, %r#8, %r#9, %r#10, %r#11 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}

// -----

// The surprisal synapse S̄ = ᾱ + x̄ + G(ȳ + β̄) written with arith.addf and
// syna.conjugate: ∂S̄/∂ᾱ = ∂S̄/∂x̄ = 1 and ∂S̄/∂ȳ = ∂S̄/∂β̄ = −n_BE(ȳ + β̄), the
// Bose–Einstein occupancy (docs/math.md §3). A rank-0 result is a loss:
// seed 1, no seed argument.
func.func @surprisal_synapse(%a: tensor<f64>, %x: tensor<f64>, %y: tensor<f64>, %b: tensor<f64>) -> tensor<f64>
    attributes {syna.differentiate} {
  %0 = arith.addf %a, %x : tensor<f64>
  %1 = arith.addf %y, %b : tensor<f64>
  %2 = syna.conjugate %1 : tensor<f64>
  %3 = arith.addf %0, %2 : tensor<f64>
  return %3 : tensor<f64>
}
func.func private @surprisal_synapse_grad(tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)

// CHECK-LABEL: func.func @check_surprisal_synapse
func.func @check_surprisal_synapse() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %a = arith.constant dense<0.1> : tensor<f64>
  %x = arith.constant dense<0.3> : tensor<f64>
  %y = arith.constant dense<0.4> : tensor<f64>
  %b = arith.constant dense<0.5> : tensor<f64>
  %r:5 = func.call @surprisal_synapse_grad(%a, %x, %y, %b) : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
      -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
  // −n_BE(0.9) = −1/(e^0.9 − 1) = −0.6851177504
  // CHECK-DAG: %[[ONE:.*]] = arith.constant dense<1.000000e+00>
  // CHECK-DAG: %[[BOSE:.*]] = arith.constant dense<-0.685117750{{[0-9]*}}>
  // CHECK: return %[[ONE]], %[[ONE]], %[[BOSE]], %[[BOSE]]
  return %r#1, %r#2, %r#3, %r#4 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}

// -----

// Elementwise synapse with broadcasting: the adjoints of y (3), β (rank 0)
// sum over the broadcast dimensions. x = 0.5, y = 0.25, β = 0.75, α = 2,
// seed 1 on each of the 2×3 outputs:
//   S = α·x·(1 − β·y) = 0.8125,  dx = α(1 − βy) = 1.625,
//   dy = Σ_rows −αβx = 2·(−0.75) = −1.5,  dβ = Σ_all −αxy = 6·(−0.25) = −1.5,
//   dα = x(1 − βy) = 0.40625.
func.func @synapse(%x: tensor<2x3xf64>, %y: tensor<3xf64>, %b: tensor<f64>, %a: tensor<2x3xf64>) -> tensor<2x3xf64>
    attributes {syna.differentiate} {
  %s = syna.synapse %x, %y beta %b alpha %a : (tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>) -> tensor<2x3xf64>
  return %s : tensor<2x3xf64>
}
func.func private @synapse_grad(tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>, tensor<2x3xf64>)
    -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>)

// CHECK-LABEL: func.func @check_synapse
func.func @check_synapse() -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>) {
  %x = arith.constant dense<0.5> : tensor<2x3xf64>
  %y = arith.constant dense<0.25> : tensor<3xf64>
  %b = arith.constant dense<0.75> : tensor<f64>
  %a = arith.constant dense<2.0> : tensor<2x3xf64>
  %g = arith.constant dense<1.0> : tensor<2x3xf64>
  %r:5 = func.call @synapse_grad(%x, %y, %b, %a, %g) : (tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>, tensor<2x3xf64>)
      -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>)
  // CHECK-DAG: %[[S:.*]] = arith.constant dense<8.125000e-01> : tensor<2x3xf64>
  // CHECK-DAG: %[[DX:.*]] = arith.constant dense<1.625000e+00> : tensor<2x3xf64>
  // CHECK-DAG: %[[DY:.*]] = arith.constant dense<-1.500000e+00> : tensor<3xf64>
  // CHECK-DAG: %[[DB:.*]] = arith.constant dense<-1.500000e+00> : tensor<f64>
  // CHECK-DAG: %[[DA:.*]] = arith.constant dense<4.062500e-01> : tensor<2x3xf64>
  // CHECK: return %[[S]], %[[DX]], %[[DY]], %[[DB]], %[[DA]]
  return %r#0, %r#1, %r#2, %r#3, %r#4 : tensor<2x3xf64>, tensor<2x3xf64>, tensor<3xf64>, tensor<f64>, tensor<2x3xf64>
}

// -----

// Swap ratio at x = 0.3, y = 0.6, β = 0.8, and its surprisal-space log form
// at x̄ = 0.5, ȳ = 1.2, β̄ = 0.3 (Bose–Einstein terms), seed 1.
func.func @swap(%x: tensor<f64>, %y: tensor<f64>, %b: tensor<f64>,
                %xs: tensor<f64>, %ys: tensor<f64>, %bs: tensor<f64>) -> (tensor<f64>, tensor<f64>)
    attributes {syna.differentiate} {
  %0 = syna.swap_ratio %x, %y beta %b : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  %1 = syna.log_swap_ratio %xs, %ys beta %bs : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<f64>
  return %0, %1 : tensor<f64>, tensor<f64>
}
func.func private @swap_grad(tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)

// CHECK-LABEL: func.func @check_swap
func.func @check_swap() -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>) {
  %x = arith.constant dense<0.3> : tensor<f64>
  %y = arith.constant dense<0.6> : tensor<f64>
  %b = arith.constant dense<0.8> : tensor<f64>
  %xs = arith.constant dense<0.5> : tensor<f64>
  %ys = arith.constant dense<1.2> : tensor<f64>
  %bs = arith.constant dense<0.3> : tensor<f64>
  %one = arith.constant dense<1.0> : tensor<f64>
  %r:8 = func.call @swap_grad(%x, %y, %b, %xs, %ys, %bs, %one, %one)
      : (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
      -> (tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>)
  // finite differences: 1.500461680, −1.096491228, −0.2596952909
  // CHECK-DAG: %[[DX:.*]] = arith.constant dense<1.50046168{{[0-9]*}}>
  // CHECK-DAG: %[[DY:.*]] = arith.constant dense<-1.09649122{{[0-9]*}}>
  // CHECK-DAG: %[[DB:.*]] = arith.constant dense<-0.25969529{{[0-9]*}}>
  // −1 − n_BE(0.8) = −1.815966221; 1 + n_BE(1.5) = 1.287216917;
  // n_BE(1.5) − n_BE(0.8) = −0.5287493039
  // CHECK-DAG: %[[DXS:.*]] = arith.constant dense<-1.81596622{{[0-9]*}}>
  // CHECK-DAG: %[[DYS:.*]] = arith.constant dense<1.28721691{{[0-9]*}}>
  // CHECK-DAG: %[[DBS:.*]] = arith.constant dense<-0.52874930{{[0-9]*}}>
  // CHECK: return %[[DX]], %[[DY]], %[[DB]], %[[DXS]], %[[DYS]], %[[DBS]]
  return %r#2, %r#3, %r#4, %r#5, %r#6, %r#7 : tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>, tensor<f64>
}

// -----

// The synapse tensor (docs/math.md §7) with B = 2, n = 3, x = 0.4, β = 0.3,
// α = 1.5 everywhere and seed 1: the loss is Σ_{b,i} y[b, i], perturbed one
// element at a time in the reference.
func.func @synapse_dense(%x: tensor<2x3xf64>, %b: tensor<3x3xf64>, %a: tensor<3xf64>) -> tensor<2x3xf64>
    attributes {syna.differentiate} {
  %y = syna.synapse_dense %x beta %b alpha %a : (tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>) -> tensor<2x3xf64>
  return %y : tensor<2x3xf64>
}
func.func private @synapse_dense_grad(tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>, tensor<2x3xf64>)
    -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>)

// CHECK-LABEL: func.func @check_synapse_dense
func.func @check_synapse_dense() -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>) {
  %x = arith.constant dense<0.4> : tensor<2x3xf64>
  %b = arith.constant dense<0.3> : tensor<3x3xf64>
  %a = arith.constant dense<1.5> : tensor<3xf64>
  %g = arith.constant dense<1.0> : tensor<2x3xf64>
  %r:4 = func.call @synapse_dense_grad(%x, %b, %a, %g) : (tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>, tensor<2x3xf64>)
      -> (tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>)
  // y = α·x·(1 − βx)³ = 0.4088832; finite differences: dx = 0.604032,
  // dβ = −0.371712, dα = 0.5451776
  // CHECK-DAG: %[[Y:.*]] = arith.constant dense<0.408883{{[0-9]*}}> : tensor<2x3xf64>
  // CHECK-DAG: %[[DX:.*]] = arith.constant dense<6.040320e-01> : tensor<2x3xf64>
  // CHECK-DAG: %[[DB:.*]] = arith.constant dense<-0.371712{{[0-9]*}}> : tensor<3x3xf64>
  // CHECK-DAG: %[[DA:.*]] = arith.constant dense<0.545177{{[0-9]*}}> : tensor<3xf64>
  // CHECK: return %[[Y]], %[[DX]], %[[DB]], %[[DA]]
  return %r#0, %r#1, %r#2, %r#3 : tensor<2x3xf64>, tensor<2x3xf64>, tensor<3x3xf64>, tensor<3xf64>
}

// -----

// Fan-out: x is used three times; its adjoints add up.
// f(x) = x·x/(x + 1), f′(x) = (x² + 2x)/(x + 1)² = 5/9 at x = 0.5.
func.func @fanout(%x: tensor<f64>) -> tensor<f64> attributes {syna.differentiate} {
  %one = arith.constant dense<1.0> : tensor<f64>
  %sq = arith.mulf %x, %x : tensor<f64>
  %den = arith.addf %x, %one : tensor<f64>
  %f = arith.divf %sq, %den : tensor<f64>
  return %f : tensor<f64>
}
func.func private @fanout_grad(tensor<f64>) -> (tensor<f64>, tensor<f64>)

// CHECK-LABEL: func.func @check_fanout
func.func @check_fanout() -> tensor<f64> {
  %x = arith.constant dense<0.5> : tensor<f64>
  %r:2 = func.call @fanout_grad(%x) : (tensor<f64>) -> (tensor<f64>, tensor<f64>)
  // CHECK: %[[D:.*]] = arith.constant dense<0.55555555{{[0-9]*}}>
  // CHECK: return %[[D]]
  return %r#1 : tensor<f64>
}
