// RUN: syna-opt %s --split-input-file --syna-freeze-params --verify-diagnostics | FileCheck %s

// A parameter's value is embedded mapped onto its domain, in double
// precision rounded once: σ(0) = 0.5, σ(2) = 0.8807970779778823,
// softplus(0) = log 2 = 0.6931471805599453, 1 + softplus(-1) =
// 1.3132616875182228; a real parameter (and a raw read) is θ itself.
syna.param @beta : tensor<2xf32> init <zeros> domain <unit> {syna.theta = dense<[0.0, 2.0]> : tensor<2xf32>}
syna.param @gain : tensor<1xf32> init <zeros> domain <positive> {syna.theta = dense<[0.0]> : tensor<1xf32>}
syna.param @alpha : tensor<1xf64> init <zeros> domain <at_least_one> {syna.theta = dense<[-1.0]> : tensor<1xf64>}
syna.param @w : tensor<2xf32> init <zeros> {syna.theta = dense<[-3.0, 4.0]> : tensor<2xf32>}

// CHECK-NOT: syna.param
// CHECK-LABEL: func.func @g
// CHECK-DAG: arith.constant dense<[5.000000e-01, 0.880797088]> : tensor<2xf32>
// CHECK-DAG: arith.constant dense<0.693147182> : tensor<1xf32>
// CHECK-DAG: arith.constant dense<1.3132616875182228> : tensor<1xf64>
// CHECK-DAG: arith.constant dense<[-3.000000e+00, 4.000000e+00]> : tensor<2xf32>
// CHECK-DAG: arith.constant dense<[0.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-NOT: syna.param_ref
func.func @g() -> (tensor<2xf32>, tensor<1xf32>, tensor<1xf64>, tensor<2xf32>, tensor<2xf32>) {
  %b = syna.param_ref @beta : tensor<2xf32>
  %g = syna.param_ref @gain : tensor<1xf32>
  %a = syna.param_ref @alpha : tensor<1xf64>
  %w = syna.param_ref @w : tensor<2xf32>
  %t = syna.param_read @beta : tensor<2xf32>
  return %b, %g, %a, %w, %t : tensor<2xf32>, tensor<1xf32>, tensor<1xf64>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Without syna.theta the seeded initializer gives θ: `ones` is θ = 1.
syna.param @s : tensor<2xf32> init <ones> domain <unit>
// CHECK-LABEL: func.func @h
// CHECK: arith.constant dense<0.731058597> : tensor<2xf32>
func.func @h() -> tensor<2xf32> {
  %s = syna.param_ref @s : tensor<2xf32>
  return %s : tensor<2xf32>
}

// -----

// A training step writes its parameters: they cannot be constants.
syna.param @m : tensor<2xf32> init <zeros> buffer
func.func @step(%x: tensor<2xf32>) {
  // expected-error @+1 {{syna-freeze-params: @m is written here; only graphs that read their parameters (inference) can embed them as constants}}
  syna.param_write @m, %x : tensor<2xf32>
  return
}
