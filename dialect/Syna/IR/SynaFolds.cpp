//===- SynaFolds.cpp - syna folders and canonicalization patterns --------===//
//
// Constant folding evaluates in double precision with the scalar definitions
// of ScalarFunctions.h and refuses to fold when a value would not be finite, so a
// domain error stays visible as an op instead of becoming a NaN constant.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "FoldUtils.h"
#include "syna/Dialect/Syna/IR/ScalarFunctions.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

using namespace mlir;
using namespace syna;

//===----------------------------------------------------------------------===//
// Synapses
//===----------------------------------------------------------------------===//

OpFoldResult SynapseOp::fold(FoldAdaptor adaptor) {
  std::optional<double> x = splatValue(adaptor.getX());
  std::optional<double> y = splatValue(adaptor.getY());
  std::optional<double> beta = splatValue(adaptor.getBeta());
  std::optional<double> alpha =
      getAlpha() ? splatValue(adaptor.getAlpha()) : std::optional(1.0);
  if (!x || !y || !beta || !alpha)
    return {};
  return splatOf(getType(), scalar::synapse(*x, *y, *beta, *alpha));
}

namespace {
/// S(x, y; α, 0) = α·x: the inhibitory input has no effect.
struct SynapseWithZeroBeta : OpRewritePattern<SynapseOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SynapseOp op,
                                PatternRewriter &rewriter) const override {
    if (!matchPattern(op.getBeta(), m_AnyZeroFloat()))
      return rewriter.notifyMatchFailure(op, "beta is not a zero constant");
    // Rewrite only where no broadcast is needed: x (and α) must already
    // have the result's type.
    if (op.getX().getType() != op.getType())
      return rewriter.notifyMatchFailure(op, "x would need a broadcast");
    Value alpha = op.getAlpha();
    if (!alpha) {
      rewriter.replaceOp(op, op.getX());
      return success();
    }
    if (alpha.getType() != op.getType())
      return rewriter.notifyMatchFailure(op, "alpha would need a broadcast");
    rewriter.replaceOpWithNewOp<arith::MulFOp>(op, alpha, op.getX());
    return success();
  }
};
} // namespace

void SynapseOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                            MLIRContext *context) {
  results.add<SynapseWithZeroBeta>(context);
}

OpFoldResult SynapseDenseOp::fold(FoldAdaptor adaptor) {
  if (!getAlpha() && getX().getType() == getType() &&
      matchPattern(getBeta(), m_AnyZeroFloat()))
    return getX();
  // y = α·x·(1 − β·x)^n when every operand is a splat.
  std::optional<double> x = splatValue(adaptor.getX());
  std::optional<double> beta = splatValue(adaptor.getBeta());
  std::optional<double> alpha =
      getAlpha() ? splatValue(adaptor.getAlpha()) : std::optional(1.0);
  if (!x || !beta || !alpha)
    return {};
  int64_t n = cast<ShapedType>(getBeta().getType()).getDimSize(1);
  if (ShapedType::isDynamic(n))
    return {};
  double logY = std::log(*alpha) + std::log(*x) +
                static_cast<double>(n) * std::log1p(-*beta * *x);
  return splatOf(getType(), std::exp(logY));
}

LogicalResult FlipCircuitOp::fold(FoldAdaptor adaptor,
                                  SmallVectorImpl<OpFoldResult> &results) {
  if (getTrajectory())
    return failure();
  if (getSteps() == 0) {
    results.push_back(getX0());
    results.push_back(getY0());
    return success();
  }
  std::optional<double> x = splatValue(adaptor.getX0());
  std::optional<double> y = splatValue(adaptor.getY0());
  std::optional<double> a1 = splatValue(adaptor.getAlpha1());
  std::optional<double> a2 = splatValue(adaptor.getAlpha2());
  std::optional<double> b1 = splatValue(adaptor.getBeta1());
  std::optional<double> b2 = splatValue(adaptor.getBeta2());
  // Folding iterates the recurrence; past this many steps it would stall the
  // compiler, so the op is left for code generation.
  constexpr int64_t kMaxFoldedSteps = 1 << 20;
  if (!x || !y || !a1 || !a2 || !b1 || !b2 || getSteps() > kMaxFoldedSteps)
    return failure();
  double xt = *x, yt = *y;
  for (int64_t t = 0; t < getSteps(); ++t) {
    double next = scalar::synapse(xt, yt, *b1, *a1);
    yt = scalar::synapse(xt, yt, *b2, *a2);
    xt = next;
  }
  Attribute xAttr = splatOf(getX().getType(), xt);
  Attribute yAttr = splatOf(getY().getType(), yt);
  if (!xAttr || !yAttr)
    return failure();
  results.push_back(xAttr);
  results.push_back(yAttr);
  return success();
}

/// Folds a ratio of an input with itself to `identity`, and splat operands
/// with `fn`.
static OpFoldResult foldSwap(Value x, Value y, ShapedType type,
                             Attribute xAttr, Attribute yAttr,
                             Attribute betaAttr, double identity,
                             double (*fn)(double, double, double)) {
  if (x == y)
    return splatOf(type, identity);
  std::optional<double> xv = splatValue(xAttr);
  std::optional<double> yv = splatValue(yAttr);
  std::optional<double> beta = splatValue(betaAttr);
  if (!xv || !yv || !beta)
    return {};
  return splatOf(type, fn(*xv, *yv, *beta));
}

OpFoldResult SwapRatioOp::fold(FoldAdaptor adaptor) {
  return foldSwap(getX(), getY(), getType(), adaptor.getX(), adaptor.getY(),
                  adaptor.getBeta(), 1.0, scalar::swapRatio);
}

OpFoldResult LogSwapRatioOp::fold(FoldAdaptor adaptor) {
  return foldSwap(getX(), getY(), getType(), adaptor.getX(), adaptor.getY(),
                  adaptor.getBeta(), 0.0, scalar::logSwapRatio);
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

namespace {
/// Outside training, batch-norm returns its running statistics unchanged.
struct ForwardInferenceStatistics : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getTraining())
      return rewriter.notifyMatchFailure(op, "training updates statistics");
    if (op.getNewMean().use_empty() && op.getNewVar().use_empty())
      return rewriter.notifyMatchFailure(op, "statistics are not used");
    rewriter.replaceAllUsesWith(op.getNewMean(), op.getRunningMean());
    rewriter.replaceAllUsesWith(op.getNewVar(), op.getRunningVar());
    return success();
  }
};
} // namespace

void BatchNormOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<ForwardInferenceStatistics>(context);
}

OpFoldResult DropoutOp::fold(FoldAdaptor) {
  if (!getTraining() || getRate().isZero())
    return getInput();
  return {};
}

/// Reshapes of constants fold; a reshape that keeps the type is the identity.
static OpFoldResult foldReshapeLike(Value input, Attribute inputAttr,
                                    ShapedType type) {
  if (input.getType() == type)
    return input;
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(inputAttr))
    if (type.hasStaticShape())
      return dense.reshape(type);
  return {};
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded =
          foldReshapeLike(getInput(), adaptor.getInput(), getType()))
    return folded;
  // reshape(reshape(x)) and reshape(flatten(x)) read x directly.
  Operation *producer = getInput().getDefiningOp();
  if (isa_and_nonnull<ReshapeOp, FlattenOp>(producer)) {
    Value source = producer->getOperand(0);
    auto sourceType = cast<RankedTensorType>(source.getType());
    if (sourceType.getNumDynamicDims() == getType().getNumDynamicDims()) {
      getInputMutable().assign(source);
      return getResult();
    }
  }
  return {};
}

OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  return foldReshapeLike(getInput(), adaptor.getInput(), getType());
}
