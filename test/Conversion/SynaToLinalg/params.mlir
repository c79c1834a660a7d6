// RUN: syna-opt %s --convert-syna-to-linalg="seed=7" --mlir-print-local-scope | FileCheck %s
// RUN: syna-opt %s --convert-syna-to-linalg="seed=7" | FileCheck %s --check-prefix=SAME
// RUN: syna-opt %s --convert-syna-to-linalg="seed=8" | FileCheck %s --check-prefix=OTHER

// Parameters become mutable globals holding θ; param_ref loads θ and applies
// the domain map.
// CHECK-DAG: ml_program.global private mutable @w(dense<{{.*}}> : tensor<2x3xf32>) : tensor<2x3xf32>
// CHECK-DAG: ml_program.global private mutable @given(dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf32>) : tensor<2xf32>
// CHECK-DAG: ml_program.global private mutable @ones(dense<1.000000e+00> : tensor<2xf32>) : tensor<2xf32>
syna.param @w : tensor<2x3xf32> init <uniform(-1.0, 1.0)> domain <unit>
syna.param @given : tensor<2xf32> init <zeros> domain <at_least_one> {syna.theta = dense<[1.5, -2.0]> : tensor<2xf32>}
syna.param @ones : tensor<2xf32> init <ones> domain <positive>

// CHECK-LABEL: func.func @read
// CHECK: %[[W:.*]] = ml_program.global_load @w : tensor<2x3xf32>
// CHECK: linalg.generic {{.*}}ins(%[[W]] :
// CHECK: math.exp
// CHECK: arith.select
// CHECK: %[[G:.*]] = ml_program.global_load @given
// CHECK: linalg.generic {{.*}}ins(%[[G]] :
// CHECK: math.log1p
// CHECK: arith.maximumf
// CHECK: arith.addf
// CHECK: arith.addf
// CHECK: %[[O:.*]] = ml_program.global_load @ones
// CHECK: linalg.generic {{.*}}ins(%[[O]] :
// CHECK: math.log1p
func.func @read() -> (tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>) {
  %w = syna.param_ref @w : tensor<2x3xf32>
  %g = syna.param_ref @given : tensor<2xf32>
  %o = syna.param_ref @ones : tensor<2xf32>
  return %w, %g, %o : tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>
}

// The same seed draws the same θ (std::mt19937_64, whose stream the C++
// standard fixes, seeded with 7 ^ FNV-1a("w")), another seed another one.
// SAME: ml_program.global private mutable @w(dense<{{\[\[}}0.0739174858,
// OTHER: ml_program.global private mutable @w(dense<{{\[\[}}0.922880589,
