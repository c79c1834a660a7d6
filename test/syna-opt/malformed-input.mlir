// Malformed input gets a diagnostic at file:line:col and a non-zero exit,
// never a crash.
// RUN: not syna-opt %s --split-input-file 2>&1 | FileCheck %s

// CHECK: malformed-input.mlir:[[# @LINE + 2]]:25: error: expected ':'
func.func @missing_type(%p: tensor<4xf32>) {
  %0 = syna.surprisal %p tensor<4xf32>
  return
}

// -----

// CHECK: malformed-input.mlir:[[# @LINE + 2]]:8: error: custom op 'syna.bogus' is unknown
func.func @unknown_op(%p: tensor<4xf32>) {
  %0 = syna.bogus %p : tensor<4xf32>
  return
}

// -----

// CHECK: malformed-input.mlir:[[# @LINE + 2]]:23: error: use of undeclared SSA value name
func.func @undefined_value() {
  %0 = syna.surprisal %nothing : tensor<4xf32>
  return
}

// -----

// CHECK: malformed-input.mlir:[[# @LINE + 1]]:{{[0-9]+}}: error: expected '>'
syna.param @p : tensor<4xf32> init <uniform(0.0, 1.0)
