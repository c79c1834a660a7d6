//===- SynaOps.h - syna operations ------------------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNAOPS_H
#define SYNA_DIALECT_SYNA_IR_SYNAOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "syna/Dialect/Syna/IR/SynaAttrs.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/Dialect/Syna/IR/SynaInterfaces.h"
#include "syna/Dialect/Syna/IR/TypeInference.h"

namespace syna {
/// Operands broadcast to the result (SynaOps.td, Syna_BroadcastsOperands).
template <typename ConcreteType>
class BroadcastsOperands
    : public mlir::OpTrait::TraitBase<ConcreteType, BroadcastsOperands> {};
} // namespace syna

#define GET_OP_CLASSES
#include "syna/Dialect/Syna/IR/SynaOps.h.inc"

namespace syna {

/// The type of a syna op's operand or result: always a ranked tensor.
inline mlir::RankedTensorType tensorType(mlir::Value value) {
  return llvm::cast<mlir::RankedTensorType>(value.getType());
}

/// The value domain of an operand and its ODS name.
struct OperandDomain {
  ValueDomain domain;
  const char *name;
};

/// The value domain of operand `index` of `op` (from the operand's ODS type
/// constraint), if it has one. A ClassIndex operand's classes are the last
/// dimension of the op's first operand (a loss's input [B, C]).
std::optional<OperandDomain> getOperandDomain(mlir::Operation *op,
                                              unsigned index);
/// The interval of an operand's domain; ClassIndex reads the class count
/// from `op`'s first operand (unknown when dynamic).
Interval operandInterval(mlir::Operation *op, const OperandDomain &domain);

/// Builds the op `opName` of a .syna built-in call: `operands` and `values`
/// have one entry per ODS argument (a null operand: absent or an attribute;
/// `values` holds the attributes). Returns null if a value cannot be
/// represented. Generated from ODS (SynaBuiltinBuilders.cpp.inc).
mlir::Operation *buildBuiltinOp(llvm::StringRef opName,
                                mlir::OpBuilder &builder, mlir::Location loc,
                                mlir::TypeRange results,
                                llvm::ArrayRef<mlir::Value> operands,
                                const std::vector<ArgValue> &values);

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_SYNAOPS_H
