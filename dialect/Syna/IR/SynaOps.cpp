//===- SynaOps.cpp - syna ops: definitions, rule glue, parameter checks ---===//
//
// The shape, type and domain rules of the ops live in TypeInference.cpp;
// syna-tblgen generates their glue (SynaOpRules.cpp.inc): inferReturnTypes,
// the verifiers, getOperandDomain. Only the parameter ops, whose checks need
// the symbol table, are verified here.
//
//===----------------------------------------------------------------------===//
#include "syna/Dialect/Syna/IR/SynaOps.h"

#include "FoldUtils.h"
#include "RuleGlue.h"
#include "ShapeChecks.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "syna/Dialect/Syna/IR/ScalarFunctions.h"

using namespace mlir;
using namespace syna;

#define GET_OP_CLASSES
#include "syna/Dialect/Syna/IR/SynaOps.cpp.inc"

#include "syna/Dialect/Syna/IR/SynaOpRules.cpp.inc"

#include "syna/Dialect/Syna/IR/SynaBuiltinBuilders.cpp.inc"

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

LogicalResult ParamOp::verify() {
  RankedTensorType type = getTensorType();
  if (!type.hasStaticShape())
    return emitOpError("parameter shape must be static, got ")
           << shapeString(type.getShape());
  InitKind kind = getInit().getKind();
  bool needsFans = kind == InitKind::KaimingUniform ||
                   kind == InitKind::KaimingNormal ||
                   kind == InitKind::XavierUniform;
  if (needsFans && type.getRank() < 2)
    return emitOpError("initializer '")
           << stringifyInitKind(kind)
           << "' needs a parameter of rank 2 or more to define fan-in, got "
           << shapeString(type.getShape());
  return success();
}

LogicalResult
ParamRefOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto param =
      symbolTable.lookupNearestSymbolFrom<ParamOp>(*this, getNameAttr());
  if (!param)
    return emitOpError("'") << getName() << "' does not name a syna.param";
  if (param.getType() != getType())
    return emitOpError("type ")
           << getType() << " differs from the parameter's type "
           << param.getType();
  return success();
}

static LogicalResult verifyParamAccess(Operation *op, FlatSymbolRefAttr name,
                                       Type type,
                                       SymbolTableCollection &symbolTable) {
  auto param = symbolTable.lookupNearestSymbolFrom<ParamOp>(op, name);
  if (!param)
    return op->emitOpError("'") << name.getValue()
                                << "' does not name a syna.param";
  if (param.getType() != type)
    return op->emitOpError("type ")
           << type << " differs from the parameter's type " << param.getType();
  return success();
}

LogicalResult
ParamReadOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyParamAccess(*this, getNameAttr(), getType(), symbolTable);
}

LogicalResult
ParamWriteOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyParamAccess(*this, getNameAttr(), getValue().getType(),
                           symbolTable);
}
