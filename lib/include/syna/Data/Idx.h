//===- Idx.h - MNIST-style IDX data sets ------------------------*- C++ -*-===//
//
// Reads the IDX format of MNIST and Fashion-MNIST, plain or gzip'd. Every
// defect of a file (wrong magic number, truncated or trailing data, images
// and labels that disagree) is an error naming the file and the problem.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DATA_IDX_H
#define SYNA_DATA_IDX_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace syna::data {

/// Labelled images, pixels scaled to [0, 1], row-major per image.
struct LabelledImages {
  int64_t rows = 0;
  int64_t cols = 0;
  std::vector<float> pixels;
  std::vector<int32_t> labels;

  int64_t size() const { return static_cast<int64_t>(labels.size()); }
  int64_t pixelsPerImage() const { return rows * cols; }
};

/// Reads an idx3-ubyte image file and an idx1-ubyte label file.
llvm::Expected<LabelledImages> readIdx(llvm::StringRef imagesPath,
                                       llvm::StringRef labelsPath,
                                       int32_t classCount = 10);

/// Reads split `train` or `t10k` of a directory that holds the four
/// standard files, `<split>-images-idx3-ubyte` and
/// `<split>-labels-idx1-ubyte`, each plain or with `.gz`.
llvm::Expected<LabelledImages> readIdxDirectory(llvm::StringRef directory,
                                                llvm::StringRef split);

} // namespace syna::data

#endif // SYNA_DATA_IDX_H
