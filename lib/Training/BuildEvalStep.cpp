//===- BuildEvalStep.cpp - the compiled evaluation and prediction steps ---===//
//
// syna-build-eval-step: from the module's `syna.model` it emits
//   @__syna_eval_step(x, labels) -> (loss summed over the batch, correct)
//   @__syna_predict(x) -> (class, probability)
// with the graph in inference mode (as written). The loss is the one the
// train step minimises (ModelSteps.h), so syna-run computes no loss or
// accuracy on the host. See Passes.td.
//
//===----------------------------------------------------------------------===//
#include "syna/Training/Passes.h"

#include "ModelSteps.h"
#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {
#define GEN_PASS_DEF_SYNABUILDEVALSTEP
#include "syna/Training/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {
namespace {

/// A function `name(x, extra...)` whose body starts with a call of the
/// graph; returns it and the graph's scores. A call, not a clone: the eval
/// and predict steps share the graph's compiled code, which halves the
/// compile time of a model. In inference mode dropouts are the identity,
/// so a graph with a key argument gets the constant key 0.
std::pair<func::FuncOp, Value> beginStep(OpBuilder &b, func::FuncOp graph,
                                         StringRef name,
                                         ArrayRef<Type> extraInputs) {
  Location loc = graph.getLoc();
  SmallVector<Type> inputs{graph.getArgumentTypes()[0]};
  llvm::append_range(inputs, extraInputs);
  auto fn = func::FuncOp::create(
      b, loc, name, FunctionType::get(b.getContext(), inputs, {}));
  Block *entry = fn.addEntryBlock();
  OpBuilder body = OpBuilder::atBlockBegin(entry);
  SmallVector<Value> operands{entry->getArgument(0)};
  if (graph.getNumArguments() > 1)
    operands.push_back(
        arith::ConstantOp::create(body, loc, body.getI64IntegerAttr(0)));
  Value scores = func::CallOp::create(body, loc, graph, operands).getResult(0);
  b.setInsertionPointToEnd(entry);
  return {fn, scores};
}

void finish(OpBuilder &b, func::FuncOp fn, ValueRange results) {
  func::ReturnOp::create(b, fn.getLoc(), results);
  fn.setType(FunctionType::get(fn.getContext(), fn.getArgumentTypes(),
                               results.getTypes()));
}

struct BuildEvalStepPass
    : ::syna::impl::SynaBuildEvalStepBase<BuildEvalStepPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<ModelSpec> spec = readModel(module, "syna-build-eval-step");
    if (failed(spec))
      return signalPassFailure();
    auto graph = module.lookupSymbol<func::FuncOp>(spec->graph);
    if (module.lookupSymbol(kEvalStepFn) || module.lookupSymbol(kPredictFn)) {
      module.emitError("syna-build-eval-step: the module already has an "
                       "evaluation step");
      return signalPassFailure();
    }
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    Location loc = graph.getLoc();
    auto [eval, scores] =
        beginStep(b, graph, kEvalStepFn, {labelsType(&getContext())});
    Value labels = eval.getArgument(1);
    finish(b, eval,
           {buildLoss(b, loc, spec->loss, scores, labels, Reduction::Sum),
            buildCorrectCount(b, loc, scores, labels)});

    b.setInsertionPointToEnd(module.getBody());
    auto [predict, logits] = beginStep(b, graph, kPredictFn, {});
    // softmax is monotone in each row, and the softmax of log-probabilities
    // is the probabilities: one answer for both losses.
    Value probabilities = SoftmaxOp::create(b, loc, logits, 1);
    auto [probability, label] = buildRowMaxAndArgmax(b, loc, probabilities);
    finish(b, predict, {label, probability});
  }
};

} // namespace
} // namespace syna
