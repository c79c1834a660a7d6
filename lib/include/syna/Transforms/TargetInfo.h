//===- TargetInfo.h - what the tiling strategy knows of the CPU -*- C++ -*-===//
//
// The few properties of the target CPU that the tiling and vectorization
// strategy (syna-select-tiling, syna-select-vectorization) derives its
// choices from. `host()` reads them from the CPU the compiler runs on, which
// is also the CPU the JIT compiles for; pass options override single fields
// so that tests and experiments are independent of the machine.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_TRANSFORMS_TARGETINFO_H
#define SYNA_TRANSFORMS_TARGETINFO_H

#include <cstdint>

namespace syna {

struct TargetInfo {
  /// f32 lanes of one vector register (SSE: 4, AVX2: 8, AVX-512: 16).
  int64_t vectorWidth = 4;
  /// Architectural vector registers (16 up to AVX2, 32 with AVX-512).
  int64_t vectorRegisters = 16;
  /// Hardware threads that run the parallel loops (OpenMP's default team).
  int64_t cores = 1;
  /// Level-2 cache of one core, in bytes.
  int64_t l2CacheBytes = 512 * 1024;

  /// The CPU this process runs on.
  static TargetInfo host();

  /// This target with each field replaced by the matching argument when that
  /// is positive (0: keep), as pass options with default 0 do.
  TargetInfo overriddenBy(int64_t vectorWidth, int64_t vectorRegisters,
                          int64_t cores, int64_t l2CacheBytes) const;
};

} // namespace syna

#endif // SYNA_TRANSFORMS_TARGETINFO_H
