//===- MemoryBudget.h - tensors that fit the host ---------------*- C++ -*-===//
//
// A tensor whose size overflows or exceeds the host's memory is refused
// before anything allocates it, with its op's location and its size
// (docs/robustness.md, "Sizes that do not fit"): never `LLVM ERROR: out of
// memory`, never a null buffer in compiled code.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_MEMORYBUDGET_H
#define SYNA_EXECUTION_MEMORYBUDGET_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"

#include <cstdint>
#include <optional>

namespace syna {

/// The host's physical memory in bytes.
uint64_t hostMemoryBytes();

/// The bytes a statically shaped tensor of `type` occupies; nullopt when
/// the count overflows 64 bits.
std::optional<uint64_t> tensorBytes(mlir::RankedTensorType type);

/// Emits an error at `op` and fails when `type` (if statically shaped)
/// needs more than `limit` bytes.
mlir::LogicalResult checkTensorFits(mlir::Operation *op,
                                    mlir::RankedTensorType type,
                                    uint64_t limit);

/// checkTensorFits for every tensor that `root` and the ops nested in it
/// produce or declare (results, block arguments, parameters).
mlir::LogicalResult checkTensorsFit(mlir::Operation *root, uint64_t limit);

} // namespace syna

#endif // SYNA_EXECUTION_MEMORYBUDGET_H
