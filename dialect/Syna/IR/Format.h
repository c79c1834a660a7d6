//===- Format.h - numbers in diagnostics ------------------------*- C++ -*-===//
#ifndef SYNA_DIALECT_SYNA_IR_FORMAT_H
#define SYNA_DIALECT_SYNA_IR_FORMAT_H

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <string>

namespace syna {

/// The shortest form that reads back as the same double (1.5, -0.125,
/// 1e-05): diagnostics show numbers the way users write them, not as
/// 1.500000e+00.
inline std::string formatNumber(double value) {
  std::string out;
  for (int precision = 1; precision <= 17; ++precision) {
    out.clear();
    llvm::raw_string_ostream(out) << llvm::format("%.*g", precision, value);
    if (std::strtod(out.c_str(), nullptr) == value)
      break;
  }
  return out;
}

/// formatNumber, spelled as a float literal (1.0 rather than 1) so that it
/// reads back as one.
inline std::string formatFloatLiteral(double value) {
  std::string out = formatNumber(value);
  if (out.find_first_of(".eEn") == std::string::npos)
    out += ".0";
  return out;
}

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_FORMAT_H
