//===- InputLimits.h - bounds on what readers of user bytes accept -*- C++ -*-===//
//
// Every reader of user bytes (safetensors checkpoints, .npy arrays, array
// literals, IDX data sets) checks nesting and sizes against these bounds
// before it recurses or allocates, so that hostile input ends in an error
// naming the file and the size, never in a stack overflow, an out-of-memory
// abort or a silent wrap-around.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DATA_INPUTLIMITS_H
#define SYNA_DATA_INPUTLIMITS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <optional>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace syna::data {

/// Ranks of arrays read from files or literals: NumPy's own limit (NPY_MAXDIMS
/// is 32 in NumPy 1.x), far above any syna graph, and low enough that the
/// recursive literal parser and printer use a few KiB of stack.
inline constexpr unsigned kMaxRank = 32;

/// Nesting of a safetensors JSON header. A valid header nests three levels
/// (the object, a tensor's entry, its shape); 64 leaves room for any
/// extension and keeps llvm::json's recursive parser far from the stack's end.
inline constexpr unsigned kMaxJsonNesting = 64;

/// Bytes of array data (one .npy array or one checkpoint tensor) a reader
/// will copy into memory: 8 GiB, far beyond syna's models and data sets,
/// below what a host can be expected to allocate twice (the copy and its
/// conversion).
inline constexpr uint64_t kMaxArrayBytes = uint64_t(8) << 30;

/// The number of elements of `shape` times `elementSize`, or nothing when a
/// product overflows 64 bits or an extent is negative.
std::optional<uint64_t> checkedByteCount(llvm::ArrayRef<int64_t> shape,
                                         uint64_t elementSize);

/// "2x3x4" (or "scalar"), for messages about sizes.
std::string shapeText(llvm::ArrayRef<int64_t> shape);

/// The deepest nesting of JSON arrays and objects in `text`, counting
/// brackets outside strings; it stops counting at `limit` + 1. An upper bound
/// of the depth a JSON parser reaches on any prefix it accepts.
unsigned jsonNestingDepth(llvm::StringRef text, unsigned limit);

/// Writes `path` atomically: the bytes go to a temporary file whose name
/// depends only on `path` (`.NAME.tmp` beside it, so an interrupted write
/// leaves one file that the next write replaces), are flushed to disk
/// (fsync) and renamed over `path`; on failure the temporary is removed and
/// `path` is untouched. Concurrent writers of one path are not supported.
llvm::Error writeFileAtomically(
    llvm::StringRef path,
    llvm::function_ref<llvm::Error(llvm::raw_ostream &)> write);

/// The temporary name writeFileAtomically uses for `path`.
std::string temporaryPathFor(llvm::StringRef path);

} // namespace syna::data

#endif // SYNA_DATA_INPUTLIMITS_H
