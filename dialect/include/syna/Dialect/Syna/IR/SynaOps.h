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

#endif // SYNA_DIALECT_SYNA_IR_SYNAOPS_H
