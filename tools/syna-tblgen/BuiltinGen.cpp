//===- BuiltinGen.cpp - the .syna built-ins, derived from ODS -------------===//
//
// -gen-syna-builtins (standard C++): the front end's table of built-ins
//   (name, arguments with kinds, optionality and value domains, result
//   count, rule).
// -gen-syna-builtin-builders (MLIR): one function that builds the op of a
//   built-in call from its operands and argument values.
// -gen-syna-builtins-doc: the built-in table of docs/language.md.
//
//===----------------------------------------------------------------------===//
#include "OpModel.h"

#include "mlir/TableGen/GenInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/TableGen/TableGenBackend.h"

using llvm::formatv;
using llvm::raw_ostream;

namespace syna::tblgen {
namespace {

std::vector<OpModel> readBuiltins(const llvm::RecordKeeper &records) {
  std::vector<OpModel> builtins;
  for (OpModel &op : readOps(records))
    if (op.isBuiltin)
      builtins.push_back(std::move(op));
  return builtins;
}

void emitArgEntry(const ArgModel &arg, raw_ostream &os) {
  os << formatv("       {{\"{0}\", frontend::ArgKind::{1}, /*required=*/{2}, ",
                arg.odsName, kindName(arg.kind), arg.optional ? "false" : "true");
  if (arg.domain.empty())
    os << "std::nullopt, ";
  else
    os << "ValueDomain::" << arg.domain << ", ";
  os << "{";
  if (arg.enumeration)
    llvm::interleaveComma(arg.enumeration->cases, os,
                          [&](const std::string &c) { os << '"' << c << '"'; });
  os << "}},\n";
}

bool emitBuiltins(const llvm::RecordKeeper &records, raw_ostream &os) {
  llvm::emitSourceFileHeader("The .syna built-ins (the syna ops)", os, records);
  for (const OpModel &op : readBuiltins(records)) {
    os << formatv("    {{\"{0}\", \"{1}\",\n      {{\n", op.mnemonic, op.opName);
    for (const ArgModel &arg : op.args)
      emitArgEntry(arg, os);
    if (!op.builtinShapeArgument.empty())
      os << formatv("       {{\"{0}\", frontend::ArgKind::Shape, "
                    "/*required=*/true, std::nullopt, {{}},\n",
                    op.builtinShapeArgument);
    os << formatv("      },\n      /*numResults=*/{0}, &apply{1}Rule, "
                  "/*shapeArgument=*/{2}},\n",
                  op.numRequiredResults, op.ruleName,
                  op.builtinShapeArgument.empty() ? -1
                                                  : int(op.args.size()));
  }
  return false;
}

/// The statement that adds argument `i` to `state` when it is present.
std::string addArgument(const ArgModel &arg, size_t i) {
  if (arg.isOperand)
    return formatv("    if (operands[{0}])\n"
                   "      state.addOperands(operands[{0}]);\n",
                   i);
  std::string value;
  switch (arg.kind) {
  case ArgKind::Int:
    value = formatv("builder.getI64IntegerAttr(values[{0}].integer)", i);
    break;
  case ArgKind::Float:
    value = formatv("builder.getF64FloatAttr(values[{0}].real)", i);
    break;
  case ArgKind::Bool:
    return formatv("    if (values[{0}].present && values[{0}].flag)\n"
                   "      state.addAttribute(\"{1}\", builder.getUnitAttr());\n",
                   i, arg.odsName);
  case ArgKind::IntList:
    value = formatv("builder.getDenseI64ArrayAttr(values[{0}].integers)", i);
    break;
  case ArgKind::Enum: {
    const EnumModel &e = *arg.enumeration;
    return formatv("    if (values[{0}].present) {{\n"
                   "      auto symbol = {1}::{2}(values[{0}].name);\n"
                   "      if (!symbol)\n        return nullptr;\n"
                   "      state.addAttribute(\"{3}\", {1}::{4}::get("
                   "builder.getContext(), *symbol));\n    }\n",
                   i, e.cppNamespace, e.symbolize, arg.odsName, e.attrClass);
  }
  default:
    return "";
  }
  return formatv("    if (values[{0}].present)\n"
                 "      state.addAttribute(\"{1}\", {2});\n",
                 i, arg.odsName, value);
}

bool emitBuiltinBuilders(const llvm::RecordKeeper &records, raw_ostream &os) {
  llvm::emitSourceFileHeader("Builders of the .syna built-ins", os, records);
  os << "::mlir::Operation *syna::buildBuiltinOp(\n"
        "    ::llvm::StringRef opName, ::mlir::OpBuilder &builder,\n"
        "    ::mlir::Location loc, ::mlir::TypeRange results,\n"
        "    ::llvm::ArrayRef<::mlir::Value> operands,\n"
        "    const std::vector<::syna::ArgValue> &values) {\n";
  for (const OpModel &op : readBuiltins(records)) {
    os << formatv("  if (opName == \"{0}\") {{\n"
                  "    if (operands.size() < {1} || values.size() < {1})\n"
                  "      return nullptr;\n"
                  "    ::mlir::OperationState state(loc, opName);\n",
                  op.opName, op.args.size());
    for (size_t i = 0; i < op.args.size(); ++i)
      os << addArgument(op.args[i], i);
    os << "    state.addTypes(results);\n"
          "    return builder.create(state);\n  }\n";
  }
  os << "  return nullptr;\n}\n";
  return false;
}

//===----------------------------------------------------------------------===//
// Documentation
//===----------------------------------------------------------------------===//

std::string docDefault(const ArgModel &arg) {
  if (arg.kind == ArgKind::Bool)
    return "false";
  if (!arg.defaultValue)
    return "none";
  std::string text = *arg.defaultValue;
  if (arg.kind == ArgKind::IntList) // {1, 1} → [1, 1]
    return "[" + text.substr(1, text.size() - 2) + "]";
  if (arg.kind == ArgKind::Enum) // "mean" → mean
    return text.substr(1, text.size() - 2);
  return text;
}

std::string docArgument(const ArgModel &arg) {
  std::string text = arg.odsName;
  if (arg.optional)
    text += " = " + docDefault(arg);
  return text;
}

/// What an argument must be, as the language reference says it.
std::string docKind(const ArgModel &arg) {
  switch (arg.kind) {
  case ArgKind::Tensor:
    return arg.range.empty() ? "float tensor" : "float tensor in " + arg.range;
  case ArgKind::Labels: return "class indices (i32 or i64 tensor)";
  case ArgKind::Key: return "i64 key";
  case ArgKind::Int: return "integer";
  case ArgKind::Float: return "number";
  case ArgKind::Bool: return "true or false";
  case ArgKind::IntList: return "list of integers";
  case ArgKind::Enum: return llvm::join(arg.enumeration->cases, " or ");
  }
  return "";
}

std::string docKinds(const OpModel &op) {
  std::vector<std::string> parts;
  for (const ArgModel &arg : op.args)
    parts.push_back(arg.odsName + ": " + docKind(arg));
  if (!op.builtinShapeArgument.empty())
    parts.push_back(op.builtinShapeArgument + ": the result shape");
  return llvm::join(parts, "; ");
}

bool emitBuiltinsDoc(const llvm::RecordKeeper &records, raw_ostream &os) {
  os << "<!-- Generated by syna-tblgen -gen-syna-builtins-doc from the syna "
        "dialect's ODS; do not edit. -->\n\n"
        "| call | arguments | dialect op |\n|---|---|---|\n";
  for (const OpModel &op : readBuiltins(records)) {
    std::vector<std::string> args;
    for (const ArgModel &arg : op.args)
      args.push_back(docArgument(arg));
    if (!op.builtinShapeArgument.empty())
      args.push_back(op.builtinShapeArgument);
    os << formatv("| `{0}({1})` | {2} | `{3}`: {4} |\n", op.mnemonic,
                  llvm::join(args, ", "), docKinds(op), op.opName, op.summary);
  }
  return false;
}

mlir::GenRegistration genBuiltins("gen-syna-builtins",
                                  "Generate the .syna built-in table",
                                  emitBuiltins);
mlir::GenRegistration genBuilders("gen-syna-builtin-builders",
                                  "Generate the builders of .syna built-ins",
                                  emitBuiltinBuilders);
mlir::GenRegistration genDoc("gen-syna-builtins-doc",
                             "Generate the built-in reference (Markdown)",
                             emitBuiltinsDoc);

} // namespace
} // namespace syna::tblgen
