// syna-expose-params: a getter and a setter of every parameter's raw θ.
// RUN: syna-opt %s --split-input-file --syna-expose-params | FileCheck %s
// RUN: syna-opt %s --split-input-file --syna-expose-params --syna-expose-params --verify-diagnostics

// A second run finds the functions there already.
// expected-error @below {{syna-expose-params: @__syna_get_beta or @__syna_set_beta exists already}}
syna.param @beta : tensor<4x4xf32> init <zeros> domain <unit>
syna.param @mean : tensor<4xf64> init <zeros> buffer
// CHECK-LABEL: func.func @__syna_get_beta() -> tensor<4x4xf32>
// CHECK-NEXT: %[[T:.*]] = syna.param_read @beta : tensor<4x4xf32>
// CHECK-NEXT: return %[[T]]
// CHECK-LABEL: func.func @__syna_set_beta(%{{.*}}: tensor<4x4xf32>)
// CHECK-NEXT: syna.param_write @beta, %{{.*}} : tensor<4x4xf32>
// CHECK-LABEL: func.func @__syna_get_mean() -> tensor<4xf64>
// CHECK-LABEL: func.func @__syna_set_mean(%{{.*}}: tensor<4xf64>)
