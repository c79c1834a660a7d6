// syna.param_read / syna.param_write: round trip, verifier errors, and the
// lowering to ml_program globals.
// RUN: syna-opt %s --split-input-file | syna-opt --split-input-file | FileCheck %s
// RUN: syna-opt %s --split-input-file --convert-syna-to-linalg | FileCheck %s --check-prefix=LOWER

syna.param @w : tensor<4xf32> init <ones> domain <unit>
// CHECK-LABEL: func.func @step
// CHECK: %[[T:.*]] = syna.param_read @w : tensor<4xf32>
// CHECK: syna.param_write @w, %{{.*}} : tensor<4xf32>
// LOWER-LABEL: func.func @step
// LOWER: ml_program.global_load @w : tensor<4xf32>
// LOWER-NOT: math.exp
// LOWER: ml_program.global_store @w = %{{.*}} : tensor<4xf32>
func.func @step(%g: tensor<4xf32>) {
  %t = syna.param_read @w : tensor<4xf32>
  %n = arith.subf %t, %g : tensor<4xf32>
  syna.param_write @w, %n : tensor<4xf32>
  return
}
