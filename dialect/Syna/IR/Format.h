//===- Format.h - numbers in diagnostics and attributes ---------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_FORMAT_H
#define SYNA_DIALECT_SYNA_IR_FORMAT_H

#include "syna/Dialect/Syna/IR/ModelSchema.h"

#include <string>

namespace syna {

/// The shortest form that reads back as the same double (1.5, -0.125,
/// 1e-05): diagnostics show numbers the way users write them, not as
/// 1.500000e+00.
inline std::string formatNumber(double value) {
  return formatFieldNumber(value);
}

/// formatNumber, spelled as a float literal that MLIR's parser reads back
/// as the same double: a fraction before any exponent (1.0, 1.0e+01,
/// 5.0e-324). Only finite values have one; attributes that print it reject
/// the others in their verifiers.
inline std::string formatFloatLiteral(double value) {
  return formatFieldNumber(value, /*literal=*/true);
}

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_FORMAT_H
