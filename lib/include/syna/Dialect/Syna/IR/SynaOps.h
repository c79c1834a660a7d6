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

#define GET_OP_CLASSES
#include "syna/Dialect/Syna/IR/SynaOps.h.inc"

namespace syna {

/// The type of a syna op's operand or result: always a ranked tensor.
inline mlir::RankedTensorType tensorType(mlir::Value value) {
  return llvm::cast<mlir::RankedTensorType>(value.getType());
}

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_SYNAOPS_H
