//===- Idx.h - MNIST-style IDX data sets ------------------------*- C++ -*-===//
//
// Reads the IDX format of MNIST and Fashion-MNIST, plain or gzip'd. Every
// defect of a file (wrong magic number, truncated or trailing data, bytes
// after the gzip member, a size beyond the bound, images and labels that
// disagree) is an error naming the file and the problem.
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

/// One IDX file of unsigned bytes: its dimensions and its data.
struct IdxArray {
  std::vector<uint32_t> dims;
  std::vector<uint8_t> payload;
};

/// Parses the bytes of an IDX file of unsigned bytes with `rank` (1 to 3)
/// dimensions, gzip'd (one member) or plain; errors name `path`. The
/// payload is bounded (1 GiB) and a gzip stream is inflated only as far as
/// the header declares.
llvm::Expected<IdxArray> parseIdx(llvm::StringRef bytes, llvm::StringRef path,
                                  unsigned rank);

/// Images (rank 3) and their labels (rank 1) as one set: the counts must
/// agree and every label lie in [0, classCount).
llvm::Expected<LabelledImages> combineIdx(const IdxArray &images,
                                          const IdxArray &labels,
                                          llvm::StringRef imagesPath,
                                          llvm::StringRef labelsPath,
                                          int32_t classCount = 10);

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
