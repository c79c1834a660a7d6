//===- BuildTrainStep.cpp - one compiled training step per model ----------===//
//
// syna-build-train-step: from the module's `syna.model` it emits the loss
// function (the graph in training mode + the loss), differentiates it with
// syna-autodiff, and wraps the gradient into `@__syna_train_step`, which
// updates the running statistics and every learnable parameter in place
// (syna.param_write) with the model's optimizer. See Passes.td.
//
//===----------------------------------------------------------------------===//
#include "syna/Training/Passes.h"

#include "ModelSteps.h"
#include "OptimizerUpdate.h"
#include "mlir/IR/Builders.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {
#define GEN_PASS_DEF_SYNABUILDTRAINSTEP
#include "syna/Training/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {
namespace {

/// The buffers that a training batch norm updates (its running mean and
/// variance), and the values written to them.
struct StateUpdates {
  SmallVector<std::string> buffers;
  SmallVector<Value> values;
};

/// Sets `training` on the dropouts and batch norms of the cloned graph and
/// collects the running statistics that the batch norms update.
LogicalResult enterTrainingMode(ModuleOp module, Block &body,
                                StateUpdates &updates) {
  for (Operation &op : body) {
    if (auto dropout = dyn_cast<DropoutOp>(op)) {
      // Without a key every step would drop the same elements.
      if (!dropout.getKey())
        return dropout.emitError(
            "syna-build-train-step: this dropout has no key, so training "
            "would drop the same elements every step; give the graph an i64 "
            "key argument and pass it: dropout(x, rate, key = key)");
      dropout.setTraining(true);
    }
    auto bn = dyn_cast<BatchNormOp>(op);
    if (!bn)
      continue;
    bn.setTraining(true);
    auto meanRef = bn.getRunningMean().getDefiningOp<ParamRefOp>();
    auto varRef = bn.getRunningVar().getDefiningOp<ParamRefOp>();
    if (!meanRef || !varRef)
      continue;
    for (auto [ref, value] : {std::pair{meanRef, bn.getNewMean()},
                              std::pair{varRef, bn.getNewVar()}}) {
      auto param = module.lookupSymbol<ParamOp>(ref.getNameAttr());
      if (!param || !param.getBuffer() || param.getDomain() != Domain::Real)
        return bn.emitError("syna-build-train-step: running statistic @")
               << ref.getName()
               << " must be a `buffer` parameter of domain real";
      updates.buffers.push_back(ref.getName().str());
      updates.values.push_back(value);
    }
  }
  return success();
}

/// @__syna_loss(x, labels, key) -> (loss, scores, statistics...): the graph
/// in training mode, then the model's loss, averaged over the batch.
FailureOr<func::FuncOp> buildLossFunction(ModuleOp module, func::FuncOp graph,
                                          const ModelSpec &spec,
                                          SmallVectorImpl<std::string> &stats) {
  MLIRContext *ctx = module.getContext();
  Location loc = graph.getLoc();
  if (!graph.getBody().hasOneBlock())
    return graph.emitError("syna-build-train-step: the graph must have a body "
                           "of one block");
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto fn = func::FuncOp::create(
      b, loc, kLossFn,
      FunctionType::get(ctx, {graph.getArgumentTypes()[0], labelsType(ctx),
                              b.getI64Type()},
                        {}));
  Block *entry = fn.addEntryBlock();
  b.setInsertionPointToStart(entry);
  Value scores = cloneGraphBody(b, graph, entry->getArgument(0),
                                entry->getArgument(2));
  StateUpdates updates;
  if (failed(enterTrainingMode(module, *entry, updates)))
    return failure();
  stats.append(updates.buffers);
  SmallVector<Value> results{buildLoss(b, loc, spec.loss, scores,
                                       entry->getArgument(1), Reduction::Mean),
                             scores};
  results.append(updates.values);
  func::ReturnOp::create(b, loc, results);
  fn.setType(FunctionType::get(ctx, fn.getArgumentTypes(),
                               ValueRange(results).getTypes()));
  return fn;
}

/// The seeds of the gradient: 1 for the loss, 0 for the scores and the
/// statistics (results that are not differentiated).
SmallVector<Value> gradientSeeds(OpBuilder &b, Location loc,
                                 func::FuncOp lossFn, Value x) {
  SmallVector<Value> seeds;
  for (Type t : lossFn.getResultTypes()) {
    auto type = cast<RankedTensorType>(t);
    Type elementType = type.getElementType();
    Value value = arith::ConstantOp::create(
        b, loc, elementType, b.getFloatAttr(elementType, seeds.empty()));
    SmallVector<Value> dynamic;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        dynamic.push_back(tensor::DimOp::create(b, loc, x, d));
    Value empty = tensor::EmptyOp::create(b, loc, type.getShape(), elementType,
                                          dynamic);
    seeds.push_back(linalg::FillOp::create(b, loc, value, empty).getResult(0));
  }
  return seeds;
}

/// The parameters that the loss reads, sorted by name: the order of their
/// gradients among @__syna_loss_grad's results (docs/autodiff.md).
std::vector<std::string> parametersRead(func::FuncOp lossFn) {
  std::vector<std::string> read;
  lossFn.walk([&](ParamRefOp ref) { read.push_back(ref.getName().str()); });
  llvm::sort(read);
  read.erase(std::unique(read.begin(), read.end()), read.end());
  return read;
}

/// @__syna_train_step(x, labels, key, lr, step) -> (loss, correct).
LogicalResult buildStep(ModuleOp module, func::FuncOp lossFn,
                        func::FuncOp lossGrad, ArrayRef<std::string> stats,
                        const OptimizerSpec &optimizer) {
  MLIRContext *ctx = module.getContext();
  Location loc = lossGrad.getLoc();
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  FunctionType lossType = lossFn.getFunctionType();
  auto step = func::FuncOp::create(
      b, loc, kTrainStepFn,
      FunctionType::get(ctx,
                        {lossType.getInput(0), lossType.getInput(1),
                         b.getI64Type(), b.getF32Type(), b.getI64Type()},
                        {lossType.getResult(0),
                         RankedTensorType::get({}, b.getI64Type())}));
  Block *entry = step.addEntryBlock();
  b.setInsertionPointToStart(entry);
  SmallVector<Value> args(entry->getArguments().take_front(3));
  llvm::append_range(args, gradientSeeds(b, loc, lossFn, args[0]));
  auto call = func::CallOp::create(b, loc, lossGrad, args);
  for (auto [i, name] : llvm::enumerate(stats))
    ParamWriteOp::create(b, loc, name, call.getResult(2 + i));
  // After the primal results: ∂x (x is the only float argument), then one
  // gradient per parameter read.
  std::vector<std::string> read = parametersRead(lossFn);
  unsigned gradients = lossType.getNumResults() + 1;
  if (call.getNumResults() != gradients + read.size())
    return lossGrad.emitError("syna-build-train-step: unexpected signature of @")
           << lossGrad.getName();
  for (auto [k, name] : llvm::enumerate(read)) {
    auto param = module.lookupSymbol<ParamOp>(name);
    if (!param || param.getBuffer())
      continue;
    buildOptimizerUpdate(b, module, lossFn, param,
                         {call.getResult(gradients + k), entry->getArgument(3),
                          entry->getArgument(4)},
                         optimizer);
  }
  Value correct =
      buildCorrectCount(b, loc, call.getResult(1), entry->getArgument(1));
  func::ReturnOp::create(b, loc, ValueRange{call.getResult(0), correct});
  return success();
}

struct BuildTrainStepPass
    : ::syna::impl::SynaBuildTrainStepBase<BuildTrainStepPass> {
  using Base::Base;
  void runOnOperation() override;
};

void BuildTrainStepPass::runOnOperation() {
  ModuleOp module = getOperation();
  FailureOr<ModelSpec> spec = readModel(module, "syna-build-train-step");
  if (failed(spec))
    return signalPassFailure();
  // The dialect verified that the graph is a func.func of the module that
  // fits the training loop (SynaDialect::verifyOperationAttribute).
  auto graph = module.lookupSymbol<func::FuncOp>(spec->graph);
  if (module.lookupSymbol(kLossFn) || module.lookupSymbol(kTrainStepFn)) {
    module.emitError("syna-build-train-step: the module already has a "
                     "training step");
    return signalPassFailure();
  }
  SmallVector<std::string> stats;
  FailureOr<func::FuncOp> lossFn = buildLossFunction(module, graph, *spec, stats);
  if (failed(lossFn))
    return signalPassFailure();
  if (lossOnly)
    return;

  OpPassManager differentiate("builtin.module");
  SynaAutodiffOptions options;
  options.functions = {kLossFn.str()};
  differentiate.addPass(createSynaAutodiff(options));
  if (failed(runPipeline(differentiate, module)))
    return signalPassFailure();
  auto lossGrad = module.lookupSymbol<func::FuncOp>((kLossFn + "_grad").str());
  if (!lossGrad ||
      failed(buildStep(module, *lossFn, lossGrad, stats, spec->optimizer)))
    return signalPassFailure();

  // Inline the gradient into the step, then drop the helpers.
  OpPassManager inline_("builtin.module");
  inline_.addPass(createInlinerPass());
  inline_.addPass(createCanonicalizerPass());
  inline_.addPass(createCSEPass());
  if (failed(runPipeline(inline_, module)))
    return signalPassFailure();
  for (StringRef name : {StringRef(kLossFn), StringRef(lossGrad.getName())})
    if (auto f = module.lookupSymbol<func::FuncOp>(name))
      if (f.symbolKnownUseEmpty(module))
        f.erase();
}

} // namespace
} // namespace syna
