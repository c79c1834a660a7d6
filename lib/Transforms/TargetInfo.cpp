//===- TargetInfo.cpp - the host CPU as the tiling strategy sees it -------===//
#include "syna/Transforms/TargetInfo.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/TargetParser/Host.h"

#include <algorithm>
#include <thread>
#include <unistd.h>

namespace syna {

TargetInfo TargetInfo::host() {
  TargetInfo t;
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  auto has = [&](llvm::StringRef f) { return features.lookup(f); };
  if (has("avx512f")) {
    t.vectorWidth = 16;
    t.vectorRegisters = 32;
  } else if (has("avx2") || has("fma") || has("avx")) {
    t.vectorWidth = 8;
    t.vectorRegisters = 16;
  } else {
    // SSE, and the 128-bit vector units of other architectures.
    t.vectorWidth = 4;
    t.vectorRegisters = 16;
  }
  // OpenMP starts one thread per hardware thread by default.
  t.cores = std::max(1u, std::thread::hardware_concurrency());
#ifdef _SC_LEVEL2_CACHE_SIZE
  if (long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE); l2 > 0)
    t.l2CacheBytes = l2;
#endif
  return t;
}

TargetInfo TargetInfo::overriddenBy(int64_t vectorWidth, int64_t vectorRegisters,
                                    int64_t cores, int64_t l2CacheBytes) const {
  TargetInfo t = *this;
  if (vectorWidth > 0)
    t.vectorWidth = vectorWidth;
  if (vectorRegisters > 0)
    t.vectorRegisters = vectorRegisters;
  if (cores > 0)
    t.cores = cores;
  if (l2CacheBytes > 0)
    t.l2CacheBytes = l2CacheBytes;
  return t;
}

} // namespace syna
