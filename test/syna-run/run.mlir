// Hand-computed results: S(0.5, 0.5; α=2, β=0.5) = 2·0.5·(1 − 0.25) = 0.75;
// the synapse tensor with β = diag(0.5) gives 0.5·(1 − 0.25) = 0.375 for
// each unit; with β = [[0.5, 0.5], [0, 0]] the first unit is
// 0.5·0.75·0.75 = 0.28125 and the second 0.5.
// RUN: syna-run run %s --graph synapse -i "[[0.5, 0.5]]" -i "[[0.5, 0.5]]" -i "[0.5, 0.5]" -i 2.0 | FileCheck %s --check-prefix=SYN
// SYN: result 0: 1x2 float32
// SYN-NEXT: {{\[\[}}0.75, 0.75]]
// RUN: syna-run run %s --graph dense -i "[[0.5, 0.5], [0.5, 0.5]]" -i "[[0.5, 0.0], [0.0, 0.5]]" | FileCheck %s --check-prefix=DIAG
// DIAG: result 0: 2x2 float32
// DIAG-NEXT: {{\[\[}}0.375, 0.375],
// DIAG-NEXT: {{\[}}0.375, 0.375]]
// RUN: syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.0, 0.0]]" --no-omp --no-vectorize | FileCheck %s --check-prefix=ROW
// ROW: {{\[\[}}0.28125, 0.5]]
// Results are written as .npy files (header and 8 bytes of data = 2 floats).
// RUN: rm -rf %t && syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.0, 0.0]]" --output-dir %t --quiet
// RUN: FileCheck %s --check-prefix=NPY --input-file %t/dense.0.npy
// NPY: NUMPY
// NPY-SAME: {'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }
// Results are written atomically: nothing but the results is left behind.
// RUN: ls -A %t | FileCheck %s --check-prefix=FILES --implicit-check-not=tmp
// FILES: dense.0.npy
// .npy inputs are read back.
// RUN: syna-run run %s --graph dense -i %t/dense.0.npy -i "[[0.0, 0.0], [0.0, 0.0]]" | FileCheck %s --check-prefix=ROUND
// ROUND: {{\[\[}}0.28125, 0.5]]
// Compile-time report and IR inspection.
// RUN: syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.0, 0.0]]" --timing --no-cache --quiet 2>&1 | FileCheck %s --check-prefix=TIMING
// TIMING: Execution time report
// TIMING: load module
// TIMING: compile
// TIMING: lowering (syna-cpu-pipeline)
// TIMING: ConvertSynaToLinalg
// TIMING: SelectTiling
// TIMING: TileAndFuse
// TIMING: SelectVectorization
// TIMING: Vectorize
// TIMING: OneShotBufferize
// TIMING: LLVM translation, optimization and code generation
// TIMING: execute
// TIMING: Total
// RUN: syna-run run %s --graph dense -i "[[0.5, 0.5]]" -i "[[0.5, 0.5], [0.0, 0.0]]" --print-ir-after-all --quiet 2>&1 | FileCheck %s --check-prefix=IR
// IR: IR Dump After ConvertSynaToLinalg (convert-syna-to-linalg)
// IR: linalg.generic
// IR: IR Dump After OneShotBufferizePass (one-shot-bufferize)
// IR: IR Dump After ReconcileUnrealizedCastsPass (reconcile-unrealized-casts)
// IR: llvm.func @dense

func.func @synapse(%x: tensor<?x2xf32>, %y: tensor<?x2xf32>, %b: tensor<2xf32>, %a: tensor<f32>) -> tensor<?x2xf32> {
  %r = syna.synapse %x, %y beta %b alpha %a : (tensor<?x2xf32>, tensor<?x2xf32>, tensor<2xf32>, tensor<f32>) -> tensor<?x2xf32>
  return %r : tensor<?x2xf32>
}
func.func @dense(%x: tensor<?x2xf32>, %b: tensor<2x2xf32>) -> tensor<?x2xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x2xf32>, tensor<2x2xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
