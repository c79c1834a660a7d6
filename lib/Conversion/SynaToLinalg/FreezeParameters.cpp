//===- FreezeParameters.cpp - parameters as constants of the graphs -------===//
//
// syna-freeze-params (Passes.td): the values of the parameters become
// constants, mapped onto their domains on the host, for code that is
// compiled once with trained parameters (syna-compile, docs/deploy.md).
//
//===----------------------------------------------------------------------===//
#include "syna/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "syna/Conversion/DomainMaps.h"
#include "syna/Conversion/ParamInit.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {
#define GEN_PASS_DEF_SYNAFREEZEPARAMS
#include "syna/Conversion/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {
namespace {

/// `theta` (a dense float attribute) mapped elementwise onto `domain`, in
/// double precision, rounded once to the element type.
DenseElementsAttr mapAttrOntoDomain(DenseElementsAttr theta, Domain domain) {
  if (domain == Domain::Real)
    return theta;
  auto type = cast<ShapedType>(theta.getType());
  const llvm::fltSemantics &semantics =
      cast<FloatType>(type.getElementType()).getFloatSemantics();
  std::vector<APFloat> values;
  values.reserve(type.getNumElements());
  for (APFloat value : theta.getValues<APFloat>()) {
    bool lost;
    value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
    APFloat mapped(mapOntoDomain(value.convertToDouble(), domain));
    mapped.convert(semantics, APFloat::rmNearestTiesToEven, &lost);
    values.push_back(mapped);
  }
  return DenseElementsAttr::get(type, values);
}

struct FreezeParamsPass
    : ::syna::impl::SynaFreezeParamsBase<FreezeParamsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    WalkResult writes = module.walk([](ParamWriteOp write) {
      write.emitError("syna-freeze-params: @")
          << write.getName()
          << " is written here; only graphs that read their parameters "
             "(inference) can embed them as constants";
      return WalkResult::interrupt();
    });
    if (writes.wasInterrupted())
      return signalPassFailure();

    llvm::StringMap<DenseElementsAttr> theta, value;
    for (ParamOp param : module.getOps<ParamOp>()) {
      DenseElementsAttr stored = parameterTheta(param, seed);
      if (!stored) {
        param.emitError("syna.theta has the wrong type for parameter @")
            << param.getSymName();
        return signalPassFailure();
      }
      theta[param.getSymName()] = stored;
      value[param.getSymName()] = mapAttrOntoDomain(stored, param.getDomain());
    }
    auto replace = [](Operation *op, DenseElementsAttr constant) {
      OpBuilder b(op);
      op->replaceAllUsesWith(
          arith::ConstantOp::create(b, op->getLoc(), constant)->getResults());
      op->erase();
    };
    module.walk([&](Operation *op) {
      if (auto ref = dyn_cast<ParamRefOp>(op))
        replace(op, value.lookup(ref.getName()));
      else if (auto read = dyn_cast<ParamReadOp>(op))
        replace(op, theta.lookup(read.getName()));
    });
    for (ParamOp param : llvm::to_vector(module.getOps<ParamOp>()))
      param.erase();
  }
};

} // namespace
} // namespace syna
