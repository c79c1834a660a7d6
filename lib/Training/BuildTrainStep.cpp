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

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "llvm/ADT/STLExtras.h"

namespace syna {
#define GEN_PASS_DEF_SYNABUILDTRAINSTEP
#include "syna/Training/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

struct BuildTrainStepPass
    : ::syna::impl::SynaBuildTrainStepBase<BuildTrainStepPass> {
  using Base::Base;

  void runOnOperation() override;
  LogicalResult buildLoss(ModuleOp module, func::FuncOp graph,
                          ::syna::LossKind lossKind,
                          SmallVectorImpl<std::string> &statParams);
  LogicalResult buildStep(ModuleOp module, func::FuncOp lossGrad,
                          ArrayRef<std::string> statParams,
                          const ::syna::OptimizerSpec &opt);
};

} // namespace

/// Clones `graph` into @__syna_loss(x, labels, key) with dropout/batch_norm
/// in training mode; appends the loss and the new running statistics. The
/// dialect verified the graph's signature against the training loop
/// (checkGraphContract in ModelSchema.h): (x) or (x, key: i64) -> [B, C].
LogicalResult
BuildTrainStepPass::buildLoss(ModuleOp module, func::FuncOp graph,
                              ::syna::LossKind lossKind,
                              SmallVectorImpl<std::string> &statParams) {
  MLIRContext *ctx = module.getContext();
  Location loc = graph.getLoc();
  FunctionType gt = graph.getFunctionType();
  auto xType = cast<RankedTensorType>(gt.getInput(0));
  auto outType = cast<RankedTensorType>(gt.getResult(0));
  if (!graph.getBody().hasOneBlock())
    return graph.emitError("syna-build-train-step: the graph must have a body "
                           "of one block");
  Type elt = outType.getElementType();
  auto i64 = IntegerType::get(ctx, 64);
  auto labelsType =
      RankedTensorType::get({ShapedType::kDynamic}, IntegerType::get(ctx, 32));
  auto lossType = RankedTensorType::get({}, elt);

  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module.getBody());
  // Result types are filled in once the body is built.
  auto fn = func::FuncOp::create(
      b, loc, ::syna::kLossFn,
      FunctionType::get(ctx, {xType, labelsType, i64}, {}));
  Block *entry = fn.addEntryBlock();
  IRMapping map;
  Block &src = graph.getBody().front();
  map.map(src.getArgument(0), entry->getArgument(0));
  if (gt.getNumInputs() == 2)
    map.map(src.getArgument(1), entry->getArgument(2));
  b.setInsertionPointToStart(entry);
  Value out;
  for (Operation &op : src.without_terminator())
    b.clone(op, map);
  out = map.lookup(src.getTerminator()->getOperand(0));

  SmallVector<Value> stats;
  for (Operation &op : entry->getOperations()) {
    if (auto d = dyn_cast<syna::DropoutOp>(op)) {
      // Without a key every step would drop the same elements.
      if (!d.getKey())
        return d.emitError("syna-build-train-step: this dropout has no key, "
                           "so training would drop the same elements every "
                           "step; give the graph an i64 key argument and "
                           "pass it: dropout(x, rate, key = key)");
      d.setTraining(true);
    }
    auto bn = dyn_cast<syna::BatchNormOp>(op);
    if (!bn)
      continue;
    bn.setTraining(true);
    auto meanRef = bn.getRunningMean().getDefiningOp<syna::ParamRefOp>();
    auto varRef = bn.getRunningVar().getDefiningOp<syna::ParamRefOp>();
    if (!meanRef || !varRef)
      continue;
    for (auto [ref, value] : {std::pair{meanRef, bn.getNewMean()},
                              std::pair{varRef, bn.getNewVar()}}) {
      auto param = module.lookupSymbol<syna::ParamOp>(ref.getNameAttr());
      if (!param || !param.getBuffer() || param.getDomain() != syna::Domain::Real)
        return bn.emitError("syna-build-train-step: running statistic @")
               << ref.getName()
               << " must be a `buffer` parameter of domain real";
      statParams.push_back(ref.getName().str());
      stats.push_back(value);
    }
  }

  Value loss;
  switch (lossKind) {
  case ::syna::LossKind::Nll:
    loss = syna::NllLossOp::create(b, loc, lossType, out, entry->getArgument(1))
               .getResult();
    break;
  case ::syna::LossKind::CrossEntropy:
    loss = syna::CrossEntropyOp::create(b, loc, lossType, out,
                                        entry->getArgument(1))
               .getResult();
    break;
  }
  SmallVector<Value> results{loss, out};
  results.append(stats);
  func::ReturnOp::create(b, loc, results);
  fn.setType(FunctionType::get(ctx, fn.getArgumentTypes(),
                               ValueRange(results).getTypes()));
  return success();
}

static Value scalarConst(OpBuilder &b, Location loc, Type elt, double v) {
  return arith::ConstantOp::create(b, loc, elt, b.getFloatAttr(elt, v));
}

LogicalResult BuildTrainStepPass::buildStep(ModuleOp module,
                                            func::FuncOp lossGrad,
                                            ArrayRef<std::string> statParams,
                                            const ::syna::OptimizerSpec &opt) {
  MLIRContext *ctx = module.getContext();
  Location loc = lossGrad.getLoc();
  auto lossFn = module.lookupSymbol<func::FuncOp>(::syna::kLossFn);
  FunctionType lt = lossFn.getFunctionType();
  auto xType = cast<RankedTensorType>(lt.getInput(0));
  auto outType = cast<RankedTensorType>(lt.getResult(1));
  Type elt = outType.getElementType();
  auto f32 = Float32Type::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);

  // Parameters read by the loss, sorted by name: the order of the gradients.
  std::vector<std::string> read;
  lossFn.walk([&](syna::ParamRefOp r) { read.push_back(r.getName().str()); });
  llvm::sort(read);
  read.erase(std::unique(read.begin(), read.end()), read.end());

  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module.getBody());
  auto step = func::FuncOp::create(
      b, loc, ::syna::kTrainStepFn,
      FunctionType::get(ctx, {xType, lt.getInput(1), i64, f32, i64},
                        {lt.getResult(0), outType}));
  Block *entry = step.addEntryBlock();
  b.setInsertionPointToStart(entry);
  Value x = entry->getArgument(0);

  // Seeds: zero for the graph output and the statistics (the loss has seed 1
  // through its own result... it is not a lone rank-0 result here, so it is
  // seeded explicitly).
  SmallVector<Value> args{x, entry->getArgument(1), entry->getArgument(2)};
  for (Type t : lt.getResults()) {
    auto rt = cast<RankedTensorType>(t);
    Value one = scalarConst(b, loc, rt.getElementType(),
                            args.size() == 3 ? 1.0 : 0.0);
    SmallVector<Value> dyn;
    for (int64_t d = 0; d < rt.getRank(); ++d)
      if (rt.isDynamicDim(d))
        dyn.push_back(tensor::DimOp::create(b, loc, x, d));
    Value empty = tensor::EmptyOp::create(b, loc, rt.getShape(),
                                          rt.getElementType(), dyn);
    args.push_back(linalg::FillOp::create(b, loc, one, empty).getResult(0));
  }
  auto call = func::CallOp::create(b, loc, lossGrad, args);
  unsigned nRes = lt.getNumResults();
  Value loss = call.getResult(0), out = call.getResult(1);
  for (auto [i, name] : llvm::enumerate(statParams))
    syna::ParamWriteOp::create(b, loc, FlatSymbolRefAttr::get(ctx, name),
                             call.getResult(2 + i));
  // Results after the primal ones: ∂x (x is the only float argument), then
  // one gradient per parameter read.
  unsigned gradBase = nRes + 1;
  if (call.getNumResults() != gradBase + read.size())
    return lossGrad.emitError("syna-build-train-step: unexpected signature of @")
           << lossGrad.getName();

  // Optimizer hyper-parameters as scalars of the parameter element type.
  Value lr = entry->getArgument(3);
  Value stepI = entry->getArgument(4);
  OpBuilder mb(ctx);
  mb.setInsertionPoint(lossFn);
  for (auto [k, name] : llvm::enumerate(read)) {
    auto param = module.lookupSymbol<syna::ParamOp>(name);
    if (!param || param.getBuffer())
      continue;
    RankedTensorType type = param.getTensorType();
    Type pe = type.getElementType();
    auto cvt = [&](Value v) -> Value {
      if (v.getType() == pe)
        return v;
      return arith::ExtFOp::create(b, loc, pe, v);
    };
    Value lrP = cvt(lr);
    Value g = call.getResult(gradBase + k);
    Value theta = syna::ParamReadOp::create(b, loc, type, FlatSymbolRefAttr::get(ctx, name));
    SmallVector<std::string> stateNames;
    if (opt.kind == ::syna::OptimizerKind::Adam)
      stateNames = {std::string(::syna::kOptPrefix) + "m_" + name,
                    std::string(::syna::kOptPrefix) + "v_" + name};
    else if (opt.momentum > 0)
      stateNames = {std::string(::syna::kOptPrefix) + "m_" + name};
    // θ and the optimizer state are the destinations of one linalg.generic
    // that reads and rewrites them (read-modify-write). Destinations that
    // the payload did not read would be canonicalized into tensor.empty,
    // CSE'd into one value, and one-shot bufferization would then give the
    // results a single buffer.
    SmallVector<Value> ins{g};
    SmallVector<Value> outs{theta};
    for (const std::string &s : stateNames) {
      if (!module.lookupSymbol(s)) {
        auto zeros = syna::InitializerAttr::get(ctx, syna::InitKind::Zeros,
                                              DenseF64ArrayAttr::get(ctx, {}));
        auto p = syna::ParamOp::create(mb, loc, s, type, zeros,
                                     syna::Domain::Real, /*buffer=*/true);
        (void)p;
      }
      outs.push_back(syna::ParamReadOp::create(b, loc, type,
                                             FlatSymbolRefAttr::get(ctx, s)));
    }
    // Adam's bias corrections, from the step count t ≥ 1.
    Value c1, c2;
    if (opt.kind == ::syna::OptimizerKind::Adam) {
      Value t = arith::SIToFPOp::create(b, loc, pe, stepI);
      Value p1 = math::PowFOp::create(b, loc, scalarConst(b, loc, pe, opt.beta1), t);
      Value p2 = math::PowFOp::create(b, loc, scalarConst(b, loc, pe, opt.beta2), t);
      Value one = scalarConst(b, loc, pe, 1.0);
      c1 = arith::SubFOp::create(b, loc, one, p1);
      c2 = math::SqrtOp::create(b, loc, arith::SubFOp::create(b, loc, one, p2));
      // lr_t = lr·√(1 − β2^t)/(1 − β1^t); eps_t = eps·√(1 − β2^t).
      lrP = arith::DivFOp::create(b, loc, arith::MulFOp::create(b, loc, lrP, c2), c1);
    }
    SmallVector<AffineMap> maps(ins.size() + outs.size(),
                                b.getMultiDimIdentityMap(type.getRank()));
    SmallVector<utils::IteratorType> iters(type.getRank(),
                                           utils::IteratorType::parallel);
    auto gen = linalg::GenericOp::create(
        b, loc, TypeRange(ValueRange(outs)), ins, outs, maps, iters,
        [&](OpBuilder &nb, Location l, ValueRange a) {
          auto c = [&](double v) { return scalarConst(nb, l, pe, v); };
          auto add = [&](Value p, Value q) { return arith::AddFOp::create(nb, l, p, q).getResult(); };
          auto mul = [&](Value p, Value q) { return arith::MulFOp::create(nb, l, p, q).getResult(); };
          Value gr = a[0], th = a[1];
          if (opt.weightDecay > 0)
            gr = add(gr, mul(c(opt.weightDecay), th));
          SmallVector<Value> yields;
          Value d = gr;
          if (opt.kind == ::syna::OptimizerKind::Adam) {
            Value m = add(mul(c(opt.beta1), a[2]), mul(c(1 - opt.beta1), gr));
            Value v = add(mul(c(opt.beta2), a[3]),
                          mul(c(1 - opt.beta2), mul(gr, gr)));
            Value epsT = mul(c(opt.eps), c2);
            Value den = add(math::SqrtOp::create(nb, l, v), epsT);
            d = arith::DivFOp::create(nb, l, m, den);
            yields = {Value(), m, v};
          } else if (opt.momentum > 0) {
            Value m = add(mul(c(opt.momentum), a[2]), gr);
            d = opt.nesterov ? add(gr, mul(c(opt.momentum), m)) : m;
            yields = {Value(), m};
          } else {
            yields = {Value()};
          }
          yields[0] = arith::SubFOp::create(nb, l, th, mul(lrP, d));
          linalg::YieldOp::create(nb, l, yields);
        });
    syna::ParamWriteOp::create(b, loc, FlatSymbolRefAttr::get(ctx, name),
                             gen.getResult(0));
    for (auto [i, s] : llvm::enumerate(stateNames))
      syna::ParamWriteOp::create(b, loc, FlatSymbolRefAttr::get(ctx, s),
                               gen.getResult(1 + i));
  }
  func::ReturnOp::create(b, loc, ValueRange{loss, out});
  return success();
}

void BuildTrainStepPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *ctx = module.getContext();
  auto model = module->getAttrOfType<syna::ModelAttr>(::syna::kModelAttrName);
  if (!model) {
    module.emitError("syna-build-train-step: the module has no syna.model "
                     "attribute (a .syna file with a `model` block)");
    return signalPassFailure();
  }
  // The dialect verifies that the graph is a func.func of the module that
  // fits the training loop (SynaDialect::verifyOperationAttribute).
  ::syna::ModelSpec spec = model.getSpec();
  auto graph = module.lookupSymbol<func::FuncOp>(model.getGraph());
  if (!graph) {
    module.emitError("syna.model: graph @")
        << spec.graph << " is not a func.func of the module";
    return signalPassFailure();
  }
  if (module.lookupSymbol(::syna::kLossFn) ||
      module.lookupSymbol(::syna::kTrainStepFn)) {
    module.emitError("syna-build-train-step: the module already has a "
                     "training step");
    return signalPassFailure();
  }

  SmallVector<std::string> statParams;
  if (failed(buildLoss(module, graph, spec.loss, statParams)))
    return signalPassFailure();
  if (lossOnly)
    return;

  OpPassManager pm("builtin.module");
  ::syna::SynaAutodiffOptions ad;
  ad.functions = {std::string(::syna::kLossFn)};
  pm.addPass(::syna::createSynaAutodiff(ad));
  if (failed(runPipeline(pm, module)))
    return signalPassFailure();
  auto lossGrad =
      module.lookupSymbol<func::FuncOp>((::syna::kLossFn + "_grad").str());
  if (!lossGrad) {
    module.emitError("syna-build-train-step: syna-autodiff emitted no @")
        << ::syna::kLossFn << "_grad";
    return signalPassFailure();
  }
  if (failed(buildStep(module, lossGrad, statParams, spec.optimizer)))
    return signalPassFailure();

  // Exports of every parameter's raw θ, for checkpoints.
  OpBuilder b(ctx);
  b.setInsertionPointToEnd(module.getBody());
  for (auto p : llvm::to_vector(module.getOps<syna::ParamOp>())) {
    auto fn = func::FuncOp::create(
        b, p.getLoc(), (::syna::kExportPrefix + p.getSymName()).str(),
        FunctionType::get(ctx, {}, {p.getTensorType()}));
    OpBuilder fb = OpBuilder::atBlockBegin(fn.addEntryBlock());
    Value v = syna::ParamReadOp::create(fb, p.getLoc(), p.getTensorType(),
                                      FlatSymbolRefAttr::get(p.getSymNameAttr()));
    func::ReturnOp::create(fb, p.getLoc(), v);
  }

  // Inline the gradient into the step, then drop the helpers.
  OpPassManager inl("builtin.module");
  inl.addPass(createInlinerPass());
  inl.addPass(createCanonicalizerPass());
  inl.addPass(createCSEPass());
  if (failed(runPipeline(inl, module)))
    return signalPassFailure();
  for (StringRef n : {StringRef(::syna::kLossFn), StringRef(lossGrad.getName())})
    if (auto f = module.lookupSymbol<func::FuncOp>(n))
      if (f.symbolKnownUseEmpty(module))
        f.erase();
}
