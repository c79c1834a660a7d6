//===- Builtins.h - the built-in functions of the .syna language -*- C++ -*-===//
//
// Every syna op marked `isBuiltin` in ODS is callable from .syna under its
// mnemonic, with its ODS arguments, in ODS order, positionally or by
// keyword:
//
//   conv2d(x, w, bias = b, strides = [1, 1], padding = [0, 0])
//
// syna-tblgen derives this table from ODS (SynaBuiltins.cpp.inc): there is
// no hand-kept list of ops, arguments or defaults in the front end. The
// semantic checks bind arguments with it and apply the op's rule
// (TypeInference.h); the importer builds the op with buildBuiltinOp.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_BUILTINS_H
#define SYNA_FRONTEND_BUILTINS_H

#include "syna/Dialect/Syna/IR/TypeInference.h"

#include <optional>
#include <string_view>
#include <vector>

namespace syna::frontend {

/// What an argument of a built-in must be: the kinds of syna-tblgen's
/// OpModel, and Shape for an argument that gives the result shape.
enum class ArgKind {
  Tensor,  // a float tensor operand (a number becomes a scalar tensor)
  Labels,  // an i32/i64 tensor of class indices
  Key,     // an i64 value or an integer constant
  Int,     // an integer constant
  Float,   // a numeric constant
  Bool,    // true or false
  IntList, // [a, b, ...] of integer constants
  Enum,    // one of the cases, written as a name
  Shape,   // [d0, d1, ...] of sizes and dimension names
};

struct BuiltinArg {
  std::string_view name;
  ArgKind kind;
  bool required;
  std::optional<ValueDomain> domain; // operands with a value domain
  std::vector<std::string_view> cases; // Enum
};

using BuiltinRule = RuleResult (*)(const std::vector<ArgValue> &,
                                   std::vector<TensorDesc>, RuleContext &);

struct BuiltinSignature {
  std::string_view name;   // the mnemonic
  std::string_view opName; // syna.<mnemonic>
  std::vector<BuiltinArg> args;
  unsigned numResults;
  BuiltinRule rule;
  /// The index of the Shape argument, or −1.
  int shapeArgument;

  bool isOperand(size_t i) const {
    ArgKind kind = args[i].kind;
    return kind == ArgKind::Tensor || kind == ArgKind::Labels ||
           kind == ArgKind::Key;
  }
};

/// The built-in called `name`, or null.
const BuiltinSignature *lookupBuiltin(std::string_view name);
const std::vector<BuiltinSignature> &allBuiltins();

} // namespace syna::frontend

#endif // SYNA_FRONTEND_BUILTINS_H
