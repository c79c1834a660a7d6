//===- BuildProbeStep.cpp - what each synapse tensor reads and writes -----===//
//
// syna-build-probe-step (Passes.td): a copy of the model's graph whose
// results also hold the excitatory input and the output of every synapse
// tensor with a parameter β, for the explanations of syna-run explain
// (docs/explain.md).
//
//===----------------------------------------------------------------------===//
#include "syna/Training/Passes.h"

#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {
#define GEN_PASS_DEF_SYNABUILDPROBESTEP
#include "syna/Training/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {

SmallVector<Operation *> probedSynapses(func::FuncOp graph) {
  SmallVector<Operation *> synapses;
  graph.walk([&](SynapseDenseOp op) {
    if (op.getBeta().getDefiningOp<ParamRefOp>())
      synapses.push_back(op);
  });
  return synapses;
}

namespace {

struct BuildProbeStepPass
    : ::syna::impl::SynaBuildProbeStepBase<BuildProbeStepPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto model = module->getAttrOfType<ModelAttr>(kModelAttrName);
    auto graph = model ? module.lookupSymbol<func::FuncOp>(model.getSpec().graph)
                       : func::FuncOp();
    if (!graph || module.lookupSymbol(kProbeFn)) {
      module.emitError("syna-build-probe-step: the module needs a syna.model "
                       "graph and no @")
          << kProbeFn;
      return signalPassFailure();
    }
    func::FuncOp probe = graph.clone();
    probe.setName(kProbeFn);
    probe->removeAttr(kResultDimNamesAttrName); // it gains results below
    probe->removeAttr(kDifferentiateAttrName);
    module.push_back(probe);
    Block &body = probe.getBody().front();
    // Inference mode: a dropout key is the constant 0, as in the eval step.
    if (probe.getNumArguments() > 1) {
      OpBuilder b = OpBuilder::atBlockBegin(&body);
      Value zero = arith::ConstantOp::create(b, probe.getLoc(),
                                             b.getI64IntegerAttr(0));
      body.getArgument(1).replaceAllUsesWith(zero);
      (void)probe.eraseArgument(1);
      probe->removeAttr(kDimNamesAttrName);
    }
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    SmallVector<Value> results(ret.getOperands());
    for (Operation *op : probedSynapses(probe)) {
      results.push_back(cast<SynapseDenseOp>(op).getX());
      results.push_back(op->getResult(0));
    }
    ret->setOperands(results);
    probe.setType(FunctionType::get(&getContext(), probe.getArgumentTypes(),
                                    ValueRange(results).getTypes()));
  }
};

} // namespace
} // namespace syna
