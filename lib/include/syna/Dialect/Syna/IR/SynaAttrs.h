//===- SynaAttrs.h - syna attributes and enums ------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_SYNAATTRS_H
#define SYNA_DIALECT_SYNA_IR_SYNAATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"

#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "llvm/ADT/Hashing.h"

#include "syna/Dialect/Syna/IR/SynaEnums.h.inc"

namespace syna {
// #syna.model stores the typed setup of ModelSchema.h; the attribute storage
// hashes its parts (SynaAttrs.cpp).
llvm::hash_code hash_value(const OptimizerSpec &spec);
llvm::hash_code hash_value(const ScheduleSpec &spec);
llvm::hash_code hash_value(const DataSpec &spec);
llvm::hash_code hash_value(const AugmentSpec &spec);
} // namespace syna

#define GET_ATTRDEF_CLASSES
#include "syna/Dialect/Syna/IR/SynaAttrs.h.inc"

#endif // SYNA_DIALECT_SYNA_IR_SYNAATTRS_H
