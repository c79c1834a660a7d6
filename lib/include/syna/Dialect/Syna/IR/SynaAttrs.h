//===- SynaAttrs.h - syna attributes and enums ------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNAATTRS_H
#define SYNA_DIALECT_SYNA_IR_SYNAATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"

#include "syna/Dialect/Syna/IR/SynaEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "syna/Dialect/Syna/IR/SynaAttrs.h.inc"

#endif // SYNA_DIALECT_SYNA_IR_SYNAATTRS_H
