//===- Safetensors.h - checkpoints in the safetensors format ----*- C++ -*-===//
//
// Checkpoints are safetensors files (https://github.com/huggingface/safetensors):
// an 8-byte little-endian header length, a JSON header naming each tensor's
// dtype, shape and byte range, then the raw little-endian data. PyTorch, JAX
// and NumPy users can load them. Writes are atomic; reads check every field
// and every byte range against the file.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DATA_SAFETENSORS_H
#define SYNA_DATA_SAFETENSORS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace syna::data {

/// A named float32 tensor.
struct Tensor {
  std::vector<int64_t> shape;
  std::vector<float> values;
};

struct Checkpoint {
  /// Tensors by name; safetensors stores them sorted by name too.
  std::map<std::string, Tensor> tensors;
  /// Free-form string pairs, stored as the header's `__metadata__`.
  std::map<std::string, std::string> metadata;
};

/// Writes `checkpoint` to `path` through a temporary file, an fsync and a
/// rename (writeFileAtomically), so that `path` always holds either the old
/// or the complete new checkpoint.
llvm::Error writeSafetensors(llvm::StringRef path, const Checkpoint &checkpoint);

/// Reads a checkpoint, rejecting anything malformed with an error that names
/// the file and the defect.
llvm::Expected<Checkpoint> readSafetensors(llvm::StringRef path);

/// Reads a checkpoint from the bytes of a file; errors name `path`.
llvm::Expected<Checkpoint> parseSafetensors(llvm::StringRef bytes,
                                            llvm::StringRef path);

} // namespace syna::data

#endif // SYNA_DATA_SAFETENSORS_H
