//===- SynaLoweringAttrs.h - tiling and vectorization configs ---*- C++ -*-===//
//
// The discardable attributes through which the tiling strategy passes hand
// their choices to the transformation passes (docs/cpu-backend.md):
// `syna.tiling = #syna.tiling<...>` on a root of parallel tiling and
// `syna.vectorization = #syna.vectorization<...>` on an op to vectorize.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNALOWERINGATTRS_H
#define SYNA_DIALECT_SYNA_IR_SYNALOWERINGATTRS_H

#include "syna/Dialect/Syna/IR/SynaAttrs.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringRef.h"

namespace syna {

inline constexpr llvm::StringLiteral kTilingAttrName = "syna.tiling";
inline constexpr llvm::StringLiteral kVectorizationAttrName = "syna.vectorization";

/// Whether `name` is one of the lowering configuration attributes above.
inline bool isLoweringConfigAttrName(llvm::StringRef name) {
  return name == kTilingAttrName || name == kVectorizationAttrName;
}

/// Verifies a lowering configuration attribute attached to `op`: the
/// attribute kind matches its name, tile sizes are non-negative, an
/// interchange is a permutation, and on a linalg op the lists fit its loops
/// (tiling: at most one size per loop; vectorization: one per loop, and the
/// vector loop is one of them). For the dialect's verifyOperationAttribute.
mlir::LogicalResult verifyLoweringConfig(mlir::Operation *op,
                                         mlir::NamedAttribute attr);

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_SYNALOWERINGATTRS_H
