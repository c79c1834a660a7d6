//===- ModelSchema.h - the schema of a model's training setup ---*- C++ -*-===//
//
// Standard C++ only (see dialect/Syna/IR/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_MODELSCHEMA_H
#define SYNA_DIALECT_SYNA_IR_MODELSCHEMA_H

namespace syna {} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_MODELSCHEMA_H
