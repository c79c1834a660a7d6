//===- TypeInference.h - shape, type and domain rules of the ops -*- C++ -*-===//
//
// Standard C++ only (see dialect/Syna/IR/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_TYPEINFERENCE_H
#define SYNA_DIALECT_SYNA_IR_TYPEINFERENCE_H

namespace syna {} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_TYPEINFERENCE_H
