//===- SynaDialect.h - the syna dialect -------------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNADIALECT_H
#define SYNA_DIALECT_SYNA_IR_SYNADIALECT_H

#include "mlir/IR/Dialect.h"

#include "syna/Dialect/Syna/IR/SynaOpsDialect.h.inc"

namespace syna {

// The discardable attributes of the dialect. SynaDialect's
// verifyOperationAttribute (SynaDialect.cpp) verifies each one; a `syna.*`
// name it does not know is an error.

/// The training setup of a model (#syna.model), on a builtin.module.
inline constexpr llvm::StringLiteral kModelAttrName = "syna.model";
/// Explicit θ of a syna.param, a dense attribute of the param's type.
inline constexpr llvm::StringLiteral kThetaAttrName = "syna.theta";
/// Marks a func.func for syna-autodiff (a unit attribute).
inline constexpr llvm::StringLiteral kDifferentiateAttrName =
    "syna.differentiate";
/// The dimension names of a graph's arguments, on a func.func imported from
/// .syna: one array of strings per argument, one string per dimension ("":
/// static or unnamed). Arguments that share a name share its extent at run
/// time; syna-run checks its inputs against them.
inline constexpr llvm::StringLiteral kDimNamesAttrName = "syna.dim_names";
/// The same for a graph's results: the name of each dynamic result
/// dimension that the source spells with an argument's dimension name, so
/// that a caller knows a result's size before the call (syna-compile's C
/// headers, docs/deploy.md).
inline constexpr llvm::StringLiteral kResultDimNamesAttrName =
    "syna.result_dim_names";

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_SYNADIALECT_H
