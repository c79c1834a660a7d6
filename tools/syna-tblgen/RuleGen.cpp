//===- RuleGen.cpp - argument structs and rule glue of the syna ops -------===//
//
// -gen-syna-op-args (standard C++): per op, the struct its rule reads and the
//   rule's declaration (or its definition, from `shapeRuleCall`).
// -gen-syna-op-rules (MLIR): per op, the collection of its arguments from an
//   adaptor, `inferReturnTypes`/`isCompatibleReturnTypes` or the checking
//   `verify`, and `getOperandDomain` over all ops.
//
//===----------------------------------------------------------------------===//
#include "OpModel.h"

#include "mlir/TableGen/GenInfo.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/TableGen/TableGenBackend.h"

using llvm::formatv;
using llvm::raw_ostream;

namespace syna::tblgen {
namespace {

std::string fieldType(const ArgModel &arg) {
  switch (arg.kind) {
  case ArgKind::Tensor:
  case ArgKind::Labels:
  case ArgKind::Key: return "const TensorDesc *";
  case ArgKind::Int: return "int64_t ";
  case ArgKind::Float: return "double ";
  case ArgKind::Bool: return "bool ";
  case ArgKind::IntList:
    return arg.optional && !arg.defaultValue
               ? "std::optional<std::vector<int64_t>> "
               : "std::vector<int64_t> ";
  case ArgKind::Enum: return "std::string ";
  }
  return "";
}

std::string fieldInit(const ArgModel &arg) {
  if (arg.defaultValue)
    return " = " + *arg.defaultValue;
  switch (arg.kind) {
  case ArgKind::Tensor:
  case ArgKind::Labels:
  case ArgKind::Key: return " = nullptr";
  case ArgKind::Int: return " = 0";
  case ArgKind::Float: return " = 0";
  case ArgKind::Bool: return " = false";
  default: return "";
  }
}

/// The statement that copies ArgValue `v[i]` into the field.
std::string fieldFromValue(const ArgModel &arg, size_t i) {
  std::string v = formatv("v[{0}]", i);
  switch (arg.kind) {
  case ArgKind::Tensor:
  case ArgKind::Labels:
  case ArgKind::Key: return formatv("a.{0} = &{1}.tensor;", arg.field, v);
  case ArgKind::Int: return formatv("a.{0} = {1}.integer;", arg.field, v);
  case ArgKind::Float: return formatv("a.{0} = {1}.real;", arg.field, v);
  case ArgKind::Bool: return formatv("a.{0} = {1}.flag;", arg.field, v);
  case ArgKind::IntList: return formatv("a.{0} = {1}.integers;", arg.field, v);
  case ArgKind::Enum: return formatv("a.{0} = {1}.name;", arg.field, v);
  }
  return "";
}

void emitArgsStruct(const OpModel &op, raw_ostream &os) {
  std::string name = op.ruleName + "Args";
  os << formatv("/// The arguments of {0} (`{1}`), in ODS order.\n", op.opName,
                op.cppClass);
  os << "struct " << name << " {\n  enum : int {";
  for (size_t i = 0; i < op.args.size(); ++i)
    os << (i ? ", " : " ") << op.args[i].constant << " = " << i;
  os << " };\n";
  for (const ArgModel &arg : op.args)
    os << "  " << fieldType(arg) << arg.field << fieldInit(arg) << ";\n";
  os << "  /// The result types the op states (checked ops); else empty.\n"
        "  std::vector<TensorDesc> results;\n\n";
  os << formatv("  static {0} from(const std::vector<ArgValue> &v,\n"
                "                  std::vector<TensorDesc> results) {{\n"
                "    {0} a;\n",
                name);
  for (size_t i = 0; i < op.args.size(); ++i)
    os << formatv("    if ({0} < v.size() && v[{0}].present)\n      {1}\n", i,
                  fieldFromValue(op.args[i], i));
  os << "    a.results = std::move(results);\n    return a;\n  }\n};\n\n";
}

void emitRuleDeclaration(const OpModel &op, raw_ostream &os) {
  std::string args = op.ruleName + "Args";
  if (op.shapeRuleCall.empty()) {
    os << formatv("RuleResult infer{0}(const {1} &args, RuleContext &ctx);\n",
                  op.ruleName, args);
  } else {
    os << formatv("inline RuleResult infer{0}(const {1} &args,\n"
                  "                            RuleContext &ctx) {{\n"
                  "  (void)ctx;\n  return {2};\n}\n",
                  op.ruleName, args, op.shapeRuleCall);
  }
  os << formatv(
      "/// {0}'s rule over generic arguments (the front end, the verifier).\n"
      "inline RuleResult apply{1}Rule(const std::vector<ArgValue> &values,\n"
      "                               std::vector<TensorDesc> results,\n"
      "                               RuleContext &ctx) {{\n"
      "  return infer{1}({1}Args::from(values, std::move(results)), ctx);\n"
      "}\n\n",
      op.opName, op.ruleName);
}

bool emitOpArgs(const llvm::RecordKeeper &records, raw_ostream &os) {
  llvm::emitSourceFileHeader("Argument structs and rules of the syna ops",
                             os, records);
  os << "namespace syna {\n\n";
  for (const OpModel &op : readOps(records)) {
    emitArgsStruct(op, os);
    emitRuleDeclaration(op, os);
  }
  os << "} // namespace syna\n";
  return false;
}

//===----------------------------------------------------------------------===//
// MLIR glue
//===----------------------------------------------------------------------===//

/// The statement that fills `values[i]` from the adaptor.
std::string collectArgument(const ArgModel &arg, size_t i) {
  std::string getter = "adaptor.get" +
                       llvm::convertToCamelFromSnakeCase(arg.odsName, true);
  if (arg.isOperand)
    return formatv("  ::syna::detail::setOperand(values[{0}], {1}());\n", i,
                   getter);
  if (arg.kind != ArgKind::Enum)
    return formatv("  ::syna::detail::setAttribute(values[{0}], {1}Attr());\n",
                   i, getter);
  const EnumModel &e = *arg.enumeration;
  return formatv("  if (auto attr = {1}Attr()) {{\n"
                 "    values[{0}].present = true;\n"
                 "    values[{0}].name = {2}::{3}(attr.getValue()).str();\n"
                 "  }\n",
                 i, getter, e.cppNamespace, e.stringify);
}

void emitCollect(const OpModel &op, raw_ostream &os) {
  os << formatv("static std::vector<::syna::ArgValue>\n"
                "collect{0}Args({1}::Adaptor adaptor) {{\n"
                "  std::vector<::syna::ArgValue> values({2});\n",
                op.ruleName, op.cppClass, op.args.size());
  for (size_t i = 0; i < op.args.size(); ++i)
    os << collectArgument(op.args[i], i);
  os << "  return values;\n}\n\n";
}

void emitInferred(const OpModel &op, raw_ostream &os) {
  os << formatv(
      "::llvm::LogicalResult {0}::inferReturnTypes(\n"
      "    ::mlir::MLIRContext *context, ::std::optional<::mlir::Location> "
      "location,\n"
      "    Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &inferred) "
      "{{\n"
      "  return ::syna::detail::inferWithRule(context, location, "
      "getOperationName(),\n"
      "      collect{1}Args(adaptor), &::syna::apply{1}Rule, inferred);\n"
      "}\n\n"
      "bool {0}::isCompatibleReturnTypes(::mlir::TypeRange inferred,\n"
      "                                  ::mlir::TypeRange actual) {{\n"
      "  return ::syna::detail::compatibleTypes(inferred, actual);\n"
      "}\n\n"
      "::llvm::LogicalResult {0}::verify() {{\n"
      "  return ::syna::detail::verifyOperandDomains(getOperation());\n"
      "}\n\n",
      op.cppClass, op.ruleName);
}

void emitChecked(const OpModel &op, raw_ostream &os) {
  os << formatv("::llvm::LogicalResult {0}::verify() {{\n"
                "  return ::syna::detail::verifyWithRule(getOperation(),\n"
                "      collect{1}Args(Adaptor(*this)), &::syna::apply{1}Rule);\n"
                "}\n\n",
                op.cppClass, op.ruleName);
}

void emitOperandDomains(const std::vector<OpModel> &ops, raw_ostream &os) {
  os << "std::optional<::syna::OperandDomain>\n"
        "syna::getOperandDomain(::mlir::Operation *op, unsigned index) {\n";
  for (const OpModel &op : ops) {
    bool any = false;
    for (const ArgModel &arg : op.args)
      any |= arg.isOperand && !arg.domain.empty();
    if (!any)
      continue;
    os << formatv("  if (auto typed = ::llvm::dyn_cast<{0}>(op)) {{\n",
                  op.cppClass);
    unsigned odsOperand = 0;
    for (const ArgModel &arg : op.args) {
      if (!arg.isOperand)
        continue;
      if (!arg.domain.empty())
        os << formatv("    if (auto [start, size] = "
                      "typed.getODSOperandIndexAndLength({0});\n"
                      "        index >= start && index < start + size)\n"
                      "      return ::syna::OperandDomain{{"
                      "::syna::ValueDomain::{1}, \"{2}\"};\n",
                      odsOperand, arg.domain, arg.odsName);
      ++odsOperand;
    }
    os << "    return std::nullopt;\n  }\n";
  }
  os << "  return std::nullopt;\n}\n";
}

bool emitOpRules(const llvm::RecordKeeper &records, raw_ostream &os) {
  llvm::emitSourceFileHeader("Rule glue of the syna ops", os, records);
  std::vector<OpModel> ops = readOps(records);
  for (const OpModel &op : ops) {
    if (op.rule == RuleKind::None)
      continue;
    os << "namespace syna {\n";
    emitCollect(op, os);
    if (op.rule == RuleKind::Inferred)
      emitInferred(op, os);
    else
      emitChecked(op, os);
    os << "} // namespace syna\n\n";
  }
  emitOperandDomains(ops, os);
  return false;
}

mlir::GenRegistration genOpArgs("gen-syna-op-args",
                                "Generate the argument structs of the syna "
                                "op rules (standard C++)",
                                emitOpArgs);
mlir::GenRegistration genOpRules("gen-syna-op-rules",
                                 "Generate inferReturnTypes and verify of the "
                                 "syna ops from their rules",
                                 emitOpRules);

} // namespace
} // namespace syna::tblgen
