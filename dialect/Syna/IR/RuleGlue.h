//===- RuleGlue.h - the op rules seen from MLIR -----------------*- C++ -*-===//
//
// What the code that syna-tblgen generates into SynaOpRules.cpp.inc calls:
// conversions between MLIR types/attributes and the rules' TensorDesc and
// ArgValue, and the verifier hooks. Private to the dialect library.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_RULEGLUE_H
#define SYNA_DIALECT_SYNA_IR_RULEGLUE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"
#include "syna/Dialect/Syna/IR/TypeInference.h"

namespace syna::detail {

using RuleFn = RuleResult (*)(const std::vector<ArgValue> &,
                              std::vector<TensorDesc>, RuleContext &);

/// The element type of the rules for i32, i64, f32 and f64; nullopt for any
/// other type.
std::optional<DType> toDType(mlir::Type type);
/// `type` as the rules see it: ranked tensors and i32/i64/f32/f64 scalars
/// (as rank 0); nullopt for anything else.
std::optional<TensorDesc> toTensorDesc(mlir::Type type);
mlir::Type toMlirType(const TensorDesc &desc, mlir::MLIRContext *context);
/// tensor<?x64xf32>: how the rules print types in dialect diagnostics.
std::string printType(const TensorDesc &desc);

void setOperand(ArgValue &value, mlir::Value operand);
void setAttribute(ArgValue &value, mlir::IntegerAttr attr);
void setAttribute(ArgValue &value, mlir::FloatAttr attr);
void setAttribute(ArgValue &value, mlir::UnitAttr attr);
void setAttribute(ArgValue &value, mlir::DenseI64ArrayAttr attr);

/// inferReturnTypes of an op with a rule: reports the rule's error at
/// `location` as "'opName' op <message>".
llvm::LogicalResult inferWithRule(mlir::MLIRContext *context,
                                  std::optional<mlir::Location> location,
                                  llvm::StringRef opName,
                                  std::vector<ArgValue> values, RuleFn rule,
                                  llvm::SmallVectorImpl<mlir::Type> &inferred);
/// Same element types and ranks, dimensions equal where both are static.
bool compatibleTypes(mlir::TypeRange inferred, mlir::TypeRange actual);
/// Checks each constant operand against its value domain.
llvm::LogicalResult verifyOperandDomains(mlir::Operation *op);
/// The verifier of an op that states its result types: runs the rule with
/// the stated results, requires the results it gives, then checks the
/// operand domains.
llvm::LogicalResult verifyWithRule(mlir::Operation *op,
                                   std::vector<ArgValue> values, RuleFn rule);

} // namespace syna::detail

#endif // SYNA_DIALECT_SYNA_IR_RULEGLUE_H
