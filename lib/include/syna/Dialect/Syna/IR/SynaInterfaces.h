//===- SynaInterfaces.h - syna op interfaces --------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNAINTERFACES_H
#define SYNA_DIALECT_SYNA_IR_SYNAINTERFACES_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"

#include "syna/Dialect/Syna/IR/SynaInterfaces.h.inc"

#endif // SYNA_DIALECT_SYNA_IR_SYNAINTERFACES_H
