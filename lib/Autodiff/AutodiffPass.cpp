//===- AutodiffPass.cpp - reverse-mode differentiation of functions -------===//
//
// syna-autodiff: for a function @f it emits @f_grad, which recomputes the
// primal (a clone of @f's body) and then walks that body in reverse, asking
// each op for its vector-Jacobian product (SynaDifferentiableOpInterface)
// and summing adjoints at fan-out. The signature is documented in Passes.td
// and docs/autodiff.md.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Dialect/Syna/IR/SynaVjpBuilders.h"
#include "llvm/ADT/SetVector.h"
#include <map>

namespace syna {
#define GEN_PASS_DEF_SYNAAUTODIFF
#include "syna/Autodiff/Passes.h.inc"
} // namespace syna

using namespace mlir;
using namespace syna;

static bool isFloatTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && isa<FloatType>(tensor.getElementType());
}

/// A function with a single rank-0 float result is a loss: it is seeded with
/// 1 and its gradient function takes no seed argument.
static bool isScalarLoss(func::FuncOp func) {
  ArrayRef<Type> results = func.getFunctionType().getResults();
  return results.size() == 1 && isFloatTensor(results[0]) &&
         cast<RankedTensorType>(results[0]).getRank() == 0;
}

namespace {

/// Builds the gradient function of one primal function.
class GradientBuilder {
public:
  explicit GradientBuilder(func::FuncOp primal)
      : primal(primal), builder(primal) {}

  FailureOr<func::FuncOp> build();

private:
  LogicalResult checkShape();
  LogicalResult collectParams();
  SmallVector<Type> gradientInputs(bool scalarLoss);
  SmallVector<Type> gradientResults();
  void seedResults(Block &block, func::ReturnOp ret, unsigned numPrimalArgs,
                   bool scalarLoss);
  void returnAdjoints(Block &block, func::ReturnOp ret, unsigned numPrimalArgs);
  void markVaried(Block &block, unsigned numPrimalArgs);
  LogicalResult propagate(Operation *op, func::ReturnOp ret);
  void accumulate(Value value, Value adjoint);

  func::FuncOp primal;
  OpBuilder builder;
  /// Values that depend on a differentiated argument or a parameter: only
  /// their producers need a rule.
  DenseSet<Value> varied;
  /// The adjoint summed so far for each value of the gradient function.
  DenseMap<Value, Value> adjoints;
  /// The adjoint of each parameter's raw θ, by symbol name (ordered).
  std::map<std::string, Value> paramAdjoints;
  /// The parameters that the function reads, by symbol name (ordered).
  std::map<std::string, ParamOp> params;
};

} // namespace

LogicalResult GradientBuilder::checkShape() {
  if (primal.isExternal())
    return primal.emitOpError(
        "is a declaration: syna-autodiff needs a function body");
  if (!primal.getBody().hasOneBlock())
    return primal.emitOpError("has ")
           << primal.getBody().getBlocks().size()
           << " blocks: syna-autodiff differentiates straight-line functions "
              "(one block, no control flow)";
  return success();
}

void GradientBuilder::markVaried(Block &block, unsigned numPrimalArgs) {
  for (BlockArgument arg : block.getArguments().take_front(numPrimalArgs))
    if (isFloatTensor(arg.getType()))
      varied.insert(arg);
  auto isVaried = [&](Value value) { return varied.contains(value); };
  for (Operation &op : block.without_terminator()) {
    bool depends = isa<ParamRefOp>(op) || llvm::any_of(op.getOperands(), isVaried);
    // Ops with regions may read varied values without an operand.
    if (!depends && op.getNumRegions() > 0)
      op.walk([&](Operation *nested) {
        depends |= llvm::any_of(nested->getOperands(), isVaried);
      });
    // Only float results carry a derivative: a tensor.dim of a varied tensor
    // (the dynamic size of a splat constant) is the same for every point.
    if (depends)
      for (Value result : op.getResults())
        if (isa<FloatType>(getElementTypeOrSelf(result.getType())))
          varied.insert(result);
  }
}

void GradientBuilder::accumulate(Value value, Value adjoint) {
  auto [it, inserted] = adjoints.try_emplace(value, adjoint);
  if (!inserted)
    it->second =
        arith::AddFOp::create(builder, value.getLoc(), it->second, adjoint);
}

LogicalResult GradientBuilder::propagate(Operation *op, func::ReturnOp ret) {
  SmallVector<Value> resultAdjoints;
  for (Value result : op->getResults())
    resultAdjoints.push_back(adjoints.lookup(result));
  // Nothing flows back through an op whose results reach no seeded result,
  // or whose results do not depend on what is differentiated (constants).
  if (llvm::none_of(resultAdjoints, [](Value v) { return bool(v); }) ||
      llvm::none_of(op->getResults(),
                    [&](Value v) { return varied.contains(v); }))
    return success();

  if (isa<CallOpInterface>(op))
    return op->emitOpError("is a call, which syna-autodiff does not "
                           "differentiate: inline the callee first (--inline)");
  if (op->getNumRegions() > 0)
    return op->emitOpError("holds regions (control flow), which syna-autodiff "
                           "does not differentiate");
  auto differentiable = dyn_cast<SynaDifferentiableOpInterface>(op);
  if (!differentiable)
    return op->emitOpError("is not differentiable: it has no vector-Jacobian "
                           "rule (SynaDifferentiableOpInterface)");

  builder.setInsertionPoint(ret);
  SmallVector<Value> inputAdjoints;
  if (failed(differentiable.buildVjp(builder, resultAdjoints, inputAdjoints)))
    return failure();

  if (auto ref = dyn_cast<ParamRefOp>(op)) {
    if (inputAdjoints.size() != 1)
      return op->emitOpError("vector-Jacobian rule returned ")
             << inputAdjoints.size() << " adjoints for 1 parameter";
    if (Value adjoint = inputAdjoints.front()) {
      Value &sum = paramAdjoints[ref.getName().str()];
      sum = sum ? arith::AddFOp::create(builder, op->getLoc(), sum, adjoint)
                      .getResult()
                : adjoint;
    }
    return success();
  }
  if (inputAdjoints.size() != op->getNumOperands())
    return op->emitOpError("vector-Jacobian rule returned ")
           << inputAdjoints.size() << " adjoints for " << op->getNumOperands()
           << " operands";
  for (auto [operand, adjoint] :
       llvm::zip_equal(op->getOperands(), inputAdjoints)) {
    if (!adjoint || !varied.contains(operand))
      continue;
    if (adjoint.getType() != operand.getType())
      return op->emitOpError("vector-Jacobian rule returned an adjoint of type ")
             << adjoint.getType() << " for an operand of type "
             << operand.getType();
    accumulate(operand, adjoint);
  }
  return success();
}

LogicalResult GradientBuilder::collectParams() {
  WalkResult walk = primal.walk([&](ParamRefOp ref) {
    auto param =
        SymbolTable::lookupNearestSymbolFrom<ParamOp>(ref, ref.getNameAttr());
    if (!param) {
      ref.emitOpError("'") << ref.getName() << "' does not name a syna.param";
      return WalkResult::interrupt();
    }
    params.emplace(ref.getName().str(), param);
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

/// (args, seeds): one seed per float result, none for a scalar loss.
SmallVector<Type> GradientBuilder::gradientInputs(bool scalarLoss) {
  FunctionType primalType = primal.getFunctionType();
  SmallVector<Type> inputs(primalType.getInputs());
  if (!scalarLoss)
    llvm::copy_if(primalType.getResults(), std::back_inserter(inputs),
                  isFloatTensor);
  return inputs;
}

/// (results, argument adjoints, θ adjoints).
SmallVector<Type> GradientBuilder::gradientResults() {
  FunctionType primalType = primal.getFunctionType();
  SmallVector<Type> results(primalType.getResults());
  llvm::copy_if(primalType.getInputs(), std::back_inserter(results),
                isFloatTensor);
  for (auto &entry : params)
    results.push_back(entry.second.getType());
  return results;
}

/// Seeds each float result with its seed argument, or a loss with 1.
void GradientBuilder::seedResults(Block &block, func::ReturnOp ret,
                                  unsigned numPrimalArgs, bool scalarLoss) {
  builder.setInsertionPoint(ret);
  unsigned nextSeed = numPrimalArgs;
  for (Value result : ret.getOperands()) {
    if (!isFloatTensor(result.getType()))
      continue;
    Value seed = scalarLoss ? buildSplatLike(builder, ret.getLoc(), result, 1.0)
                            : block.getArgument(nextSeed++);
    accumulate(result, seed);
  }
}

/// Returns the primal results, then the adjoints of the float arguments and
/// of the parameters (zero where nothing flowed back).
void GradientBuilder::returnAdjoints(Block &block, func::ReturnOp ret,
                                     unsigned numPrimalArgs) {
  Location loc = primal.getLoc();
  builder.setInsertionPoint(ret);
  SmallVector<Value> outputs(ret.getOperands());
  for (BlockArgument arg : block.getArguments().take_front(numPrimalArgs)) {
    if (!isFloatTensor(arg.getType()))
      continue;
    Value adjoint = adjoints.lookup(arg);
    outputs.push_back(adjoint ? adjoint
                              : buildSplatLike(builder, loc, arg, 0.0));
  }
  for (auto &[paramName, param] : params) {
    Value adjoint = paramAdjoints[paramName];
    if (!adjoint) {
      RankedTensorType type = param.getTensorType();
      adjoint = arith::ConstantOp::create(
          builder, loc,
          DenseElementsAttr::get(
              type, builder.getFloatAttr(type.getElementType(), 0.0)));
    }
    outputs.push_back(adjoint);
  }
  func::ReturnOp::create(builder, ret.getLoc(), outputs);
  ret.erase();
}

FailureOr<func::FuncOp> GradientBuilder::build() {
  if (failed(checkShape()))
    return failure();
  auto module = primal->getParentOfType<ModuleOp>();
  std::string name = (primal.getName() + "_grad").str();
  // A caller written before differentiation (a training step, a test)
  // declares @f_grad; the pass then defines that declaration.
  Operation *existing = SymbolTable::lookupSymbolIn(module, name);
  auto declaration = dyn_cast_or_null<func::FuncOp>(existing);
  if (existing && !(declaration && declaration.isExternal()))
    return primal.emitOpError("cannot be differentiated into '@")
           << name << "': that symbol already exists";
  if (failed(collectParams()))
    return failure();
  bool scalarLoss = isScalarLoss(primal);
  SmallVector<Type> inputs = gradientInputs(scalarLoss);
  FunctionType gradType = builder.getFunctionType(inputs, gradientResults());
  if (declaration && declaration.getFunctionType() != gradType)
    return declaration.emitOpError("declares the gradient of '@")
           << primal.getName() << "' with type " << declaration.getFunctionType()
           << ", but syna-autodiff builds " << gradType;

  builder.setInsertionPointAfter(primal);
  auto grad = func::FuncOp::create(builder, primal.getLoc(), name, gradType);
  grad.setVisibility(declaration ? declaration.getVisibility()
                                 : primal.getVisibility());
  IRMapping mapping;
  primal.getBody().cloneInto(&grad.getBody(), mapping);
  Block &block = grad.getBody().front();
  unsigned numPrimalArgs = primal.getFunctionType().getNumInputs();
  for (Type seed : ArrayRef<Type>(inputs).drop_front(numPrimalArgs))
    block.addArgument(seed, primal.getLoc());
  auto ret = cast<func::ReturnOp>(block.getTerminator());
  markVaried(block, numPrimalArgs);
  seedResults(block, ret, numPrimalArgs, scalarLoss);
  // Reverse sweep over the primal ops (not over what the sweep adds).
  SmallVector<Operation *> primalOps;
  for (Operation &op : block.without_terminator())
    primalOps.push_back(&op);
  for (Operation *op : llvm::reverse(primalOps))
    if (failed(propagate(op, ret))) {
      grad.erase();
      return failure();
    }
  returnAdjoints(block, ret, numPrimalArgs);
  // A rule that built ill-typed IR is reported at the op it came from.
  if (failed(verify(grad))) {
    grad.erase();
    return failure();
  }
  if (declaration)
    declaration.erase();
  return grad;
}

namespace {
struct SynaAutodiffPass
    : ::syna::impl::SynaAutodiffBase<SynaAutodiffPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    llvm::SetVector<func::FuncOp> targets;
    for (const std::string &name : functions) {
      auto func = module.lookupSymbol<func::FuncOp>(name);
      if (!func) {
        module.emitError("syna-autodiff: no func.func named '")
            << name << "' in the module";
        return signalPassFailure();
      }
      targets.insert(func);
    }
    module.walk([&](func::FuncOp func) {
      if (func->hasAttr(::syna::kDifferentiateAttrName))
        targets.insert(func);
    });

    SmallVector<func::FuncOp> gradients;
    bool failed = false;
    for (func::FuncOp func : targets) {
      FailureOr<func::FuncOp> grad = GradientBuilder(func).build();
      if (mlir::failed(grad))
        failed = true;
      else
        gradients.push_back(*grad);
    }
    if (failed)
      return signalPassFailure();

    if (!cleanup)
      return;
    OpPassManager pipeline(func::FuncOp::getOperationName());
    pipeline.addPass(createCanonicalizerPass());
    pipeline.addPass(createCSEPass());
    for (func::FuncOp grad : gradients)
      if (mlir::failed(runPipeline(pipeline, grad)))
        return signalPassFailure();
  }
};
} // namespace
