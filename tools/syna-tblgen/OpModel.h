//===- OpModel.h - what syna-tblgen reads from the ODS of an op -*- C++ -*-===//
//
// The ODS of a syna op, reduced to what the generated rule glue, the .syna
// built-in table and the importer need: each argument's kind, optionality,
// default and value domain, and the op's rule kind.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_TOOLS_SYNA_TBLGEN_OPMODEL_H
#define SYNA_TOOLS_SYNA_TBLGEN_OPMODEL_H

#include "mlir/TableGen/Operator.h"
#include "llvm/TableGen/Record.h"

#include <optional>
#include <string>
#include <vector>

namespace syna::tblgen {

/// How an argument appears in the rules (ArgValue's fields) and in .syna.
enum class ArgKind {
  Tensor,  // a float tensor operand
  Labels,  // an integer tensor operand of class indices
  Key,     // an i64 scalar operand
  Int,     // I64Attr
  Float,   // F64Attr
  Bool,    // UnitAttr
  IntList, // DenseI64ArrayAttr
  Enum,    // an EnumAttr of the dialect
};

struct EnumModel {
  std::string cppNamespace, className, symbolize, stringify, attrClass;
  std::vector<std::string> cases; // spellings, in declaration order
};

struct ArgModel {
  std::string odsName;  // running_mean
  std::string field;    // runningMean
  std::string constant; // kRunningMean
  ArgKind kind;
  bool isOperand;
  bool optional;                   // may be absent (or has a default)
  std::optional<std::string> defaultValue; // C++ initializer of the field
  std::string domain;              // a syna::ValueDomain enumerant, or ""
  std::string range;               // the domain as documented: "[0, 1]"
  std::optional<EnumModel> enumeration;
};

enum class RuleKind {
  None,     // no rule: neither a built-in nor a rule op
  Inferred, // Syna_InferredOp: inferReturnTypes
  Checked,  // Syna_CheckedOp: verify compares stated results
};

struct OpModel {
  const llvm::Record *def;
  std::string cppClass; // SynapseDenseOp
  std::string ruleName; // SynapseDense: its rule is inferSynapseDense
  std::string mnemonic; // synapse_dense
  std::string opName;   // syna.synapse_dense
  std::string summary;
  std::vector<ArgModel> args;
  unsigned numRequiredResults;
  RuleKind rule;
  bool isBuiltin;
  std::string builtinShapeArgument;
  std::string shapeRuleCall;
};

/// The syna ops of `records` in definition-name order, or an error printed
/// through llvm::PrintFatalError at the offending record.
std::vector<OpModel> readOps(const llvm::RecordKeeper &records);

const char *kindName(ArgKind kind);

} // namespace syna::tblgen

#endif // SYNA_TOOLS_SYNA_TBLGEN_OPMODEL_H
