//===- ExposeParameters.cpp - functions that read and write parameters ----===//
//
// syna-expose-params: for every syna.param @p, `@__syna_get_p() -> θ` and
// `@__syna_set_p(θ)`. A compiled module keeps its parameters resident
// between calls (ml_program globals); these functions are how syna-run
// saves and restores them (checkpoints) without compiling again. See
// Passes.td.
//
//===----------------------------------------------------------------------===//
#include "syna/Training/Passes.h"

#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {
#define GEN_PASS_DEF_SYNAEXPOSEPARAMS
#include "syna/Training/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {
namespace {

struct ExposeParamsPass : ::syna::impl::SynaExposeParamsBase<ExposeParamsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = module.getContext();
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    for (ParamOp param : llvm::to_vector(module.getOps<ParamOp>())) {
      Location loc = param.getLoc();
      RankedTensorType type = param.getTensorType();
      std::string getter = (kGetPrefix + param.getSymName()).str();
      std::string setter = (kSetPrefix + param.getSymName()).str();
      if (module.lookupSymbol(getter) || module.lookupSymbol(setter)) {
        param.emitError("syna-expose-params: @")
            << getter << " or @" << setter << " exists already";
        return signalPassFailure();
      }
      auto get = func::FuncOp::create(b, loc, getter,
                                      FunctionType::get(ctx, {}, {type}));
      OpBuilder body = OpBuilder::atBlockBegin(get.addEntryBlock());
      Value theta = ParamReadOp::create(body, loc, type, param.getSymName());
      func::ReturnOp::create(body, loc, theta);

      auto set = func::FuncOp::create(b, loc, setter,
                                      FunctionType::get(ctx, {type}, {}));
      body = OpBuilder::atBlockBegin(set.addEntryBlock());
      ParamWriteOp::create(body, loc, param.getSymName(), set.getArgument(0));
      func::ReturnOp::create(body, loc);
    }
  }
};

} // namespace
} // namespace syna
