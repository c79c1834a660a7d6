// The pipeline's options are CompileOptions.def's: the same defaults, ranges
// and checks as syna-run's flags.
// RUN: syna-opt %s --syna-cpu-pipeline | FileCheck %s --check-prefix=DEFAULT
// RUN: syna-opt %s --syna-cpu-pipeline="tile-sizes=" | FileCheck %s --check-prefix=NOTILES
// RUN: not syna-opt %s --syna-cpu-pipeline="vector-width=12" 2>&1 | FileCheck %s --check-prefix=WIDTH
// RUN: not syna-opt %s --syna-cpu-pipeline="tile-sizes=0" 2>&1 | FileCheck %s --check-prefix=TILE
// RUN: not syna-opt %s --syna-cpu-pipeline="product-block=5" 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not syna-run run %s --graph layer --vector-width=12 2>&1 | FileCheck %s --check-prefix=RUNWIDTH

// By default the batch loop is tiled (tile-sizes=10) into OpenMP loops.
// DEFAULT: llvm.func @layer
// DEFAULT: omp.wsloop
// An empty tile-sizes leaves the batch loop serial.
// NOTILES: llvm.func @layer
// NOTILES-NOT: omp.
// WIDTH: error: syna-cpu-pipeline: option vector-width must be 0 (the host's) or a power of two in [4, 64], got 12
// TILE: error: syna-cpu-pipeline: option tile-sizes must lie in [1, 1048576], got 0
// BLOCK: error: syna-cpu-pipeline: option product-block must lie in [1, 4], got 5
// RUNWIDTH: syna-run: error: option vector-width must be 0 (the host's) or a power of two in [4, 64], got 12
func.func @layer(%x: tensor<?x64xf32>, %b: tensor<64x64xf32>) -> tensor<?x64xf32> {
  %y = syna.synapse_dense %x beta %b : (tensor<?x64xf32>, tensor<64x64xf32>) -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}
