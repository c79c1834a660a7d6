//===- Builtins.cpp - the built-in functions of the .syna language --------===//
#include "syna/Frontend/Builtins.h"

namespace syna::frontend {

const std::vector<BuiltinSignature> &allBuiltins() {
  static const std::vector<BuiltinSignature> builtins = {
#include "syna/Dialect/Syna/IR/SynaBuiltins.cpp.inc"
  };
  return builtins;
}

const BuiltinSignature *lookupBuiltin(std::string_view name) {
  for (const BuiltinSignature &builtin : allBuiltins())
    if (builtin.name == name)
      return &builtin;
  return nullptr;
}

} // namespace syna::frontend
