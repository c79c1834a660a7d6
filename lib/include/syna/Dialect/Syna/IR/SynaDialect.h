//===- SynaDialect.h - the syna dialect -------------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNADIALECT_H
#define SYNA_DIALECT_SYNA_IR_SYNADIALECT_H

#include "mlir/IR/Dialect.h"

#include "syna/Dialect/Syna/IR/SynaOpsDialect.h.inc"

#endif // SYNA_DIALECT_SYNA_IR_SYNADIALECT_H
