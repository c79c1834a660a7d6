//===- SynaDialect.cpp - the syna dialect ---------------------------------===//
#include "syna/Dialect/Syna/IR/SynaDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Transforms/InliningUtils.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

using namespace mlir;
using namespace syna;

#include "syna/Dialect/Syna/IR/SynaOpsDialect.cpp.inc"

namespace {
/// Every syna op is a pure function of its operands (a param_ref reads state
/// that is constant within one evaluation), so calls to functions of syna
/// ops can be inlined anywhere.
struct SynaInlinerInterface : DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void SynaDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "syna/Dialect/Syna/IR/SynaOps.cpp.inc"
      >();
  registerAttributes();
  addInterfaces<SynaInlinerInterface>();
}

Operation *SynaDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return arith::ConstantOp::create(builder, loc, type, typed);
}
