//===- Passes.h - syna conversion passes ------------------------*- C++ -*-===//
#ifndef SYNA_CONVERSION_PASSES_H
#define SYNA_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "llvm/ADT/StringMap.h"

namespace mlir {
class RewritePatternSet;
class TypeConverter;
} // namespace mlir

namespace syna {

#define GEN_PASS_DECL
#include "syna/Conversion/Passes.h.inc"

/// The syna → linalg patterns, for reuse in other conversions. `domains`
/// maps each parameter name to its domain and must outlive the patterns.
void populateSynaToLinalgPatterns(
    mlir::RewritePatternSet &patterns, uint64_t seed,
    const llvm::StringMap<syna::Domain> &domains, int64_t productBlock = 1);

#define GEN_PASS_REGISTRATION
#include "syna/Conversion/Passes.h.inc"

} // namespace syna

#endif // SYNA_CONVERSION_PASSES_H
