//===- Augment.h - seeded training-time image augmentation ------*- C++ -*-===//
//
// Random shifts of training images (docs/training.md, "Augmentation"): the
// offset of image `sample` in epoch `epoch` is a pure function of the seed,
// the epoch and the sample's index in the data set, so a run is
// reproducible bit for bit and independent of the batch size and the order
// in which images are drawn.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DATA_AUGMENT_H
#define SYNA_DATA_AUGMENT_H

#include <cstdint>

namespace syna::data {

/// The offset (dx, dy) ∈ [−pixels, pixels]² of one image in one epoch.
struct Shift {
  int64_t dx = 0, dy = 0;
};
Shift randomShift(uint64_t seed, int64_t epoch, int64_t sample, int64_t pixels);

/// dst[r][c] = src[r − dy][c − dx], 0 where that lies outside the image
/// (the background of MNIST-style data).
void shiftImage(const float *src, float *dst, int64_t rows, int64_t cols,
                Shift shift);

} // namespace syna::data

#endif // SYNA_DATA_AUGMENT_H
