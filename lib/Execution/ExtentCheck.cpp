//===- ExtentCheck.cpp - the inputs' sizes against the ops' rules ---------===//
//
// A copy of the function gets the inputs' sizes as its argument types; each
// op then takes the result types its rules infer (InferTypeOpInterface: the
// syna ops, arith) and is verified, so that every rule that constrains a
// dynamic size runs on the real one. Calls are followed into a refined copy
// of the callee. Ops this walk cannot refine keep their declared types: the
// check may miss a constraint behind them, but never reports a false one.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/ExtentCheck.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Execution/MemoryBudget.h"
#include "syna/Execution/Signature.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace syna {
namespace {

llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// `a` with the static sizes of `b` where `a` has none; null when a static
/// size of one contradicts the other.
RankedTensorType meet(RankedTensorType a, RankedTensorType b) {
  if (a.getRank() != b.getRank() || a.getElementType() != b.getElementType())
    return {};
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip(a.getShape(), b.getShape())) {
    if (!ShapedType::isDynamic(x) && !ShapedType::isDynamic(y) && x != y)
      return {};
    shape.push_back(ShapedType::isDynamic(x) ? y : x);
  }
  return RankedTensorType::get(shape, a.getElementType());
}

/// Refines types in place inside a scratch copy of a module.
class Refiner {
public:
  explicit Refiner(ModuleOp module) : symbols(module) {}

  /// Gives `function` the argument types `args` and refines its body;
  /// `results` receives the types it then returns.
  LogicalResult refineFunction(func::FuncOp function, TypeRange args,
                               SmallVectorImpl<Type> &results);

private:
  LogicalResult refineOp(Operation *op);
  LogicalResult refineCall(func::CallOp call);
  LogicalResult setResultTypes(Operation *op, TypeRange types);
  LogicalResult checkEqualShapes(Operation *op);
  LogicalResult checkDynamicBroadcast(Operation *op);
  void refineSizedResult(Operation *op, ValueRange dynamicSizes);

  SymbolTable symbols;
  /// The index values whose value the refined types decide (tensor.dim of
  /// a now static size, index constants).
  DenseMap<Value, int64_t> knownIndex;
  /// Every value's type before refinement: which sizes were dynamic.
  DenseMap<Value, Type> declared;
  uint64_t memory = hostMemoryBytes();
  int depth = 0;
};

LogicalResult Refiner::refineFunction(func::FuncOp function, TypeRange args,
                                      SmallVectorImpl<Type> &results) {
  Block &entry = function.getBody().front();
  function.walk([&](Operation *op) {
    for (Value result : op->getResults())
      declared[result] = result.getType();
  });
  for (BlockArgument arg : entry.getArguments())
    declared[arg] = arg.getType();
  for (auto [arg, type] : llvm::zip(entry.getArguments(), args))
    arg.setType(type);
  ++depth;
  for (Operation &op : entry)
    if (failed(refineOp(&op)))
      return failure();
  --depth;
  llvm::append_range(results, entry.getTerminator()->getOperandTypes());
  function.setFunctionType(
      FunctionType::get(function.getContext(), args, results));
  return success();
}

LogicalResult Refiner::setResultTypes(Operation *op, TypeRange types) {
  for (auto [result, type] : llvm::zip(op->getResults(), types)) {
    auto declared = dyn_cast<RankedTensorType>(result.getType());
    auto refined = dyn_cast<RankedTensorType>(type);
    if (!declared || !refined) {
      result.setType(type);
      continue;
    }
    RankedTensorType both = meet(declared, refined);
    if (!both)
      return op->emitOpError("gives a result of type ")
             << refined << " with these inputs, but states " << declared;
    // A size that the inputs make too large for memory is refused here,
    // before the compiled code allocates it.
    if (failed(checkTensorFits(op, both, memory)))
      return failure();
    result.setType(both);
  }
  return success();
}

/// tensor.splat and tensor.empty take their dynamic sizes as operands.
void Refiner::refineSizedResult(Operation *op, ValueRange dynamicSizes) {
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  SmallVector<int64_t> shape(type.getShape());
  auto size = dynamicSizes.begin();
  for (int64_t &extent : shape)
    if (ShapedType::isDynamic(extent)) {
      auto known = knownIndex.find(*size++);
      if (known != knownIndex.end())
        extent = known->second;
    }
  op->getResult(0).setType(RankedTensorType::get(shape, type.getElementType()));
}

/// Elementwise ops of equal shapes (arith on tensors: .syna arithmetic).
LogicalResult Refiner::checkEqualShapes(Operation *op) {
  if (!op->hasTrait<OpTrait::SameOperandsAndResultShape>() &&
      !op->hasTrait<OpTrait::SameOperandsAndResultType>())
    return success();
  auto first = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  for (Value operand : op->getOperands().drop_front()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (first && type && !meet(first, type))
      return op->emitOpError("takes operands of equal sizes, but they are ")
             << first << " and " << type << " with these inputs";
  }
  return success();
}

/// 'beta' where ODS names the operand's domain, #2 otherwise.
std::string operandName(Operation *op, unsigned index) {
  if (std::optional<OperandDomain> domain = getOperandDomain(op, index))
    return "'" + std::string(domain->name) + "'";
  return "#" + std::to_string(index);
}

/// The dialect's broadcasting rule: a dynamic size broadcasts only against
/// an equal size at run time (a size that turns out 1 is not stretched).
LogicalResult Refiner::checkDynamicBroadcast(Operation *op) {
  if (!op->hasTrait<BroadcastsOperands>())
    return success();
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!result)
    return success();
  for (auto [index, operand] : llvm::enumerate(op->getOperands())) {
    auto before = dyn_cast<RankedTensorType>(declared.lookup(operand));
    auto now = dyn_cast<RankedTensorType>(operand.getType());
    if (!before || !now || now.getRank() > result.getRank())
      continue;
    int64_t offset = result.getRank() - now.getRank();
    for (int64_t d = 0; d < now.getRank(); ++d)
      if (before.isDynamicDim(d) && !now.isDynamicDim(d) &&
          !result.isDynamicDim(d + offset) &&
          now.getDimSize(d) != result.getDimSize(d + offset))
        return op->emitOpError("operand ")
               << operandName(op, index) << " has size " << now.getDimSize(d)
               << " in dimension " << d << " with these inputs where the "
               << "result has " << result.getDimSize(d + offset)
               << ": a dynamic size broadcasts only against an equal size";
  }
  return success();
}

LogicalResult Refiner::refineCall(func::CallOp call) {
  // A call chain deeper than this is a cycle (the front end rejects
  // recursion; MLIR input may hold it): its results keep their types.
  constexpr int kMaxCallDepth = 64;
  auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
  if (!callee || callee.isExternal() || depth >= kMaxCallDepth)
    return success();
  // Each call site refines its own copy: callees are small, and two call
  // sites may pass different sizes.
  func::FuncOp copy = callee.clone();
  copy.setPrivate();
  symbols.insert(copy);
  SmallVector<Type> results;
  if (failed(refineFunction(copy, call.getOperandTypes(), results)))
    return failure();
  return setResultTypes(call, results);
}

LogicalResult Refiner::refineOp(Operation *op) {
  if (auto call = dyn_cast<func::CallOp>(op))
    return refineCall(call);
  if (auto dim = dyn_cast<tensor::DimOp>(op)) {
    auto source = dyn_cast<RankedTensorType>(dim.getSource().getType());
    std::optional<int64_t> index = dim.getConstantIndex();
    if (source && index && *index >= 0 && *index < source.getRank() &&
        !source.isDynamicDim(*index))
      knownIndex[dim.getResult()] = source.getDimSize(*index);
    return success();
  }
  if (auto constant = dyn_cast<arith::ConstantIndexOp>(op)) {
    knownIndex[constant.getResult()] = constant.value();
    return success();
  }
  if (auto splat = dyn_cast<tensor::SplatOp>(op)) {
    refineSizedResult(op, splat.getDynamicSizes());
    return success();
  }
  if (auto empty = dyn_cast<tensor::EmptyOp>(op)) {
    refineSizedResult(op, empty.getDynamicSizes());
    return success();
  }
  if (auto cast = dyn_cast<tensor::CastOp>(op)) {
    auto from = dyn_cast<RankedTensorType>(cast.getSource().getType());
    auto to = dyn_cast<RankedTensorType>(cast.getType());
    if (!from || !to)
      return success();
    RankedTensorType both = meet(from, to);
    if (!both)
      return op->emitError("a value of type ")
             << from << " where " << to << " is required";
    cast.getResult().setType(both);
    return success();
  }
  if (op->getNumRegions() != 0)
    return success();
  auto inferring = dyn_cast<InferTypeOpInterface>(op);
  SmallVector<Type> inferred;
  if (inferring &&
      (failed(inferring.inferReturnTypes(
           op->getContext(), op->getLoc(), op->getOperands(),
           op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
           op->getRegions(), inferred)) ||
       failed(setResultTypes(op, inferred))))
    return failure();
  if (failed(checkEqualShapes(op)) || failed(checkDynamicBroadcast(op)))
    return failure();
  // A syna op's own verifier, where its rule inferred the results from
  // operands whose sizes are all known (the rules of ops that state their
  // results, such as a reshape's one dynamic dimension, speak of declared
  // types only; verifiers that want identical types would reject a known
  // size beside one this walk could not refine; arith's wants identical
  // types, which checkEqualShapes relaxes to sizes that may agree).
  auto known = [](Type type) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return !tensor || tensor.hasStaticShape();
  };
  if (inferring && isa<SynaDialect>(op->getDialect()) &&
      llvm::all_of(op->getOperandTypes(), known))
    return verify(op, /*verifyRecursively=*/false);
  return success();
}

std::string shapesOf(llvm::ArrayRef<HostArray> inputs) {
  std::string text;
  for (const HostArray &input : inputs)
    text += (text.empty() ? "" : ", ") +
            (input.shape.empty() ? std::string("scalar") : input.shapeString());
  return text;
}

/// Refines @function of `module` (changed in place) to the inputs' sizes.
llvm::Error refineToInputs(ModuleOp module, llvm::StringRef function,
                           llvm::ArrayRef<HostArray> inputs) {
  auto graph = module.lookupSymbol<func::FuncOp>(function);
  if (!graph || graph.isExternal())
    return err("no function @" + function + " to check");
  SmallVector<Type> args;
  for (auto [type, input] : llvm::zip(graph.getArgumentTypes(), inputs)) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    args.push_back(tensor ? RankedTensorType::get(input.shape,
                                                  tensor.getElementType())
                          : type);
  }
  std::string message;
  ScopedDiagnosticHandler capture(module.getContext(), [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error && message.empty())
      message = sourceOf(diag.getLocation()) + ": " + diag.str();
    return success();
  });
  SmallVector<Type> results;
  if (failed(Refiner(module).refineFunction(graph, args, results)))
    return err("@" + function + " cannot run on inputs of shapes " +
               shapesOf(inputs) + ": " +
               (message.empty() ? "its sizes do not fit" : message));
  return llvm::Error::success();
}

} // namespace

llvm::Error checkExtents(ModuleOp module, llvm::StringRef function,
                         llvm::ArrayRef<HostArray> inputs) {
  OwningOpRef<ModuleOp> copy = module.clone();
  if (llvm::Error e = refineToInputs(*copy, function, inputs))
    return e;
  // With the sizes known, a class count is known: labels are checked
  // against it.
  return checkDomains(*copy, function, inputs);
}

ExtentChecker::ExtentChecker(ModuleOp module) : module(module.clone()) {}

llvm::Error ExtentChecker::check(llvm::StringRef function,
                                 llvm::ArrayRef<HostArray> inputs) {
  std::vector<std::vector<int64_t>> shapes;
  for (const HostArray &input : inputs)
    shapes.emplace_back(input.shape.begin(), input.shape.end());
  auto key = std::make_pair(function.str(), std::move(shapes));
  if (!module || accepted.count(key))
    return llvm::Error::success();
  OwningOpRef<ModuleOp> copy = module->clone();
  if (llvm::Error e = refineToInputs(*copy, function, inputs))
    return e;
  accepted.insert(std::move(key));
  return llvm::Error::success();
}

} // namespace syna
