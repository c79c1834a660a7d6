//===- SynaVjp.cpp - vector-Jacobian rules of the syna ops ----------------===//
//
// One rule per differentiable op (SynaDifferentiableOpInterface). A rule
// receives the adjoint g of each result and emits the adjoint of each input.
// Same-shape elementwise arithmetic is written with arith/math ops on
// tensors; broadcasting operands are expanded with syna.broadcast and their
// adjoints summed back with syna.reduce_to_shape; rules that are reductions
// with structure (synapse tensor, convolution, pooling, batch-norm, loss,
// flip circuit) emit one gradient op each (SynaGradOps.td).
//
// The formulas are those of docs/autodiff.md; docs/math.md §7 for synapses.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/SymbolTable.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Dialect/Syna/IR/SynaVjpBuilders.h"

using namespace mlir;
using namespace syna;

#include "syna/Dialect/Syna/IR/SynaInterfaces.cpp.inc"

//===----------------------------------------------------------------------===//
// Builders shared with other rules
//===----------------------------------------------------------------------===//

Value syna::buildSplatLike(OpBuilder &builder, Location loc, Value like,
                                 double value) {
  Type type = like.getType();
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(builder, loc,
                                     builder.getFloatAttr(floatType, value));
  auto tensor = cast<RankedTensorType>(type);
  TypedAttr element = builder.getFloatAttr(tensor.getElementType(), value);
  if (tensor.hasStaticShape())
    return arith::ConstantOp::create(builder, loc,
                                     DenseElementsAttr::get(tensor, element));
  Value scalar = arith::ConstantOp::create(builder, loc, element);
  SmallVector<Value> dynamicSizes;
  for (int64_t dim = 0; dim < tensor.getRank(); ++dim)
    if (tensor.isDynamicDim(dim))
      dynamicSizes.push_back(tensor::DimOp::create(builder, loc, like, dim));
  return tensor::SplatOp::create(builder, loc, scalar, tensor, dynamicSizes);
}

Value syna::buildBroadcastLike(OpBuilder &builder, Location loc,
                                     Value value, Value like) {
  if (value.getType() == like.getType())
    return value;
  return BroadcastOp::create(builder, loc, like.getType(), value, like);
}

Value syna::buildReduceToType(OpBuilder &builder, Location loc,
                                    Value adjoint, Type type) {
  if (adjoint.getType() == type)
    return adjoint;
  return ReduceToShapeOp::create(builder, loc, type, adjoint);
}

namespace {
/// Elementwise arithmetic on values of one type, at one location: keeps the
/// rules close to their formulas. C++ leaves the order in which call
/// arguments are evaluated open, so a call never gets two arguments that
/// each build ops: the emitted IR must not depend on the compiler.
struct Emitter {
  OpBuilder &b;
  Location loc;

  Value add(Value l, Value r) { return arith::AddFOp::create(b, loc, l, r); }
  Value sub(Value l, Value r) { return arith::SubFOp::create(b, loc, l, r); }
  Value mul(Value l, Value r) { return arith::MulFOp::create(b, loc, l, r); }
  Value div(Value l, Value r) { return arith::DivFOp::create(b, loc, l, r); }
  Value neg(Value v) { return arith::NegFOp::create(b, loc, v); }
  Value splat(Value like, double value) {
    return buildSplatLike(b, loc, like, value);
  }
  /// 1 − v
  Value oneMinus(Value v) { return sub(splat(v, 1.0), v); }
  Value broadcast(Value v, Value like) {
    return buildBroadcastLike(b, loc, v, like);
  }
  Value reduce(Value v, Type type) { return buildReduceToType(b, loc, v, type); }
  /// a + b where either may be absent (null).
  Value addMaybe(Value l, Value r) {
    if (!l)
      return r;
    if (!r)
      return l;
    return add(l, r);
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// Elementwise functions of one tensor: dx = g · f′(x)
//===----------------------------------------------------------------------===//

// s = −log p:  dp = −g / p
LogicalResult SurprisalOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  in.push_back(e.neg(e.div(adj[0], getInput())));
  return success();
}

// p = e^{−s}:  ds = −g · p
LogicalResult ProbOp::buildVjp(OpBuilder &b, ValueRange adj,
                               SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  in.push_back(e.neg(e.mul(adj[0], getResult())));
  return success();
}

// G(u) = −log(1 − e^{−u}), G′(u) = −n_BE(u):  du = −g · n_BE(u).
// This is the Bose–Einstein form of the synapse gradient in surprisal space
// (docs/math.md §3, §7): ∂S̄/∂β̄ = ∂S̄/∂ȳ = −n_BE(ȳ + β̄).
LogicalResult ConjugateOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value occupancy = BoseEinsteinOp::create(b, getLoc(), getInput());
  in.push_back(e.neg(e.mul(adj[0], occupancy)));
  return success();
}

// n = 1/(e^u − 1), n′ = −e^u/(e^u − 1)² = −n·(1 + n):  du = −g · (n + n²)
LogicalResult BoseEinsteinOp::buildVjp(OpBuilder &b, ValueRange adj,
                                       SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value n = getResult();
  in.push_back(e.neg(e.mul(adj[0], e.add(n, e.mul(n, n)))));
  return success();
}

// o = p/(1 − p), o′ = 1/(1 − p)² = (1 + o)²:  dp = g · (1 + o)²
LogicalResult OddsOp::buildVjp(OpBuilder &b, ValueRange adj,
                               SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value onePlusOdds = e.add(e.splat(getResult(), 1.0), getResult());
  in.push_back(e.mul(adj[0], e.mul(onePlusOdds, onePlusOdds)));
  return success();
}

// dx = g where x > 0, else 0 (the subgradient 0 at x = 0, as PyTorch).
LogicalResult ReluOp::buildVjp(OpBuilder &b, ValueRange adj,
                               SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value zero = e.splat(getInput(), 0.0);
  Value positive = arith::CmpFOp::create(b, getLoc(), arith::CmpFPredicate::OGT,
                                         getInput(), zero);
  in.push_back(arith::SelectOp::create(b, getLoc(), positive, adj[0], zero));
  return success();
}

// s = σ(x), σ′ = s·(1 − s):  dx = g · s · (1 − s)
LogicalResult SigmoidOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value s = getResult();
  Value gs = e.mul(adj[0], s);
  in.push_back(e.mul(gs, e.oneMinus(s)));
  return success();
}

// t = tanh(x), t′ = 1 − t²:  dx = g · (1 − t²)
LogicalResult TanhOp::buildVjp(OpBuilder &b, ValueRange adj,
                               SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value t = getResult();
  in.push_back(e.mul(adj[0], e.oneMinus(e.mul(t, t))));
  return success();
}

//===----------------------------------------------------------------------===//
// Synapses
//===----------------------------------------------------------------------===//

// S = α·x·(1 − β·y), all operands broadcast to S's shape:
//   dx = Σ g·α·(1 − β·y)   dy = −Σ g·α·β·x   dβ = −Σ g·α·x·y   dα = Σ g·x·(1 − β·y)
// each sum running over the dimensions that broadcasting added to the operand.
LogicalResult SynapseOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value g = adj[0];
  Value x = e.broadcast(getX(), g);
  Value y = e.broadcast(getY(), g);
  Value beta = e.broadcast(getBeta(), g);
  Value alpha = getAlpha() ? e.broadcast(getAlpha(), g) : Value();
  Value inhibition = e.oneMinus(e.mul(beta, y)); // 1 − β·y
  Value gInhibited = e.mul(g, inhibition);       // g·(1 − β·y)
  Value gAlpha = alpha ? e.mul(g, alpha) : g;    // g·α
  in.push_back(e.reduce(alpha ? e.mul(gInhibited, alpha) : gInhibited,
                        getX().getType()));
  in.push_back(e.reduce(e.neg(e.mul(e.mul(gAlpha, beta), x)), getY().getType()));
  in.push_back(e.reduce(e.neg(e.mul(e.mul(gAlpha, x), y)), getBeta().getType()));
  if (alpha)
    in.push_back(e.reduce(e.mul(gInhibited, x), getAlpha().getType()));
  return success();
}

// docs/math.md §7, in one op that recomputes 1/(1 − β·x) (see its docs).
LogicalResult SynapseDenseOp::buildVjp(OpBuilder &b, ValueRange adj,
                                       SmallVectorImpl<Value> &in) {
  SmallVector<Type> types = {getX().getType(), getBeta().getType()};
  SmallVector<Value> operands = {getX(), getBeta()};
  if (Value alpha = getAlpha()) {
    types.push_back(alpha.getType());
    operands.push_back(alpha);
  }
  operands.append({getResult(), adj[0]});
  auto grad = SynapseDenseGradOp::create(b, getLoc(), types, operands);
  in.push_back(grad.getDx());
  in.push_back(grad.getDbeta());
  if (getAlpha())
    in.push_back(grad.getDalpha());
  return success();
}

// Reverse iteration in one op (flip_circuit_grad); a result without an
// adjoint contributes zero.
LogicalResult FlipCircuitOp::buildVjp(OpBuilder &b, ValueRange adj,
                                      SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value gradX = adj[0] ? adj[0] : e.splat(getX(), 0.0);
  Value gradY = adj[1] ? adj[1] : e.splat(getY(), 0.0);
  SmallVector<Value> operands = {getX0(),    getY0(),    getAlpha1(),
                                 getAlpha2(), getBeta1(), getBeta2(),
                                 gradX,       gradY};
  if (adj.size() > 2 && adj[2])
    operands.push_back(adj[2]);
  SmallVector<Type> types;
  for (Value operand : ValueRange(operands).take_front(6))
    types.push_back(operand.getType());
  auto grad = FlipCircuitGradOp::create(
      b, getLoc(), types, operands,
      {b.getNamedAttr("steps", getStepsAttr())});
  llvm::append_range(in, grad.getResults());
  return success();
}

// r = x·A/(y·B) with A = 1 − β·y, B = 1 − β·x:
//   ∂r/∂x = A/(y·B²)   ∂r/∂y = −x/(B·y²)   ∂r/∂β = x·(x − y)/(y·B²)
// (forms without x/x or y/y, so that x = 0 is no special case).
LogicalResult SwapRatioOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value g = adj[0];
  Value x = e.broadcast(getX(), g);
  Value y = e.broadcast(getY(), g);
  Value beta = e.broadcast(getBeta(), g);
  Value inhibitionY = e.oneMinus(e.mul(beta, y)); // A
  Value inhibitionX = e.oneMinus(e.mul(beta, x)); // B
  Value yBSquared = e.mul(y, e.mul(inhibitionX, inhibitionX));
  in.push_back(e.reduce(e.div(e.mul(g, inhibitionY), yBSquared),
                        getX().getType()));
  Value gx = e.mul(g, x);
  Value bYSquared = e.mul(inhibitionX, e.mul(y, y));
  in.push_back(e.reduce(e.neg(e.div(gx, bYSquared)), getY().getType()));
  in.push_back(e.reduce(e.div(e.mul(g, e.mul(x, e.sub(x, y))), yBSquared),
                        getBeta().getType()));
  return success();
}

// L = (ȳ + G(x̄ + β̄)) − (x̄ + G(ȳ + β̄)), G′ = −n_BE (Bose–Einstein form):
//   ∂L/∂x̄ = −1 − n_BE(x̄ + β̄)   ∂L/∂ȳ = 1 + n_BE(ȳ + β̄)
//   ∂L/∂β̄ = n_BE(ȳ + β̄) − n_BE(x̄ + β̄)
LogicalResult LogSwapRatioOp::buildVjp(OpBuilder &b, ValueRange adj,
                                       SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value g = adj[0];
  Value x = e.broadcast(getX(), g);
  Value y = e.broadcast(getY(), g);
  Value beta = e.broadcast(getBeta(), g);
  Value nX = BoseEinsteinOp::create(b, getLoc(), e.add(x, beta));
  Value nY = BoseEinsteinOp::create(b, getLoc(), e.add(y, beta));
  in.push_back(e.reduce(e.neg(e.add(g, e.mul(g, nX))), getX().getType()));
  in.push_back(e.reduce(e.add(g, e.mul(g, nY)), getY().getType()));
  in.push_back(e.reduce(e.mul(g, e.sub(nY, nX)), getBeta().getType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

static Value transpose2D(OpBuilder &b, Location loc, Value value) {
  RankedTensorType type = tensorType(value);
  auto transposed = RankedTensorType::get(
      {type.getDimSize(1), type.getDimSize(0)}, type.getElementType());
  return TransposeOp::create(b, loc, transposed, value,
                             b.getDenseI64ArrayAttr({1, 0}));
}

// y = x·Wᵀ + b:  dx = g·W = dense(g, Wᵀ),  dW = gᵀ·x = dense(gᵀ, xᵀ),
// db = Σ_batch g.
LogicalResult DenseOp::buildVjp(OpBuilder &b, ValueRange adj,
                                SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value g = adj[0];
  Value weightT = transpose2D(b, getLoc(), getWeight());
  in.push_back(DenseOp::create(b, getLoc(), getInput().getType(), g, weightT,
                               Value()));
  Value gT = transpose2D(b, getLoc(), g);
  Value inputT = transpose2D(b, getLoc(), getInput());
  in.push_back(DenseOp::create(b, getLoc(), getWeight().getType(), gT, inputT,
                               Value()));
  if (Value bias = getBias())
    in.push_back(e.reduce(g, bias.getType()));
  return success();
}

// dx: transposed convolution; dW: correlation of input and adjoint;
// db[o] = Σ_{b,h,w} g[b, o, h, w], a reduce_to_shape onto O×1×1.
LogicalResult Conv2DOp::buildVjp(OpBuilder &b, ValueRange adj,
                                 SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value g = adj[0];
  RankedTensorType inputType = getInput().getType();
  RankedTensorType weightType = getWeight().getType();
  if (inputType.isDynamicDim(2) || inputType.isDynamicDim(3) ||
      weightType.isDynamicDim(2) || weightType.isDynamicDim(3))
    return emitOpError("cannot be differentiated with dynamic spatial "
                       "dimensions (input ")
           << inputType << ", weight " << weightType
           << "): with strides they do not follow from the result's";
  in.push_back(Conv2DInputGradOp::create(b, getLoc(), inputType, g,
                                         getWeight(), getStridesAttr(),
                                         getPaddingAttr()));
  in.push_back(Conv2DWeightGradOp::create(b, getLoc(), weightType,
                                          getInput(), g, getStridesAttr(),
                                          getPaddingAttr()));
  if (Value bias = getBias()) {
    RankedTensorType biasType = tensorType(bias);
    auto perChannel = RankedTensorType::get(
        {biasType.getDimSize(0), 1, 1}, biasType.getElementType());
    in.push_back(ReshapeOp::create(b, getLoc(), biasType,
                                   e.reduce(g, perChannel)));
  }
  return success();
}

LogicalResult MaxPool2DOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  in.push_back(MaxPool2DGradOp::create(b, getLoc(), getInput().getType(),
                                       getInput(), adj[0], getKernelAttr(),
                                       getStridesAttr()));
  return success();
}

/// `type` with dimension `axis` set to 1: the shape of a sum along `axis`.
static RankedTensorType keepAxis(RankedTensorType type, int64_t axis) {
  SmallVector<int64_t> shape(type.getShape());
  shape[axis] = 1;
  return RankedTensorType::get(shape, type.getElementType());
}

static int64_t normalizedAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

// s = softmax(x):  dx = s ⊙ (g − Σ_axis g ⊙ s)
LogicalResult SoftmaxOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value g = adj[0], s = getResult();
  int64_t axis = normalizedAxis(getAxis(), getType().getRank());
  Value dot = e.reduce(e.mul(g, s), keepAxis(getType(), axis));
  in.push_back(e.mul(s, e.sub(g, e.broadcast(dot, g))));
  return success();
}

// l = log_softmax(x):  dx = g − e^l ⊙ Σ_axis g
static Value buildLogSoftmaxVjp(OpBuilder &b, Location loc, Value logProbs,
                                Value g, int64_t axis) {
  Emitter e{b, loc};
  Value total = e.reduce(g, keepAxis(tensorType(logProbs), axis));
  Value probs = math::ExpOp::create(b, loc, logProbs);
  return e.sub(g, e.mul(probs, e.broadcast(total, g)));
}

LogicalResult LogSoftmaxOp::buildVjp(OpBuilder &b, ValueRange adj,
                                     SmallVectorImpl<Value> &in) {
  in.push_back(buildLogSoftmaxVjp(b, getLoc(), getResult(), adj[0],
                                  normalizedAxis(getAxis(),
                                                 getType().getRank())));
  return success();
}

// The normalised result goes through batch_norm_grad. Outside training the
// result is an affine function of the running statistics too:
//   d mean = −scale · dshift / √(var + ε),  d var = −½ · scale · dscale / (var + ε)
// and the statistics results are the running statistics themselves, whose
// adjoints pass through. In training the statistics results are state
// updates that the gradient does not flow through (PyTorch's buffers).
LogicalResult BatchNormOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  Value dx, dscale, dshift, dmean, dvar;
  if (Value g = adj[0]) {
    auto grad = BatchNormGradOp::create(
        b, getLoc(), getInput().getType(), getScale().getType(),
        getScale().getType(), getInput(), getScale(), getRunningMean(),
        getRunningVar(), g, getEpsilonAttr(), getTrainingAttr());
    dx = grad.getDx();
    dscale = grad.getDscale();
    dshift = grad.getDshift();
    if (!getTraining()) {
      Value epsilon =
          e.splat(getRunningVar(), getEpsilon().convertToDouble());
      Value invStd = math::RsqrtOp::create(
          b, getLoc(), e.add(getRunningVar(), epsilon));
      dmean = e.neg(e.mul(e.mul(getScale(), dshift), invStd));
      Value minusHalf = e.splat(getScale(), -0.5);
      Value scaled = e.mul(minusHalf, e.mul(getScale(), dscale));
      dvar = e.mul(scaled, e.mul(invStd, invStd));
    }
  }
  if (!getTraining()) {
    dmean = e.addMaybe(dmean, adj[1]);
    dvar = e.addMaybe(dvar, adj[2]);
  }
  in.append({dx, dscale, dshift, dmean, dvar});
  return success();
}

// The same mask scales the adjoint: dropout of g with the same key.
LogicalResult DropoutOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  in.push_back(DropoutOp::create(b, getLoc(), adj[0].getType(), adj[0],
                                 getRateAttr(), getKey(), getTrainingAttr()));
  if (getKey())
    in.push_back(Value()); // the key
  return success();
}

/// The adjoint of a reshape is the reshape back.
static LogicalResult buildReshapeBack(Operation *op, OpBuilder &b, Value g,
                                      Value input,
                                      SmallVectorImpl<Value> &in) {
  RankedTensorType from = tensorType(g), to = tensorType(input);
  if (from.getNumDynamicDims() > 1 || to.getNumDynamicDims() > 1 ||
      from.getNumDynamicDims() != to.getNumDynamicDims())
    return op->emitOpError("cannot be differentiated: its adjoint would "
                           "reshape ")
           << from << " to " << to
           << ", and syna.reshape allows one dynamic dimension on each side";
  in.push_back(ReshapeOp::create(b, op->getLoc(), to, g));
  return success();
}

LogicalResult ReshapeOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  return buildReshapeBack(*this, b, adj[0], getInput(), in);
}

/// The adjoint of a flatten reshapes the features back: [B, F] to the
/// input's [B, d1, …, dk]. With more dynamic sizes than syna.reshape takes,
/// a tensor.expand_shape reads them from the input.
LogicalResult FlattenOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  Value input = getInput();
  RankedTensorType to = tensorType(input);
  if (to.getRank() <= 2 || to.getNumDynamicDims() <= 1)
    return buildReshapeBack(*this, b, adj[0], input, in);
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, getLoc(), input);
  ReassociationIndices features;
  for (int64_t d = 1; d < to.getRank(); ++d)
    features.push_back(d);
  SmallVector<ReassociationIndices> groups = {{0}, features};
  in.push_back(tensor::ExpandShapeOp::create(b, getLoc(), to, adj[0], groups,
                                             sizes));
  return success();
}

LogicalResult NllLossOp::buildVjp(OpBuilder &b, ValueRange adj,
                                  SmallVectorImpl<Value> &in) {
  in.push_back(NllLossGradOp::create(b, getLoc(), getInput().getType(),
                                     getInput(), getLabels(), adj[0],
                                     getReductionAttr()));
  in.push_back(Value()); // the labels
  return success();
}

// cross_entropy = nll_loss(log_softmax(x, axis 1)): the chain of both rules,
// dx = g·w·(softmax(x) − onehot(labels)) with w the reduction weight.
LogicalResult CrossEntropyOp::buildVjp(OpBuilder &b, ValueRange adj,
                                       SmallVectorImpl<Value> &in) {
  Value logProbs = LogSoftmaxOp::create(b, getLoc(), getInput().getType(),
                                        getInput(), b.getI64IntegerAttr(1));
  Value dLogProbs =
      NllLossGradOp::create(b, getLoc(), getInput().getType(), logProbs,
                            getLabels(), adj[0], getReductionAttr());
  in.push_back(buildLogSoftmaxVjp(b, getLoc(), logProbs, dLogProbs, 1));
  in.push_back(Value()); // the labels
  return success();
}

//===----------------------------------------------------------------------===//
// Parameters: the adjoint of the raw θ through the domain map, written with
// the mapped value v (the op's result) only:
//   real          v = θ               dθ = g
//   unit          v = σ(θ)            dθ = g·v·(1 − v)
//   positive      v = softplus(θ)     dθ = g·σ(θ) = −g·expm1(−v)
//   at_least_one  v = 1 + softplus(θ) dθ = −g·expm1(1 − v)
// (σ(θ) = 1 − e^{−softplus(θ)}; expm1 keeps it exact for small v.)
//===----------------------------------------------------------------------===//

LogicalResult ParamRefOp::buildVjp(OpBuilder &b, ValueRange adj,
                                   SmallVectorImpl<Value> &in) {
  Emitter e{b, getLoc()};
  auto param =
      SymbolTable::lookupNearestSymbolFrom<ParamOp>(*this, getNameAttr());
  if (!param)
    return emitOpError("'") << getName() << "' does not name a syna.param";
  Value g = adj[0], v = getResult();
  switch (param.getDomain()) {
  case Domain::Real:
    in.push_back(g);
    break;
  case Domain::Unit: {
    Value gv = e.mul(g, v);
    in.push_back(e.mul(gv, e.oneMinus(v)));
    break;
  }
  case Domain::Positive:
    in.push_back(e.neg(e.mul(g, math::ExpM1Op::create(b, getLoc(), e.neg(v)))));
    break;
  case Domain::AtLeastOne:
    in.push_back(e.neg(
        e.mul(g, math::ExpM1Op::create(b, getLoc(), e.oneMinus(v)))));
    break;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Shape ops: broadcast and reduce_to_shape are each other's adjoint.
//===----------------------------------------------------------------------===//

LogicalResult BroadcastOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  in.push_back(buildReduceToType(b, getLoc(), adj[0], getInput().getType()));
  in.push_back(Value()); // only the shape of `like` is read
  return success();
}

LogicalResult ReduceToShapeOp::buildVjp(OpBuilder &b, ValueRange adj,
                                        SmallVectorImpl<Value> &in) {
  in.push_back(buildBroadcastLike(b, getLoc(), adj[0], getInput()));
  return success();
}

LogicalResult TransposeOp::buildVjp(OpBuilder &b, ValueRange adj,
                                    SmallVectorImpl<Value> &in) {
  ArrayRef<int64_t> perm = getPermutation();
  SmallVector<int64_t> inverse(perm.size());
  for (auto [m, p] : llvm::enumerate(perm))
    inverse[p] = m;
  in.push_back(TransposeOp::create(b, getLoc(), getInput().getType(), adj[0],
                                   b.getDenseI64ArrayAttr(inverse)));
  return success();
}
