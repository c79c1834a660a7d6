//===- Augment.cpp - seeded training-time image augmentation --------------===//
#include "syna/Data/Augment.h"

#include <algorithm>

namespace syna::data {

static uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

Shift randomShift(uint64_t seed, int64_t epoch, int64_t sample,
                  int64_t pixels) {
  uint64_t h = splitmix64(splitmix64(seed) ^
                          ((uint64_t(epoch) << 32) + uint64_t(sample)));
  uint64_t span = uint64_t(2 * pixels + 1);
  return {int64_t(h % span) - pixels, int64_t((h >> 32) % span) - pixels};
}

void shiftImage(const float *src, float *dst, int64_t rows, int64_t cols,
                Shift s) {
  std::fill(dst, dst + rows * cols, 0.0f);
  for (int64_t r = std::max<int64_t>(0, s.dy);
       r < std::min(rows, rows + s.dy); ++r) {
    int64_t c0 = std::max<int64_t>(0, s.dx), c1 = std::min(cols, cols + s.dx);
    if (c0 < c1)
      std::copy(src + (r - s.dy) * cols + c0 - s.dx,
                src + (r - s.dy) * cols + c1 - s.dx, dst + r * cols + c0);
  }
}

} // namespace syna::data
