//===- OpModel.cpp - what syna-tblgen reads from the ODS of an op ---------===//
#include "OpModel.h"

#include "mlir/TableGen/AttrOrTypeDef.h"
#include "mlir/TableGen/Attribute.h"
#include "mlir/TableGen/EnumInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/TableGen/Error.h"

using namespace mlir::tblgen;
using llvm::Record;
using llvm::StringRef;

namespace syna::tblgen {

const char *kindName(ArgKind kind) {
  switch (kind) {
  case ArgKind::Tensor: return "Tensor";
  case ArgKind::Labels: return "Labels";
  case ArgKind::Key: return "Key";
  case ArgKind::Int: return "Int";
  case ArgKind::Float: return "Float";
  case ArgKind::Bool: return "Bool";
  case ArgKind::IntList: return "IntList";
  case ArgKind::Enum: return "Enum";
  }
  return "?";
}

static std::string camelCase(StringRef odsName) {
  return llvm::convertToCamelFromSnakeCase(odsName, /*capitalizeFirst=*/false);
}

/// Operands: float tensors (with the value domain of their constraint),
/// label tensors, or an i64 scalar.
static ArgModel readOperand(const Operator &op, const NamedTypeConstraint &operand) {
  ArgModel arg;
  arg.odsName = operand.name.str();
  arg.isOperand = true;
  arg.optional = operand.isOptional();
  if (operand.isVariadic())
    llvm::PrintFatalError(&op.getDef(), "syna-tblgen: variadic operand '" +
                                            operand.name + "' has no rule kind");
  const Record *def = &operand.constraint.getDef();
  if (def->isSubClassOf("Optional")) // Optional<T> wraps T
    def = def->getValueAsDef("baseType");
  const Record &constraint = *def;
  if (constraint.getValue("valueDomain"))
    arg.domain = constraint.getValueAsString("valueDomain").str();
  if (constraint.getValue("valueRange"))
    arg.range = constraint.getValueAsString("valueRange").str();
  if (constraint.getName() == "I64")
    arg.kind = ArgKind::Key;
  else if (arg.domain == "ClassIndex")
    arg.kind = ArgKind::Labels;
  else if (constraint.getName() == "Syna_FloatTensor" ||
           constraint.isSubClassOf("Syna_FloatTensorIn"))
    arg.kind = ArgKind::Tensor;
  else
    llvm::PrintFatalError(&op.getDef(), "syna-tblgen: operand '" + operand.name +
                                            "' has a constraint (" +
                                            constraint.getName() +
                                            ") that the rules do not know");
  return arg;
}

static EnumModel readEnum(const Record &attrDef) {
  EnumInfo info(attrDef.getValueAsDef("enum"));
  EnumModel model;
  model.cppNamespace = info.getCppNamespace().str();
  model.className = info.getEnumClassName().str();
  model.symbolize = info.getStringToSymbolFnName().str();
  model.stringify = info.getSymbolToStringFnName().str();
  model.attrClass = AttrDef(&attrDef).getCppClassName().str();
  for (const EnumCase &c : info.getAllCases())
    model.cases.push_back(c.getStr().str());
  return model;
}

/// The .syna spelling of an enum default such as `Reduction::Mean`.
static std::string enumDefault(const Record &attrDef, StringRef cppDefault) {
  EnumInfo info(attrDef.getValueAsDef("enum"));
  StringRef symbol = cppDefault.rsplit("::").second;
  for (const EnumCase &c : info.getAllCases())
    if (c.getSymbol() == symbol)
      return "\"" + c.getStr().str() + "\"";
  llvm::PrintFatalError(&attrDef, "syna-tblgen: default " + cppDefault +
                                      " is no case of the enum");
}

static ArgModel readAttribute(const Operator &op, const NamedAttribute &named) {
  ArgModel arg;
  arg.odsName = named.name.str();
  arg.isOperand = false;
  const Attribute &attr = named.attr;
  Attribute base = attr.getBaseAttr();
  StringRef defName = base.getAttrDefName();
  const Record &baseDef = base.getDef();
  if (defName == "I64Attr")
    arg.kind = ArgKind::Int;
  else if (defName == "F64Attr")
    arg.kind = ArgKind::Float;
  else if (defName == "UnitAttr")
    arg.kind = ArgKind::Bool;
  else if (defName == "DenseI64ArrayAttr")
    arg.kind = ArgKind::IntList;
  else if (baseDef.isSubClassOf("EnumAttr")) {
    arg.kind = ArgKind::Enum;
    arg.enumeration = readEnum(baseDef);
  } else {
    llvm::PrintFatalError(&op.getDef(), "syna-tblgen: attribute '" + named.name +
                                            "' (" + defName +
                                            ") has no rule kind");
  }
  arg.optional = attr.isOptional() || attr.hasDefaultValue() ||
                 arg.kind == ArgKind::Bool;
  if (attr.hasDefaultValue())
    arg.defaultValue = arg.kind == ArgKind::Enum
                           ? enumDefault(baseDef, attr.getDefaultValue())
                           : attr.getDefaultValue().str();
  return arg;
}

static std::string ruleName(StringRef cppClass) {
  return cppClass.ends_with("Op") ? cppClass.drop_back(2).str()
                                  : cppClass.str();
}

static OpModel readOp(const Record *def) {
  Operator op(def);
  OpModel model;
  model.def = def;
  model.cppClass = op.getCppClassName().str();
  model.ruleName = ruleName(model.cppClass);
  model.opName = op.getOperationName();
  model.mnemonic = StringRef(model.opName).split('.').second.str();
  model.summary = op.getSummary().str();
  model.isBuiltin = def->getValueAsBit("isBuiltin");
  model.builtinShapeArgument =
      def->getValueAsString("builtinShapeArgument").str();
  model.shapeRuleCall = def->getValueAsString("shapeRuleCall").str();
  model.rule = def->isSubClassOf("Syna_InferredOp")  ? RuleKind::Inferred
               : def->isSubClassOf("Syna_CheckedOp") ? RuleKind::Checked
                                                      : RuleKind::None;
  if (model.isBuiltin && model.rule == RuleKind::None)
    llvm::PrintFatalError(def, "syna-tblgen: a built-in needs a rule: derive "
                               "it from Syna_InferredOp or Syna_CheckedOp");
  if (model.rule != RuleKind::None &&
      op.getTrait("::mlir::OpTrait::AttrSizedOperandSegments"))
    llvm::PrintFatalError(def, "syna-tblgen: operand segments are not "
                               "supported by the generic builders");
  for (int i = 0, e = op.getNumArgs(); i < e; ++i) {
    Argument arg = op.getArg(i);
    if (auto *operand = llvm::dyn_cast_if_present<NamedTypeConstraint *>(arg))
      model.args.push_back(readOperand(op, *operand));
    else if (auto *attr = llvm::dyn_cast_if_present<NamedAttribute *>(arg))
      model.args.push_back(readAttribute(op, *attr));
    else
      llvm::PrintFatalError(def, "syna-tblgen: properties are not supported");
    ArgModel &back = model.args.back();
    back.field = camelCase(back.odsName);
    back.constant =
        "k" + llvm::convertToCamelFromSnakeCase(back.odsName, true);
  }
  model.numRequiredResults = 0;
  for (int i = 0, e = op.getNumResults(); i < e; ++i)
    if (!op.getResult(i).isVariableLength())
      ++model.numRequiredResults;
  return model;
}

std::vector<OpModel> readOps(const llvm::RecordKeeper &records) {
  std::vector<OpModel> ops;
  for (const Record *def : records.getAllDerivedDefinitions("Syna_Op"))
    if (def->isSubClassOf("Syna_InferredOp") ||
        def->isSubClassOf("Syna_CheckedOp") || def->getValueAsBit("isBuiltin"))
      ops.push_back(readOp(def));
  return ops;
}

} // namespace syna::tblgen
