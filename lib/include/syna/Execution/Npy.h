//===- Npy.h - NumPy .npy arrays for syna-run ------------------*- C++ -*-===//
//
// Host arrays of f32, f64, i32 or i64, row-major, read from and written to
// the .npy format (versions 1–3, little-endian, C order), or parsed from a
// literal such as `[[0.1, 0.2], [0.3, 0.4]]` or `0.5`.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_NPY_H
#define SYNA_EXECUTION_NPY_H

#include "syna/Support/Shape.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace syna {

/// NumPy's name of `type`: float32, float64, int32, int64.
llvm::StringRef dtypeName(DType type);

struct HostArray {
  DType dtype = DType::F32;
  llvm::SmallVector<int64_t> shape;
  std::vector<uint8_t> data; // row-major, dtypeSize(dtype) bytes per element

  int64_t numElements() const;
  double at(int64_t i) const; // any dtype, as double
  void set(int64_t i, double v);
  /// A copy converted to `to` (exact for float widening and integers).
  HostArray convertedTo(DType to) const;
  std::string shapeString() const;
};

/// Reads a .npy file; every defect (bad magic or header, a shape of more
/// than data::kMaxRank dimensions or data::kMaxArrayBytes bytes, truncated or
/// trailing data) is an error naming the file.
llvm::Expected<HostArray> readNpy(llvm::StringRef path);
/// The same from the bytes of a file; errors name `path`.
llvm::Expected<HostArray> parseNpy(llvm::StringRef bytes, llvm::StringRef path);
/// An error (naming `source`) when `array` cannot become `to` exactly:
/// float64 to float32, or int64 values outside int32. A file's values are
/// never rounded silently; widening is always exact.
llvm::Error checkLosslessConversion(const HostArray &array, DType to,
                                    llvm::StringRef source);
llvm::Error writeNpy(llvm::StringRef path, const HostArray &array);
/// Parses a nested-list literal into a float64 (or int64, when every number
/// is an integer and `preferInt`) array; lists nest at most data::kMaxRank
/// levels.
llvm::Expected<HostArray> parseLiteral(llvm::StringRef text, bool preferInt);
/// Prints like NumPy, eliding the middle of long dimensions.
void printArray(llvm::raw_ostream &os, const HostArray &array);

} // namespace syna

#endif // SYNA_EXECUTION_NPY_H
