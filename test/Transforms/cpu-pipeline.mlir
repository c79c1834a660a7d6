// RUN: syna-opt %s --syna-cpu-pipeline="tile-sizes=8 vector-width=16" | FileCheck %s
// RUN: syna-opt %s --syna-cpu-pipeline="tile-sizes=8 omp=false vectorize=false" | FileCheck %s --check-prefix=SERIAL
// RUN: syna-opt %s --syna-cpu-pipeline="surprisal=true" | FileCheck %s --check-prefix=SURPRISAL

// The whole layer reaches the LLVM dialect: batch tiles run in OpenMP
// worksharing loops, transcendental functions are 16-lane polynomials (no
// libm call per element), and nothing of syna, linalg, tensor, math or
// vector remains.
// CHECK: llvm.func @layer
// CHECK: omp.parallel
// CHECK: omp.wsloop schedule(dynamic)
// CHECK: llvm.fmul {{.*}} : vector<16xf32>
// CHECK-NOT: llvm.call @{{log1pf|expf|logf|fmaf}}
// CHECK-NOT: {{syna|linalg|tensor|math|vector}}.
// CHECK-NOT: unrealized_conversion_cast

// SERIAL: llvm.func @layer
// SERIAL-NOT: omp.
// SERIAL-NOT: vector<16xf32>

// SURPRISAL: llvm.func @layer
// SURPRISAL-NOT: syna.
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %s = syna.sigmoid %x : tensor<?x64xf32>
  %y = syna.synapse_dense %s beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  %l = syna.surprisal %y : tensor<?x64xf32>
  %r = syna.relu %l : tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}
