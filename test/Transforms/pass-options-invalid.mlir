// A pass run on its own checks its options against the ranges of
// CompileOptions.def, as syna-cpu-pipeline does (cpu-pipeline-options.mlir):
// an error that names the option and the range, never a hang or a crash.
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-tiling{tile-sizes=0}))" 2>&1 | FileCheck %s --check-prefix=TILE0
// TILE0: error: syna-select-tiling: option tile-sizes must lie in [1, 1048576], got 0
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-tiling{tile-sizes=4,-2}))" 2>&1 | FileCheck %s --check-prefix=TILENEG
// TILENEG: error: syna-select-tiling: option tile-sizes must lie in [1, 1048576], got -2
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-tiling{tile-sizes=4 cores=-3}))" 2>&1 | FileCheck %s --check-prefix=CORES
// CORES: error: syna-select-tiling: option cores must lie in [0, 4096], got -3
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-tiling{min-parallel-work=-1}))" 2>&1 | FileCheck %s --check-prefix=WORK
// WORK: error: syna-select-tiling: option min-parallel-work must lie in [0, 1099511627776], got -1
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-vectorization{vector-width=3}))" 2>&1 | FileCheck %s --check-prefix=WIDTH
// WIDTH: error: syna-select-vectorization: option vector-width must be 0 (the host's) or a power of two in [4, 64], got 3
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-vectorization{vector-width=1048576}))" 2>&1 | FileCheck %s --check-prefix=WIDE
// WIDE: error: syna-select-vectorization: option vector-width must lie in [0, 64], got 1048576
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-vectorization{vector-registers=-1}))" 2>&1 | FileCheck %s --check-prefix=REGS
// REGS: error: syna-select-vectorization: option vector-registers must lie in [0, 256], got -1
// RUN: not syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-vectorization{l2-cache-kib=-5}))" 2>&1 | FileCheck %s --check-prefix=L2
// L2: error: syna-select-vectorization: option l2-cache-kib must lie in [0, 1073741824], got -5

// In range, both passes run.
// RUN: syna-opt %s "--pass-pipeline=builtin.module(func.func(syna-select-tiling{tile-sizes=1048576 cores=4096 min-parallel-work=0},syna-select-vectorization{vector-width=64 vector-registers=256}))" | FileCheck %s --check-prefix=OK
// OK: func.func @g
func.func @g(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  return %x : tensor<?x4xf32>
}
