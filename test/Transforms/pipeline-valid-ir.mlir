// Valid IR that is not a plain graph: declarations, empty functions,
// functions without syna ops, nested modules, zero-size tensors, several
// graphs, calls and recursion. Every syna pass and the whole CPU pipeline
// (with and without parallel tiling and vectorization) must handle it: LLVM
// IR out, no crash.
// RUN: syna-opt %s --split-input-file --syna-cpu-pipeline | FileCheck %s
// RUN: syna-opt %s --split-input-file --syna-cpu-pipeline=tile-sizes=3 | FileCheck %s
// RUN: syna-opt %s --split-input-file "--syna-cpu-pipeline=tile-sizes=1 vectorize=0 fuse=0 surprisal=1" | FileCheck %s
// RUN: syna-opt %s --split-input-file --syna-autodiff --syna-surprisal-rewrite --syna-convert-to-f64 --syna-expose-params | FileCheck %s --check-prefix=SYNA
// RUN: syna-opt %s --split-input-file \
// RUN:   "--pass-pipeline=builtin.module(convert-syna-to-linalg,syna-loop-state-in-place,syna-fuse-elementwise,func.func(syna-select-tiling{tile-sizes=2 min-parallel-work=0},syna-tile-and-fuse,syna-select-vectorization,syna-vectorize,syna-split-shared-destinations))" \
// RUN:   | FileCheck %s --check-prefix=SYNA

// CHECK-LABEL: llvm.func @ext(
// CHECK-LABEL: llvm.func @g(
// SYNA-LABEL: func.func private @ext(
// SYNA-LABEL: func.func @g(
func.func private @ext(tensor<4xf32>) -> tensor<4xf32>
func.func @g(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %y = syna.tanh %x : tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: llvm.func @empty(
// SYNA-LABEL: func.func @empty(
func.func @empty() {
  return
}

// -----

// CHECK-LABEL: llvm.func @no_syna(
// SYNA-LABEL: func.func @no_syna(
func.func @no_syna(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// The pipeline lowers the top-level module's functions; a nested module
// stays as it is.
// CHECK-LABEL: module @inner
// SYNA-LABEL: module @inner
module {
  module @inner {
    func.func @nested(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
      %y = syna.tanh %x : tensor<?x4xf32>
      return %y : tensor<?x4xf32>
    }
  }
}

// -----

// CHECK-LABEL: llvm.func @zero_rows(
// SYNA-LABEL: func.func @zero_rows(
func.func @zero_rows(%x: tensor<0x4xf32>, %w: tensor<3x4xf32>) -> tensor<0x3xf32> {
  %y = syna.tanh %x : tensor<0x4xf32>
  %d = syna.dense %y, %w : (tensor<0x4xf32>, tensor<3x4xf32>) -> tensor<0x3xf32>
  return %d : tensor<0x3xf32>
}

// -----

// CHECK-LABEL: llvm.func @zero_features(
// SYNA-LABEL: func.func @zero_features(
func.func @zero_features(%x: tensor<?x0xf32>) -> tensor<?x0xf32> {
  %y = syna.softmax %x : tensor<?x0xf32>
  return %y : tensor<?x0xf32>
}

// -----

// CHECK-LABEL: llvm.func @a(
// CHECK-LABEL: llvm.func @b(
// SYNA-LABEL: func.func @a(
// SYNA-LABEL: func.func @b(
func.func @a(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %y = syna.tanh %x : tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}
func.func @b(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %y = func.call @a(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32>
  %z = syna.sigmoid %y : tensor<?x4xf32>
  return %z : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: llvm.func @recursive(
// SYNA-LABEL: func.func @recursive(
func.func @recursive(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %y = func.call @recursive(%x) : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: llvm.func @blocks(
// SYNA-LABEL: func.func @blocks(
func.func @blocks(%x: tensor<?x4xf32>, %c: i1) -> tensor<?x4xf32> {
  cf.cond_br %c, ^a, ^b
^a:
  %y = syna.tanh %x : tensor<?x4xf32>
  return %y : tensor<?x4xf32>
^b:
  return %x : tensor<?x4xf32>
}
