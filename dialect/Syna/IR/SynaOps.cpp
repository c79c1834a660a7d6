//===- SynaOps.cpp - syna op verifiers and builders -----------------------===//
#include "syna/Dialect/Syna/IR/SynaOps.h"

#include "Format.h"
#include "ShapeChecks.h"
#include "mlir/Dialect/Traits.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace syna;

#define GET_OP_CLASSES
#include "syna/Dialect/Syna/IR/SynaOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//





/// The result shape must be the NumPy broadcast of the operand shapes.
static LogicalResult verifyBroadcast(Operation *op, ValueRange operands,
                                     RankedTensorType result) {
  SmallVector<int64_t> shape;
  for (Value operand : operands) {
    SmallVector<int64_t> next;
    ArrayRef<int64_t> operandShape = tensorType(operand).getShape();
    if (!OpTrait::util::getBroadcastedShape(shape, operandShape, next))
      return op->emitOpError("operand shapes do not broadcast: ")
             << shapeString(shape) << " and " << shapeString(operandShape);
    shape = std::move(next);
  }
  if (shape.size() != static_cast<size_t>(result.getRank()) ||
      !llvm::all_of(llvm::zip(shape, result.getShape()), [](auto dims) {
        return dimsCompatible(std::get<0>(dims), std::get<1>(dims));
      }))
    return op->emitOpError("result shape ")
           << shapeString(result.getShape())
           << " is not the broadcast operand shape " << shapeString(shape);
  return success();
}

/// When `value` is a constant, each element must lie in the given interval.
static LogicalResult verifyConstantRange(Operation *op, Value value,
                                         StringRef name, double low,
                                         bool lowOpen, double high,
                                         bool highOpen) {
  DenseFPElementsAttr constant;
  if (!value || !matchPattern(value, m_Constant(&constant)))
    return success();
  int64_t index = 0;
  for (const APFloat &element : constant.getValues<APFloat>()) {
    double v = element.convertToDouble();
    bool below = lowOpen ? !(v > low) : !(v >= low);
    bool above = highOpen ? !(v < high) : !(v <= high);
    if (below || above) {
      auto diag = op->emitOpError() << name << " must lie in "
                                    << (lowOpen ? "(" : "[")
                                    << formatNumber(low) << ", ";
      if (std::isinf(high))
        diag << "inf)";
      else
        diag << formatNumber(high) << (highOpen ? ")" : "]");
      diag << ", but ";
      if (constant.isSplat())
        diag << "it is " << formatNumber(v);
      else
        diag << "element " << index << " is " << formatNumber(v);
      return diag;
    }
    ++index;
    if (constant.isSplat())
      break;
  }
  return success();
}

static constexpr double kInf = std::numeric_limits<double>::infinity();

static LogicalResult verifyBeta(Operation *op, Value beta) {
  return verifyConstantRange(op, beta, "beta", 0.0, false, 1.0, false);
}

static LogicalResult verifyAlpha(Operation *op, Value alpha) {
  return verifyConstantRange(op, alpha, "alpha", 0.0, true, kInf, true);
}




//===----------------------------------------------------------------------===//
// Synapses
//===----------------------------------------------------------------------===//

LogicalResult SynapseOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyBroadcast(*this, getOperands(), getType())))
    return failure();
  return success(succeeded(verifyBeta(*this, getBeta())) &&
                 succeeded(verifyAlpha(*this, getAlpha())));
}

/// Shapes of a synapse tensor: x : B×n, square beta : n×n, alpha : n.
static LogicalResult verifySynapseTensorShapes(Operation *op, Value xValue,
                                               Value betaValue, Value alpha,
                                               RankedTensorType result) {
  if (failed(verifySameElementType(op)) ||
      failed(verifyRank(op, xValue, "x", {2})) ||
      failed(verifyRank(op, betaValue, "beta", {2})))
    return failure();
  ArrayRef<int64_t> x = tensorType(xValue).getShape();
  ArrayRef<int64_t> beta = tensorType(betaValue).getShape();
  if (!dimsCompatible(beta[0], beta[1]))
    return op->emitOpError("beta must be square (n x n): the synapse tensor has "
                           "as many outputs as inputs, got ")
           << shapeString(beta);
  int64_t n = ShapedType::isDynamic(beta[0]) ? beta[1] : beta[0];
  if (!dimsCompatible(x[1], n))
    return op->emitOpError("x has ")
           << x[1] << " features but beta is " << shapeString(beta);
  if (ShapedType::isDynamic(n))
    n = x[1];
  if (failed(verifyVector(op, alpha, "alpha", n, "one gain per unit")))
    return failure();
  return verifyResultShape(op, result, {x[0], n});
}

LogicalResult SynapseDenseOp::verify() {
  if (failed(verifySynapseTensorShapes(*this, getX(), getBeta(), getAlpha(),
                                       getType())))
    return failure();
  return success(succeeded(verifyBeta(*this, getBeta())) &&
                 succeeded(verifyAlpha(*this, getAlpha())));
}

LogicalResult SurprisalSynapseDenseOp::verify() {
  if (failed(verifySynapseTensorShapes(*this, getX(), getBeta(), getAlpha(),
                                       getType())))
    return failure();
  return verifyConstantRange(*this, getBeta(), "beta surprisal", 0.0, false,
                             kInf, false);
}

LogicalResult SurprisalSynapseOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyBroadcast(*this, getOperands(), getType())))
    return failure();
  return verifyConstantRange(*this, getBeta(), "beta surprisal", 0.0, false,
                             kInf, false);
}

LogicalResult FlipCircuitOp::verify() {
  if (failed(verifySameElementType(*this)))
    return failure();
  RankedTensorType state = tensorType(getX0());
  if (tensorType(getY0()) != state)
    return emitOpError("x0 and y0 must have the same type, got ")
           << state << " and " << getY0().getType();
  for (auto [name, value] :
       {std::pair<StringRef, Value>{"alpha1", getAlpha1()},
        {"alpha2", getAlpha2()},
        {"beta1", getBeta1()},
        {"beta2", getBeta2()}}) {
    RankedTensorType type = tensorType(value);
    if (type.getRank() != 0 && type != state)
      return emitOpError() << name << " must be a scalar tensor or have the "
                           << "state's shape " << shapeString(state.getShape())
                           << ", got " << shapeString(type.getShape());
  }
  if (getX().getType() != state || getY().getType() != state)
    return emitOpError("results x and y must have the state's type ") << state;
  if (Value trajectory = getTrajectory()) {
    SmallVector<int64_t> expected = {static_cast<int64_t>(getSteps()) + 1, 2};
    llvm::append_range(expected, state.getShape());
    if (failed(verifyResultShape(*this, tensorType(trajectory), expected)))
      return failure();
  }
  bool ok = succeeded(verifyAlpha(*this, getAlpha1()));
  ok &= succeeded(verifyAlpha(*this, getAlpha2()));
  ok &= succeeded(verifyBeta(*this, getBeta1()));
  ok &= succeeded(verifyBeta(*this, getBeta2()));
  return success(ok);
}

LogicalResult SwapRatioOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyBroadcast(*this, getOperands(), getType())))
    return failure();
  return verifyBeta(*this, getBeta());
}

LogicalResult LogSwapRatioOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyBroadcast(*this, getOperands(), getType())))
    return failure();
  return verifyConstantRange(*this, getBeta(), "beta surprisal", 0.0, false,
                             kInf, false);
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

LogicalResult DenseOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input", {2})) ||
      failed(verifyRank(*this, getWeight(), "weight", {2})))
    return failure();
  ArrayRef<int64_t> x = tensorType(getInput()).getShape();
  ArrayRef<int64_t> w = tensorType(getWeight()).getShape();
  if (!dimsCompatible(x[1], w[1]))
    return emitOpError("input has ")
           << x[1] << " features but weight " << shapeString(w)
           << " (out x in) expects " << w[1];
  if (failed(verifyVector(*this, getBias(), "bias", w[0], "one per output")))
    return failure();
  return verifyResultShape(*this, getType(), {x[0], w[0]});
}




LogicalResult Conv2DOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input (NCHW)", {4})) ||
      failed(verifyRank(*this, getWeight(), "weight (OCHW)", {4})) ||
      failed(verifyWindowAttr(*this, "strides", getStrides(), 1)) ||
      failed(verifyWindowAttr(*this, "padding", getPadding(), 0)))
    return failure();
  ArrayRef<int64_t> x = tensorType(getInput()).getShape();
  ArrayRef<int64_t> w = tensorType(getWeight()).getShape();
  if (!dimsCompatible(x[1], w[1]))
    return emitOpError("input has ")
           << x[1] << " channels but weight " << shapeString(w) << " expects "
           << w[1];
  if (failed(verifyVector(*this, getBias(), "bias", w[0], "one per output channel")))
    return failure();
  FailureOr<SmallVector<int64_t>> expected =
      windowedShape(*this, x, w[0], w.drop_front(2), getStrides(), getPadding());
  if (failed(expected))
    return failure();
  return verifyResultShape(*this, getType(), *expected);
}

LogicalResult MaxPool2DOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input (NCHW)", {4})) ||
      failed(verifyWindowAttr(*this, "kernel", getKernel(), 1)) ||
      failed(verifyWindowAttr(*this, "strides", getEffectiveStrides(), 1)))
    return failure();
  ArrayRef<int64_t> x = tensorType(getInput()).getShape();
  FailureOr<SmallVector<int64_t>> expected = windowedShape(
      *this, x, x[1], getKernel(), getEffectiveStrides(), {0, 0});
  if (failed(expected))
    return failure();
  return verifyResultShape(*this, getType(), *expected);
}

template <typename AxisOp>
static LogicalResult verifyAxis(AxisOp op) {
  int64_t rank = op.getType().getRank();
  int64_t axis = op.getAxis();
  if (axis < -rank || axis >= rank)
    return op.emitOpError("axis ")
           << axis << " is out of range for rank " << rank;
  return success();
}

LogicalResult SoftmaxOp::verify() { return verifyAxis(*this); }
LogicalResult LogSoftmaxOp::verify() { return verifyAxis(*this); }

LogicalResult BatchNormOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input", {2, 4})))
    return failure();
  int64_t channels = tensorType(getInput()).getDimSize(1);
  for (auto [name, value] :
       {std::pair<StringRef, Value>{"scale", getScale()},
        {"shift", getShift()},
        {"running_mean", getRunningMean()},
        {"running_var", getRunningVar()}})
    if (failed(verifyVector(*this, value, name, channels, "one per channel")))
      return failure();
  if (!(getEpsilon().convertToDouble() > 0.0))
    return emitOpError("epsilon must be positive");
  double momentum = getMomentum().convertToDouble();
  if (!(momentum >= 0.0 && momentum <= 1.0))
    return emitOpError("momentum must lie in [0, 1], got ")
           << formatNumber(momentum);
  return verifyConstantRange(*this, getRunningVar(), "running_var", 0.0, false,
                             kInf, false);
}

LogicalResult DropoutOp::verify() {
  double rate = getRate().convertToDouble();
  if (!(rate >= 0.0 && rate < 1.0))
    return emitOpError("rate must lie in [0, 1), got ") << formatNumber(rate);
  return success();
}

static int64_t staticProduct(ArrayRef<int64_t> shape) {
  int64_t product = 1;
  for (int64_t dim : shape)
    if (!ShapedType::isDynamic(dim))
      product *= dim;
  return product;
}

LogicalResult ReshapeOp::verify() {
  if (failed(verifySameElementType(*this)))
    return failure();
  RankedTensorType in = tensorType(getInput());
  RankedTensorType out = getType();
  if (in.getNumDynamicDims() > 1 || out.getNumDynamicDims() > 1 ||
      in.getNumDynamicDims() != out.getNumDynamicDims())
    return emitOpError("each side may have at most one dynamic dimension, "
                       "and both the same number; got ")
           << shapeString(in.getShape()) << " -> "
           << shapeString(out.getShape());
  if (staticProduct(in.getShape()) != staticProduct(out.getShape()))
    return emitOpError("cannot reshape ")
           << shapeString(in.getShape()) << " ("
           << staticProduct(in.getShape()) << " elements) to "
           << shapeString(out.getShape()) << " ("
           << staticProduct(out.getShape()) << " elements)";
  return success();
}

LogicalResult FlattenOp::verify() {
  if (failed(verifySameElementType(*this)) ||
      failed(verifyRank(*this, getInput(), "input", {2, 3, 4, 5})))
    return failure();
  ArrayRef<int64_t> in = tensorType(getInput()).getShape();
  ArrayRef<int64_t> features = in.drop_front();
  int64_t flat = llvm::any_of(features, ShapedType::isDynamic)
                     ? ShapedType::kDynamic
                     : staticProduct(features);
  ArrayRef<int64_t> out = getType().getShape();
  if (out.size() != 2 || !dimsCompatible(out[0], in[0]) ||
      (ShapedType::isDynamic(flat) != ShapedType::isDynamic(out[1])) ||
      (!ShapedType::isDynamic(flat) && out[1] != flat))
    return emitOpError("result shape ")
           << shapeString(out) << " should be " << shapeString({in[0], flat});
  return success();
}

static LogicalResult verifyLoss(Operation *op, Value input, Value labels,
                                RankedTensorType loss) {
  if (failed(verifyRank(op, input, "input", {2})) ||
      failed(verifyRank(op, labels, "labels", {1})))
    return failure();
  int64_t batch = tensorType(input).getDimSize(0);
  int64_t labelCount = tensorType(labels).getDimSize(0);
  if (!dimsCompatible(batch, labelCount))
    return op->emitOpError("batch of ")
           << batch << " samples has " << labelCount << " labels";
  if (loss.getRank() != 0 ||
      loss.getElementType() != tensorType(input).getElementType())
    return op->emitOpError("loss must be a scalar tensor of ")
           << tensorType(input).getElementType() << ", got " << loss;
  return success();
}

LogicalResult NllLossOp::verify() {
  return verifyLoss(*this, getInput(), getLabels(), getType());
}

LogicalResult CrossEntropyOp::verify() {
  return verifyLoss(*this, getInput(), getLabels(), getType());
}

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

LogicalResult ParamOp::verify() {
  RankedTensorType type = getTensorType();
  if (!type.hasStaticShape())
    return emitOpError("parameter shape must be static, got ")
           << shapeString(type.getShape());
  InitKind kind = getInit().getKind();
  bool needsFans = kind == InitKind::KaimingUniform ||
                   kind == InitKind::KaimingNormal ||
                   kind == InitKind::XavierUniform;
  if (needsFans && type.getRank() < 2)
    return emitOpError("initializer '")
           << stringifyInitKind(kind)
           << "' needs a parameter of rank 2 or more to define fan-in, got "
           << shapeString(type.getShape());
  return success();
}

LogicalResult
ParamRefOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto param =
      symbolTable.lookupNearestSymbolFrom<ParamOp>(*this, getNameAttr());
  if (!param)
    return emitOpError("'") << getName() << "' does not name a syna.param";
  if (param.getType() != getType())
    return emitOpError("type ")
           << getType() << " differs from the parameter's type "
           << param.getType();
  return success();
}

static LogicalResult verifyParamAccess(Operation *op, FlatSymbolRefAttr name,
                                       Type type,
                                       SymbolTableCollection &symbolTable) {
  auto param = symbolTable.lookupNearestSymbolFrom<ParamOp>(op, name);
  if (!param)
    return op->emitOpError("'") << name.getValue()
                                << "' does not name a syna.param";
  if (param.getType() != type)
    return op->emitOpError("type ")
           << type << " differs from the parameter's type " << param.getType();
  return success();
}

LogicalResult
ParamReadOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyParamAccess(*this, getNameAttr(), getType(), symbolTable);
}

LogicalResult
ParamWriteOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyParamAccess(*this, getNameAttr(), getValue().getType(),
                           symbolTable);
}
