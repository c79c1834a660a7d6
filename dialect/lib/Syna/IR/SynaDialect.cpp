//===- SynaDialect.cpp - the syna dialect ---------------------------------===//
#include "syna/Dialect/Syna/IR/SynaDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

using namespace mlir;
using namespace mlir::syna;

#include "syna/Dialect/Syna/IR/SynaOpsDialect.cpp.inc"

void SynaDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "syna/Dialect/Syna/IR/SynaOps.cpp.inc"
      >();
  registerAttributes();
}

Operation *SynaDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return arith::ConstantOp::create(builder, loc, type, typed);
}
