//===- GradOps.cpp - lower the gradient ops of syna-autodiff --------------===//
//
// The ops that syna-autodiff emits (SynaGradOps.td) lower like the forward
// ops: to linalg on tensors, element-type generic, with dynamic batch
// dimensions read by tensor.dim, so that the syna-cpu-pipeline tiles,
// vectorises and parallelises them like the rest of the graph.
//
//  - synapse_dense_grad: two streamed reductions that recompute
//    r = 1/(1 − β·x) per term (never B·n·n values): dx over loops
//    (b, i, j) with i reduced (samples never mix), dβ over (i, b, j) with
//    the batch reduced; dα is a batch sum divided by α.
//  - conv2d_input_grad: a stride-1 convolution of the stride-dilated,
//    padded adjoint with the flipped, channel-transposed weight.
//  - conv2d_weight_grad: a reduction over (b, p) on the padded input that
//    keeps q (vectorised), then the sum over q.
//  - max_pool2d_grad: per window the first maximum in row-major order
//    (an order-independent argmax: larger value, or equal value and smaller
//    position), then a gather-form scatter so every dx element is written
//    once (no atomics, parallel over the batch). Windows that tile x exactly
//    work on x viewed as B×C×OH×KH×OW×KW instead (vectorisable, no gather).
//  - flip_circuit_grad: the forward trajectory into a [T+1, state] buffer,
//    then the reverse recurrence in an scf.for.
//
//===----------------------------------------------------------------------===//
#include "LoweringUtils.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/Transforms/DialectConversion.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

using namespace mlir;
using utils::IteratorType;

namespace syna::lowering {
namespace {

AffineExpr dim(MLIRContext *ctx, unsigned d) { return getAffineDimExpr(d, ctx); }

/// A tensor.cast where the static information of two types differs.
Value castTo(OpBuilder &b, Location loc, Value v, Type type) {
  if (v.getType() == type)
    return v;
  return tensor::CastOp::create(b, loc, type, v);
}

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// Elements of dimension `d` of `v` as a float of type `elt`.
Value extentAsFloat(OpBuilder &b, Location loc, Value v, int64_t d, Type elt) {
  Value n = tensor::DimOp::create(b, loc, v, d);
  Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), n);
  return arith::SIToFPOp::create(b, loc, elt, i);
}

/// syna.reduce_to_shape: sums `input` over the dimensions that broadcasting
/// `resultType` to it adds (leading ones, and those where the result is a
/// static 1), into a tensor of the kept dimensions; static 1s are then put
/// back with tensor.expand_shape.
///
/// The loops run kept dimensions first, so that a bias gradient (kept:
/// channels; reduced: batch, rows, columns) is parallel over its channels.
/// A reduced innermost dimension of static extent (a row of a convolution's
/// output) stays a parallel loop of lanes, T[kept..., q] = Σ over the other
/// reduced dimensions, summed over q afterwards: reduced innermost, every
/// step would fold a vector into one scalar, a serial chain of adds.
Value reduceToShape(OpBuilder &b, Location loc, Value input,
                    RankedTensorType resultType) {
  MLIRContext *ctx = b.getContext();
  RankedTensorType in = tensorType(input);
  if (in == resultType)
    return input;
  int64_t r = in.getRank(), k = resultType.getRank(), off = r - k;
  auto kept = [&](int64_t d) {
    return d - off >= 0 && resultType.getDimSize(d - off) != 1;
  };
  bool lanes = !kept(r - 1) && !in.isDynamicDim(r - 1) && in.getDimSize(r - 1) >= 4;
  // Loops: kept dimensions, the other reduced dimensions, the lanes (last,
  // contiguous: the vectorised loop).
  SmallVector<int64_t> order;
  for (int64_t d = 0; d < r; ++d)
    if (kept(d))
      order.push_back(d);
  int64_t numKept = order.size();
  for (int64_t d = 0; d < r; ++d)
    if (!kept(d) && !(lanes && d == r - 1))
      order.push_back(d);
  if (lanes)
    order.push_back(r - 1);
  SmallVector<AffineExpr> inExprs(r);
  for (auto [loop, d] : llvm::enumerate(order))
    inExprs[d] = dim(ctx, loop);
  SmallVector<int64_t> partialShape;
  SmallVector<Value> dyn;
  SmallVector<AffineExpr> outExprs;
  SmallVector<IteratorType> iters(r, IteratorType::reduction);
  for (int64_t loop = 0; loop < r; ++loop) {
    if (loop >= numKept && !(lanes && loop == r - 1))
      continue;
    iters[loop] = IteratorType::parallel;
    partialShape.push_back(in.getDimSize(order[loop]));
    outExprs.push_back(dim(ctx, loop));
    if (in.isDynamicDim(order[loop]))
      dyn.push_back(tensor::DimOp::create(b, loc, input, order[loop]));
  }
  auto partialType = RankedTensorType::get(partialShape, in.getElementType());
  Value sum =
      linalg::GenericOp::create(
          b, loc, TypeRange{partialType}, ValueRange{input},
          ValueRange{filled(b, loc, partialType, dyn, 0.0)},
          {AffineMap::get(r, 0, inExprs, ctx), AffineMap::get(r, 0, outExprs, ctx)},
          iters,
          [&](OpBuilder &nb, Location nl, ValueRange a) {
            linalg::YieldOp::create(
                nb, nl, arith::AddFOp::create(nb, nl, a[1], a[0]).getResult());
          })
          .getResult(0);
  if (lanes)
    sum = reduceAlong(b, loc, sum, numKept, 0.0,
                      [](const Scalar &s, Value e, Value acc) { return s.add(acc, e); });
  RankedTensorType keptType = tensorType(sum);
  SmallVector<int64_t> keptShape(keptType.getShape());
  if (keptType == resultType)
    return sum;
  // Group each result dimension of static extent 1 with a kept neighbour.
  SmallVector<ReassociationIndices> reassoc;
  if (!keptShape.empty()) {
    reassoc.resize(keptShape.size());
    int64_t group = -1;
    for (int64_t m = 0; m < k; ++m) {
      if (resultType.getDimSize(m) != 1)
        ++group;
      reassoc[std::max<int64_t>(group, 0)].push_back(m);
    }
  }
  return tensor::ExpandShapeOp::create(b, loc, resultType, sum, reassoc);
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

struct BroadcastLowering : OpConversionPattern<syna::BroadcastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::BroadcastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType();
    Value input = adaptor.getInput();
    // Extents come from `like` (only its shape is read).
    SmallVector<Value> dyn;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        dyn.push_back(tensor::DimOp::create(rewriter, loc, adaptor.getLike(), d));
    Value init = emptyTensor(rewriter, loc, type, dyn);
    Value r = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type}, ValueRange{input},
                  ValueRange{init},
                  {broadcastMap(ctx, tensorType(input), type),
                   AffineMap::getMultiDimIdentityMap(type.getRank(), ctx)},
                  SmallVector<IteratorType>(type.getRank(), IteratorType::parallel),
                  [](OpBuilder &b, Location l, ValueRange a) {
                    linalg::YieldOp::create(b, l, a[0]);
                  })
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct ReduceToShapeLowering : OpConversionPattern<syna::ReduceToShapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::ReduceToShapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, reduceToShape(rewriter, op.getLoc(),
                                         adaptor.getInput(), op.getType()));
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<syna::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    ArrayRef<int64_t> perm = op.getPermutation();
    SmallVector<Value> dyn;
    for (int64_t m = 0; m < type.getRank(); ++m)
      if (type.isDynamicDim(m))
        dyn.push_back(tensor::DimOp::create(rewriter, loc, adaptor.getInput(), perm[m]));
    Value init = emptyTensor(rewriter, loc, type, dyn);
    Value r = linalg::TransposeOp::create(rewriter, loc, adaptor.getInput(),
                                          init, perm)
                  .getResult()[0];
    rewriter.replaceOp(op, r);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Synapse tensor
//===----------------------------------------------------------------------===//

struct SynapseDenseGradLowering : OpConversionPattern<syna::SynapseDenseGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::SynapseDenseGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value x = adaptor.getX(), beta = adaptor.getBeta(), alpha = adaptor.getAlpha();
    RankedTensorType xType = tensorType(x);
    RankedTensorType dxType = cast<RankedTensorType>(op.getDx().getType());
    RankedTensorType dbType = cast<RankedTensorType>(op.getDbeta().getType());
    Type elt = xType.getElementType();
    // h = g ⊙ y
    Value h = elementwise(rewriter, loc, xType, {adaptor.getGrad(), adaptor.getY()},
                          [](const Scalar &s, ValueRange a) {
                            return s.mul(a[0], a[1]);
                          });
    AffineExpr d0 = dim(ctx, 0), d1 = dim(ctx, 1), d2 = dim(ctx, 2);
    // dx[b, j] = h[b, j]/x[b, j] − Σ_i h[b, i]·β[i, j]/(1 − β[i, j]·x[b, j]):
    // loops (b, i, j), i reduced, j innermost over contiguous rows of β.
    Value dxInit = elementwise(rewriter, loc, xType, {h, x},
                               [](const Scalar &s, ValueRange a) {
                                 return s.div(a[0], a[1]);
                               });
    Value dx = linalg::GenericOp::create(
                   rewriter, loc, TypeRange{xType}, ValueRange{h, beta, x},
                   ValueRange{dxInit},
                   {AffineMap::get(3, 0, {d0, d1}, ctx),
                    AffineMap::get(3, 0, {d1, d2}, ctx),
                    AffineMap::get(3, 0, {d0, d2}, ctx),
                    AffineMap::get(3, 0, {d0, d2}, ctx)},
                   {IteratorType::parallel, IteratorType::reduction,
                    IteratorType::parallel},
                   [&](OpBuilder &b, Location l, ValueRange a) {
                     Scalar s{b, l, elt};
                     Value den = s.sub(s.c(1.0), s.mul(a[1], a[2]));
                     Value term = s.div(s.mul(a[0], a[1]), den);
                     linalg::YieldOp::create(b, l, s.sub(a[3], term));
                   })
                   .getResult(0);
    // dβ[i, j] = −Σ_b h[b, i]·x[b, j]/(1 − β[i, j]·x[b, j]): loops (i, b, j).
    RankedTensorType betaType = tensorType(beta);
    Value dbInit = filled(rewriter, loc, betaType,
                          dynamicSizes(rewriter, loc, betaType, {beta}), 0.0);
    Value db = linalg::GenericOp::create(
                   rewriter, loc, TypeRange{betaType}, ValueRange{h, x, beta},
                   ValueRange{dbInit},
                   {AffineMap::get(3, 0, {d1, d0}, ctx),
                    AffineMap::get(3, 0, {d1, d2}, ctx),
                    AffineMap::get(3, 0, {d0, d2}, ctx),
                    AffineMap::get(3, 0, {d0, d2}, ctx)},
                   {IteratorType::parallel, IteratorType::reduction,
                    IteratorType::parallel},
                   [&](OpBuilder &b, Location l, ValueRange a) {
                     Scalar s{b, l, elt};
                     Value den = s.sub(s.c(1.0), s.mul(a[2], a[1]));
                     Value term = s.div(s.mul(a[0], a[1]), den);
                     linalg::YieldOp::create(b, l, s.sub(a[3], term));
                   })
                   .getResult(0);
    SmallVector<Value> results = {castTo(rewriter, loc, dx, dxType),
                                  castTo(rewriter, loc, db, dbType)};
    if (alpha) {
      // dα[i] = Σ_b h[b, i] / α_i
      Value sum = reduceAlong(rewriter, loc, h, 0, 0.0,
                              [](const Scalar &s, Value e, Value acc) {
                                return s.add(acc, e);
                              });
      RankedTensorType aType = tensorType(alpha);
      Value da = elementwise(rewriter, loc, aType, {sum, alpha},
                             [](const Scalar &s, ValueRange a) {
                               return s.div(a[0], a[1]);
                             });
      results.push_back(castTo(rewriter, loc, da, op.getDalpha().getType()));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Flip circuit
//===----------------------------------------------------------------------===//

/// The reverse iteration of a flip circuit (docs/math.md §7): the forward
/// states x_t, y_t are recorded, then the adjoints λ run backwards from
/// t = T − 1 to 0 while the parameter adjoints accumulate per element.
class FlipCircuitAdjoint {
public:
  FlipCircuitAdjoint(ConversionPatternRewriter &rewriter,
                     syna::FlipCircuitGradOp op,
                     syna::FlipCircuitGradOp::Adaptor adaptor)
      : rewriter(rewriter), loc(op.getLoc()), ctx(rewriter.getContext()),
        x0(adaptor.getX0()), state(tensorType(x0)),
        steps(int64_t(op.getSteps())), trajectoryAdjoint(adaptor.getGradTrajectory()),
        params({adaptor.getAlpha1(), adaptor.getAlpha2(), adaptor.getBeta1(),
                adaptor.getBeta2()}) {
    y0 = castTo(rewriter, loc, adaptor.getY0(), state);
    stateDyn = dynamicSizes(rewriter, loc, state, {x0});
    for (int64_t d = 0; d < state.getRank(); ++d)
      stateSizes.push_back(
          state.isDynamicDim(d)
              ? OpFoldResult(tensor::DimOp::create(rewriter, loc, x0, d).getResult())
              : OpFoldResult(rewriter.getIndexAttr(state.getDimSize(d))));
    for (Value p : params)
      paramMaps.push_back(broadcastMap(ctx, tensorType(p), state));
  }

  /// The adjoints of (x0, y0, α1, α2, β1, β2), in the result types of `op`.
  SmallVector<Value> build(syna::FlipCircuitGradOp op,
                           syna::FlipCircuitGradOp::Adaptor adaptor) {
    // Named values, not a structured binding: lambdas capture them in C++17.
    std::pair<Value, Value> states = forwardStates();
    Value X = states.first, Y = states.second;
    SmallVector<Value> iterInit = initialAdjoints(adaptor);
    Value zero = indexConst(rewriter, loc, 0), one = indexConst(rewriter, loc, 1);
    Value last = indexConst(rewriter, loc, steps - 1);
    auto backward = scf::ForOp::create(
        rewriter, loc, zero, indexConst(rewriter, loc, steps), one, iterInit,
        [&](OpBuilder &b, Location l, Value k, ValueRange it) {
          Value t = arith::SubIOp::create(b, l, last, k); // t = T−1 … 0
          scf::YieldOp::create(b, l, adjointStep(b, l, t, it, X, Y));
        });
    SmallVector<Value> results;
    for (auto [i, r] : llvm::enumerate(op.getResults())) {
      auto type = cast<RankedTensorType>(r.getType());
      Value v = backward.getResult(i);
      results.push_back(i < 2 ? castTo(rewriter, loc, v, type)
                              : reduceToShape(rewriter, loc, v, type));
    }
    return results;
  }

private:
  /// Offsets, sizes and strides of slice t (and, for the trajectory
  /// adjoint, component `which`) of a [T+1, (2,) state...] tensor.
  std::tuple<SmallVector<OpFoldResult>, SmallVector<OpFoldResult>,
             SmallVector<OpFoldResult>>
  sliceOf(OpBuilder &b, OpFoldResult t, std::optional<int64_t> which) {
    SmallVector<OpFoldResult> offsets = {t}, sizes = {b.getIndexAttr(1)};
    if (which) {
      offsets.push_back(b.getIndexAttr(*which));
      sizes.push_back(b.getIndexAttr(1));
    }
    for (OpFoldResult size : stateSizes) {
      offsets.push_back(b.getIndexAttr(0));
      sizes.push_back(size);
    }
    SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
    return {offsets, sizes, strides};
  }
  Value extract(OpBuilder &b, Location l, Value from, OpFoldResult t,
                std::optional<int64_t> which) {
    auto [o, s, st] = sliceOf(b, t, which);
    return tensor::ExtractSliceOp::create(b, l, state, from, o, s, st);
  }
  Value insert(OpBuilder &b, Location l, Value v, Value into, OpFoldResult t) {
    auto [o, s, st] = sliceOf(b, t, std::nullopt);
    return tensor::InsertSliceOp::create(b, l, v, into, o, s, st);
  }

  /// x_t, y_t for t = 0 … T, each in a [T+1, state] tensor.
  std::pair<Value, Value> forwardStates() {
    SmallVector<int64_t> shape = {steps + 1};
    llvm::append_range(shape, state.getShape());
    auto type = RankedTensorType::get(shape, state.getElementType());
    Value X = insert(rewriter, loc, x0, emptyTensor(rewriter, loc, type, stateDyn),
                     rewriter.getIndexAttr(0));
    Value Y = insert(rewriter, loc, y0, emptyTensor(rewriter, loc, type, stateDyn),
                     rewriter.getIndexAttr(0));
    Value one = indexConst(rewriter, loc, 1);
    AffineMap id = AffineMap::getMultiDimIdentityMap(state.getRank(), ctx);
    auto forward = scf::ForOp::create(
        rewriter, loc, indexConst(rewriter, loc, 0),
        indexConst(rewriter, loc, steps), one, ValueRange{x0, y0, X, Y},
        [&](OpBuilder &b, Location l, Value t, ValueRange it) {
          SmallVector<Value> ins = {it[0], it[1]};
          llvm::append_range(ins, params);
          SmallVector<AffineMap> maps = {id, id};
          llvm::append_range(maps, paramMaps);
          maps.append({id, id});
          auto step = linalg::GenericOp::create(
              b, l, TypeRange{state, state}, ins,
              ValueRange{emptyTensor(b, l, state, stateDyn),
                         emptyTensor(b, l, state, stateDyn)},
              maps, parallel(),
              [&](OpBuilder &nb, Location nl, ValueRange a) {
                Scalar s{nb, nl, state.getElementType()};
                linalg::YieldOp::create(
                    nb, nl,
                    ValueRange{s.synapse(a[0], a[1], a[4], a[2]),
                               s.synapse(a[0], a[1], a[5], a[3])});
              });
          Value t1 = arith::AddIOp::create(b, l, t, one);
          Value nx = step.getResult(0), ny = step.getResult(1);
          scf::YieldOp::create(b, l,
                               ValueRange{nx, ny, insert(b, l, nx, it[2], t1),
                                          insert(b, l, ny, it[3], t1)});
        });
    return {forward.getResult(2), forward.getResult(3)};
  }

  /// λ_T = grad + G[T], and zero parameter adjoints.
  SmallVector<Value> initialAdjoints(syna::FlipCircuitGradOp::Adaptor adaptor) {
    Value lx = castTo(rewriter, loc, adaptor.getGradX(), state);
    Value ly = castTo(rewriter, loc, adaptor.getGradY(), state);
    auto addInto = [&](Value a, Value b) {
      return elementwise(rewriter, loc, state, {a, b},
                         [](const Scalar &s, ValueRange v) { return s.add(v[0], v[1]); });
    };
    if (trajectoryAdjoint) {
      OpFoldResult T = rewriter.getIndexAttr(steps);
      lx = addInto(lx, extract(rewriter, loc, trajectoryAdjoint, T, 0));
      ly = addInto(ly, extract(rewriter, loc, trajectoryAdjoint, T, 1));
    }
    SmallVector<Value> adjoints = {lx, ly};
    for (int i = 0; i < 4; ++i)
      adjoints.push_back(filled(rewriter, loc, state, stateDyn, 0.0));
    return adjoints;
  }

  /// One step back: λ_t from λ_{t+1}, and the parameter adjoints.
  ValueRange adjointStep(OpBuilder &b, Location l, Value t, ValueRange it,
                         Value X, Value Y) {
    AffineMap id = AffineMap::getMultiDimIdentityMap(state.getRank(), ctx);
    SmallVector<Value> ins = {it[0], it[1], extract(b, l, X, t, std::nullopt),
                              extract(b, l, Y, t, std::nullopt)};
    llvm::append_range(ins, params);
    SmallVector<AffineMap> maps = {id, id, id, id};
    llvm::append_range(maps, paramMaps);
    bool withTrajectory = static_cast<bool>(trajectoryAdjoint);
    if (withTrajectory) {
      ins.push_back(extract(b, l, trajectoryAdjoint, t, 0));
      ins.push_back(extract(b, l, trajectoryAdjoint, t, 1));
      maps.append({id, id});
    }
    SmallVector<Value> outs = {emptyTensor(b, l, state, stateDyn),
                               emptyTensor(b, l, state, stateDyn)};
    llvm::append_range(outs, it.drop_front(2));
    maps.append(6, id);
    return linalg::GenericOp::create(
               b, l, SmallVector<Type>(6, state), ins, outs, maps, parallel(),
               [&](OpBuilder &nb, Location nl, ValueRange a) {
                 linalg::YieldOp::create(
                     nb, nl, adjointPayload(nb, nl, a, withTrajectory));
               })
        .getResults();
  }

  /// λx' = λx·α1·(1 − β1·y) + λy·α2·(1 − β2·y) (+ G_x[t]),
  /// λy' = −(λx·α1·β1 + λy·α2·β2)·x (+ G_y[t]), and the increments of
  /// dα1 = Σ λx·x·(1 − β1·y), dβ1 = −Σ λx·α1·x·y (likewise α2, β2).
  SmallVector<Value> adjointPayload(OpBuilder &nb, Location nl, ValueRange a,
                                    bool withTrajectory) {
    Scalar s{nb, nl, state.getElementType()};
    Value lx = a[0], ly = a[1], x = a[2], y = a[3];
    Value a1 = a[4], a2 = a[5], b1 = a[6], b2 = a[7];
    unsigned o = withTrajectory ? 10 : 8; // the first output's block argument
    Value f1 = s.sub(s.c(1.0), s.mul(b1, y));
    Value f2 = s.sub(s.c(1.0), s.mul(b2, y));
    Value nlx = s.add(s.mul(lx, s.mul(a1, f1)), s.mul(ly, s.mul(a2, f2)));
    Value nly = s.neg(s.add(s.mul(lx, s.mul(s.mul(a1, b1), x)),
                            s.mul(ly, s.mul(s.mul(a2, b2), x))));
    if (withTrajectory) {
      nlx = s.add(a[8], nlx);
      nly = s.add(a[9], nly);
    }
    Value xy = s.mul(x, y);
    return {nlx,
            nly,
            s.add(a[o + 2], s.mul(lx, s.mul(x, f1))),
            s.add(a[o + 3], s.mul(ly, s.mul(x, f2))),
            s.sub(a[o + 4], s.mul(lx, s.mul(a1, xy))),
            s.sub(a[o + 5], s.mul(ly, s.mul(a2, xy)))};
  }

  SmallVector<IteratorType> parallel() const {
    return SmallVector<IteratorType>(state.getRank(), IteratorType::parallel);
  }

  ConversionPatternRewriter &rewriter;
  Location loc;
  MLIRContext *ctx;
  Value x0, y0;
  RankedTensorType state;
  int64_t steps;
  Value trajectoryAdjoint; // null without a trajectory result
  SmallVector<Value> params;
  SmallVector<Value> stateDyn;
  SmallVector<OpFoldResult> stateSizes;
  SmallVector<AffineMap> paramMaps;
};

struct FlipCircuitGradLowering : OpConversionPattern<syna::FlipCircuitGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::FlipCircuitGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FlipCircuitAdjoint adjoint(rewriter, op, adaptor);
    rewriter.replaceOp(op, adjoint.build(op, adaptor));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

/// dx = conv(pad(dilate(g, s), K − 1 − p), flip(Wᵀ)) with stride 1:
/// dx[i] = Σ_kh g[p]·W[kh] over p·s + kh = i + pad becomes, with
/// a = K − 1 − kh, Σ_a gp[i + a]·W[K − 1 − a] where gp is g placed at
/// rows K − 1 − pad + p·s of a zero tensor of H + K − 1 rows.
struct Conv2DInputGradLowering : OpConversionPattern<syna::Conv2DInputGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::Conv2DInputGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType(); // B×C×H×W, H, W static
    Value g = adaptor.getGrad(), w = adaptor.getWeight();
    RankedTensorType gType = tensorType(g), wType = tensorType(w);
    Type elt = type.getElementType();
    ArrayRef<int64_t> stride = op.getStrides(), pad = op.getPadding();
    if (wType.isDynamicDim(2) || wType.isDynamicDim(3))
      return op.emitOpError("lowering needs a static kernel size, got ") << wType;
    int64_t K[2] = {wType.getDimSize(2), wType.getDimSize(3)};
    for (int i = 0; i < 2; ++i)
      if (pad[i] > K[i] - 1)
        return op.emitOpError("lowering supports padding <= kernel - 1, got padding ")
               << pad[i] << " for kernel " << K[i];
    // No output channel (or an empty kernel): nothing flows back, and the
    // window arithmetic below would slice an empty tensor.
    if (llvm::is_contained(wType.getShape(), 0)) {
      SmallVector<Value> dynamic;
      for (int64_t d = 0; d < type.getRank(); ++d)
        if (type.isDynamicDim(d))
          dynamic.push_back(tensor::DimOp::create(rewriter, loc, d == 1 ? w : g, d));
      rewriter.replaceOp(op, filled(rewriter, loc, type, dynamic, 0.0));
      return success();
    }
    // gp: B×O×(H + KH − 1)×(W + KW − 1), zero but for the adjoint.
    SmallVector<int64_t> gpShape = {gType.getDimSize(0), gType.getDimSize(1),
                                    type.getDimSize(2) + K[0] - 1,
                                    type.getDimSize(3) + K[1] - 1};
    auto gpType = RankedTensorType::get(gpShape, elt);
    SmallVector<Value> gpDyn;
    for (int64_t d = 0; d < 4; ++d)
      if (gpType.isDynamicDim(d))
        gpDyn.push_back(tensor::DimOp::create(rewriter, loc, g, d));
    Value gp = embedInZeros(rewriter, loc, g, gpType, gpDyn,
                            {K[0] - 1 - pad[0], K[1] - 1 - pad[1]}, stride);
    // Wf[c, o, a, b] = W[o, c, KH − 1 − a, KW − 1 − b]
    auto wfType = RankedTensorType::get({wType.getDimSize(1), wType.getDimSize(0),
                                         K[0], K[1]}, elt);
    SmallVector<Value> wfDyn;
    if (wfType.isDynamicDim(0))
      wfDyn.push_back(tensor::DimOp::create(rewriter, loc, w, 1));
    if (wfType.isDynamicDim(1))
      wfDyn.push_back(tensor::DimOp::create(rewriter, loc, w, 0));
    AffineMap flip = AffineMap::get(
        4, 0, {dim(ctx, 1), dim(ctx, 0), K[0] - 1 - dim(ctx, 2), K[1] - 1 - dim(ctx, 3)},
        ctx);
    Value wf = linalg::GenericOp::create(
                   rewriter, loc, TypeRange{wfType}, ValueRange{w},
                   ValueRange{emptyTensor(rewriter, loc, wfType, wfDyn)},
                   {flip, AffineMap::getMultiDimIdentityMap(4, ctx)},
                   SmallVector<IteratorType>(4, IteratorType::parallel),
                   [](OpBuilder &b, Location l, ValueRange a) {
                     linalg::YieldOp::create(b, l, a[0]);
                   })
                   .getResult(0);
    SmallVector<Value> dyn;
    if (type.isDynamicDim(0))
      dyn.push_back(tensor::DimOp::create(rewriter, loc, g, 0));
    if (type.isDynamicDim(1))
      dyn.push_back(tensor::DimOp::create(rewriter, loc, w, 1));
    Value init = filled(rewriter, loc, type, dyn, 0.0);
    SmallVector<NamedAttribute> attrs = {
        rewriter.getNamedAttr("strides", rewriter.getI64TensorAttr({1, 1})),
        rewriter.getNamedAttr("dilations", rewriter.getI64TensorAttr({1, 1}))};
    Value r = linalg::Conv2DNchwFchwOp::create(rewriter, loc, TypeRange{type},
                                               ValueRange{gp, wf}, ValueRange{init},
                                               attrs)
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

/// dW[o, c, kh, kw] = Σ_{b, p, q} g[b, o, p, q]·xpad[b, c, p·sh + kh, q·sw + kw]
struct Conv2DWeightGradLowering : OpConversionPattern<syna::Conv2DWeightGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::Conv2DWeightGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType(); // O×C×KH×KW, KH, KW static
    Type elt = type.getElementType();
    Value x = adaptor.getInput(), g = adaptor.getGrad();
    ArrayRef<int64_t> stride = op.getStrides(), pad = op.getPadding();
    if (pad[0] != 0 || pad[1] != 0) {
      FailureOr<Value> padded = zeroPadded(rewriter, loc, x, pad);
      if (failed(padded))
        return op.emitOpError("lowering needs static channels, height and "
                              "width of the input, got ")
               << tensorType(x);
      x = *padded;
    }
    SmallVector<Value> dyn;
    if (type.isDynamicDim(0))
      dyn.push_back(tensor::DimOp::create(rewriter, loc, g, 1));
    if (type.isDynamicDim(1))
      dyn.push_back(tensor::DimOp::create(rewriter, loc, x, 1));
    auto d = [&](unsigned i) { return dim(ctx, i); };
    int64_t ow = tensorType(g).getDimSize(3);
    if (!ShapedType::isDynamic(ow)) {
      // Innermost, the reduction over q would fold a vector to a scalar at
      // every step. Instead keep q as a parallel loop, contiguous in g and
      // x, into T[o, c, kh, kw, q] = Σ_{b, p} (vectorised over q), then
      // dW = Σ_q T (the same sum, reassociated).
      SmallVector<int64_t> tShape(type.getShape());
      tShape.push_back(ow);
      auto tType = RankedTensorType::get(tShape, elt);
      Value t = linalg::GenericOp::create(
                    rewriter, loc, TypeRange{tType}, ValueRange{g, x},
                    ValueRange{filled(rewriter, loc, tType, dyn, 0.0)},
                    {AffineMap::get(7, 0, {d(4), d(0), d(5), d(6)}, ctx),
                     AffineMap::get(7, 0, {d(4), d(1), d(5) * stride[0] + d(2), d(6) * stride[1] + d(3)}, ctx),
                     AffineMap::get(7, 0, {d(0), d(1), d(2), d(3), d(6)}, ctx)},
                    {IteratorType::parallel, IteratorType::parallel,
                     IteratorType::parallel, IteratorType::parallel,
                     IteratorType::reduction, IteratorType::reduction,
                     IteratorType::parallel},
                    [&](OpBuilder &b, Location l, ValueRange a) {
                      Scalar s{b, l, elt};
                      linalg::YieldOp::create(b, l, s.add(a[2], s.mul(a[0], a[1])));
                    })
                    .getResult(0);
      Value r = reduceAlong(rewriter, loc, t, 4, 0.0,
                            [](const Scalar &s, Value e, Value acc) {
                              return s.add(acc, e);
                            });
      rewriter.replaceOp(op, castTo(rewriter, loc, r, type));
      return success();
    }
    Value init = filled(rewriter, loc, type, dyn, 0.0);
    // Loops (o, c, kh, kw, b, p, q).
    SmallVector<AffineMap> maps = {
        AffineMap::get(7, 0, {d(4), d(0), d(5), d(6)}, ctx),
        AffineMap::get(7, 0, {d(4), d(1), d(5) * stride[0] + d(2), d(6) * stride[1] + d(3)}, ctx),
        AffineMap::get(7, 0, {d(0), d(1), d(2), d(3)}, ctx)};
    SmallVector<IteratorType> iters(4, IteratorType::parallel);
    iters.append(3, IteratorType::reduction);
    Value r = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type}, ValueRange{g, x}, ValueRange{init},
                  maps, iters,
                  [&](OpBuilder &b, Location l, ValueRange a) {
                    Scalar s{b, l, elt};
                    linalg::YieldOp::create(b, l, s.add(a[2], s.mul(a[0], a[1])));
                  })
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

/// The body of the window argmax: (max, first position) of the visited
/// elements, given the element, its position kh·KW + kw and the accumulators.
/// The combination (larger value, or equal value and smaller position) does
/// not depend on the order in which the reduction visits the window.
void argmaxStep(OpBuilder &b, Location l, Type elt, Value v, Value kh,
                Value kw, int64_t kwExtent, Value max, Value first) {
  Scalar s{b, l, elt};
  Value pos = arith::AddIOp::create(
      b, l, arith::MulIOp::create(b, l, kh, indexConst(b, l, kwExtent)), kw);
  pos = arith::IndexCastOp::create(b, l, b.getI64Type(), pos);
  Value gt = s.cmp(arith::CmpFPredicate::OGT, v, max);
  Value eq = s.cmp(arith::CmpFPredicate::OEQ, v, max);
  Value earlier = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, pos, first);
  Value take = arith::OrIOp::create(b, l, gt, arith::AndIOp::create(b, l, eq, earlier));
  linalg::YieldOp::create(b, l, ValueRange{s.select(take, v, max),
                                           s.select(take, pos, first)});
}

/// max_pool2d_grad with windows that tile x exactly (strides = kernel,
/// H = OH·KH, W = OW·KW): x viewed as B×C×OH×KH×OW×KW makes both loop nests
/// projected permutations, so the argmax vectorises along ow (no
/// data-dependent branches) and dx is written once per element, without
/// the index arithmetic and gathers of the general scatter. Null otherwise.
Value maxPoolGradDisjoint(ConversionPatternRewriter &rewriter, Location loc,
                          syna::MaxPool2DGradOp op, Value x, Value g) {
  MLIRContext *ctx = rewriter.getContext();
  RankedTensorType type = op.getType(), gType = tensorType(g);
  ArrayRef<int64_t> kernel = op.getKernel();
  if (op.getEffectiveStrides() != kernel || type.isDynamicDim(2) ||
      type.isDynamicDim(3) || gType.isDynamicDim(2) || gType.isDynamicDim(3) ||
      type.getDimSize(2) != gType.getDimSize(2) * kernel[0] ||
      type.getDimSize(3) != gType.getDimSize(3) * kernel[1])
    return {};
  Type elt = type.getElementType(), i64 = rewriter.getI64Type();
  auto d = [&](unsigned i) { return dim(ctx, i); };
  int64_t oh = gType.getDimSize(2), ow = gType.getDimSize(3);
  SmallVector<int64_t> eShape = {type.getDimSize(0), type.getDimSize(1), oh,
                                 kernel[0],          ow,                 kernel[1]};
  auto eType = RankedTensorType::get(eShape, elt);
  SmallVector<ReassociationIndices> reassoc = {{0}, {1}, {2, 3}, {4, 5}};
  SmallVector<OpFoldResult> eSizes;
  for (int64_t i = 0; i < 6; ++i)
    eSizes.push_back(ShapedType::isDynamic(eShape[i])
                         ? OpFoldResult(tensor::DimOp::create(rewriter, loc, x, i).getResult())
                         : OpFoldResult(rewriter.getIndexAttr(eShape[i])));
  Value xe = tensor::ExpandShapeOp::create(rewriter, loc, eType, x, reassoc, eSizes);

  // 1. Loops (b, c, oh, ow, kh, kw) over xe[b, c, oh, kh, ow, kw].
  SmallVector<Value> gDyn = dynamicSizes(rewriter, loc, gType, {g});
  auto idxType = RankedTensorType::get(gType.getShape(), i64);
  Value maxInit = filled(rewriter, loc, gType, gDyn, -INFINITY);
  Value idxInit =
      linalg::FillOp::create(
          rewriter, loc,
          arith::ConstantOp::create(rewriter, loc, i64,
                                    rewriter.getI64IntegerAttr(kernel[0] * kernel[1]))
              .getResult(),
          emptyTensor(rewriter, loc, idxType, gDyn))
          .getResult(0);
  SmallVector<IteratorType> iters(4, IteratorType::parallel);
  iters.append(2, IteratorType::reduction);
  AffineMap out4 = AffineMap::get(6, 0, {d(0), d(1), d(2), d(3)}, ctx);
  Value idx =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{gType, idxType}, ValueRange{xe},
          ValueRange{maxInit, idxInit},
          {AffineMap::get(6, 0, {d(0), d(1), d(2), d(4), d(3), d(5)}, ctx), out4, out4},
          iters,
          [&](OpBuilder &b, Location l, ValueRange a) {
            argmaxStep(b, l, elt, a[0], linalg::IndexOp::create(b, l, 4),
                       linalg::IndexOp::create(b, l, 5), kernel[1], a[1], a[2]);
          })
          .getResult(1);

  // 2. dxe[b, c, oh, kh, ow, kw] = g[b, c, oh, ow] where (kh, kw) is the
  // window's first maximum, else 0.
  AffineMap window = AffineMap::get(6, 0, {d(0), d(1), d(2), d(4)}, ctx);
  Value dxe =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{eType}, ValueRange{idx, g},
          ValueRange{emptyTensor(rewriter, loc, eType,
                                 dynamicSizes(rewriter, loc, eType, {xe}))},
          {window, window, AffineMap::getMultiDimIdentityMap(6, ctx)},
          SmallVector<IteratorType>(6, IteratorType::parallel),
          [&](OpBuilder &b, Location l, ValueRange a) {
            Scalar s{b, l, elt};
            Value pos = arith::AddIOp::create(
                b, l,
                arith::MulIOp::create(b, l, linalg::IndexOp::create(b, l, 3),
                                      indexConst(b, l, kernel[1])),
                linalg::IndexOp::create(b, l, 5));
            pos = arith::IndexCastOp::create(b, l, i64, pos);
            Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, pos, a[0]);
            linalg::YieldOp::create(b, l, s.select(hit, a[1], s.c(0.0)));
          })
          .getResult(0);
  return tensor::CollapseShapeOp::create(rewriter, loc, type, dxe, reassoc);
}

struct MaxPool2DGradLowering : OpConversionPattern<syna::MaxPool2DGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::MaxPool2DGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value x = adaptor.getInput(), g = adaptor.getGrad();
    if (Value dx = maxPoolGradDisjoint(rewriter, loc, op, x, g)) {
      rewriter.replaceOp(op, dx);
      return success();
    }
    RankedTensorType type = op.getType(), gType = tensorType(g);
    Type elt = type.getElementType();
    Type i64 = rewriter.getI64Type();
    ArrayRef<int64_t> kernel = op.getKernel();
    ArrayRef<int64_t> stride = op.getEffectiveStrides();
    auto d = [&](unsigned i) { return dim(ctx, i); };
    Value window = tensor::EmptyOp::create(rewriter, loc, kernel, elt);
    SmallVector<Value> gDyn = dynamicSizes(rewriter, loc, gType, {g});

    // 1. Per window the position kh·KW + kw of its first maximum.
    auto idxType = RankedTensorType::get(gType.getShape(), i64);
    Value maxInit = filled(rewriter, loc, gType, gDyn, -INFINITY);
    Value idxInit = linalg::FillOp::create(
                        rewriter, loc,
                        arith::ConstantOp::create(rewriter, loc, i64,
                                                  rewriter.getI64IntegerAttr(kernel[0] * kernel[1])).getResult(),
                        emptyTensor(rewriter, loc, idxType, gDyn))
                        .getResult(0);
    SmallVector<IteratorType> iters(4, IteratorType::parallel);
    iters.append(2, IteratorType::reduction);
    auto argmax = linalg::GenericOp::create(
        rewriter, loc, TypeRange{gType, idxType}, ValueRange{x, window},
        ValueRange{maxInit, idxInit},
        {AffineMap::get(6, 0, {d(0), d(1), d(2) * stride[0] + d(4), d(3) * stride[1] + d(5)}, ctx),
         AffineMap::get(6, 0, {d(4), d(5)}, ctx),
         AffineMap::get(6, 0, {d(0), d(1), d(2), d(3)}, ctx),
         AffineMap::get(6, 0, {d(0), d(1), d(2), d(3)}, ctx)},
        iters, [&](OpBuilder &b, Location l, ValueRange a) {
          argmaxStep(b, l, elt, a[0], linalg::IndexOp::create(b, l, 4),
                     linalg::IndexOp::create(b, l, 5), kernel[1], a[2], a[3]);
        });
    Value idx = argmax.getResult(1);

    // 2. dx[b, c, i, j] = Σ over windows (p, q) whose first maximum is (i, j)
    // of g[b, c, p, q]: loops (b, c, i, j, kh, kw) with p·sh = i − kh.
    SmallVector<Value> dyn = dynamicSizes(rewriter, loc, type, {x});
    Value init = filled(rewriter, loc, type, dyn, 0.0);
    Value oh = tensor::DimOp::create(rewriter, loc, g, 2);
    Value ow = tensor::DimOp::create(rewriter, loc, g, 3);
    Value r = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type}, ValueRange{window}, ValueRange{init},
                  {AffineMap::get(6, 0, {d(4), d(5)}, ctx),
                   AffineMap::get(6, 0, {d(0), d(1), d(2), d(3)}, ctx)},
                  iters, [&](OpBuilder &b, Location l, ValueRange a) {
                    Scalar s{b, l, elt};
                    auto ix = [&](unsigned i) { return linalg::IndexOp::create(b, l, i).getResult(); };
                    Value zero = indexConst(b, l, 0);
                    Value kh = ix(4), kw = ix(5);
                    // p = (i − kh)/sh when that is a window row, else invalid.
                    auto window = [&](Value i, Value k, int64_t st, Value extent,
                                      Value &valid) {
                      Value diff = arith::SubIOp::create(b, l, i, k);
                      valid = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, diff, zero);
                      Value p = diff;
                      if (st != 1) {
                        Value stc = indexConst(b, l, st);
                        Value rem = arith::RemSIOp::create(b, l, diff, stc);
                        valid = arith::AndIOp::create(
                            b, l, valid,
                            arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, rem, zero));
                        p = arith::DivSIOp::create(b, l, diff, stc);
                      }
                      valid = arith::AndIOp::create(
                          b, l, valid,
                          arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, p, extent));
                      return arith::SelectOp::create(b, l, valid, p, zero).getResult();
                    };
                    Value vp, vq;
                    Value p = window(ix(2), kh, stride[0], oh, vp);
                    Value q = window(ix(3), kw, stride[1], ow, vq);
                    SmallVector<Value> at = {ix(0), ix(1), p, q};
                    Value best = tensor::ExtractOp::create(b, l, idx, at);
                    Value gv = tensor::ExtractOp::create(b, l, g, at);
                    Value pos = arith::AddIOp::create(
                        b, l, arith::MulIOp::create(b, l, kh, indexConst(b, l, kernel[1])), kw);
                    pos = arith::IndexCastOp::create(b, l, i64, pos);
                    Value hit = arith::AndIOp::create(
                        b, l, arith::AndIOp::create(b, l, vp, vq),
                        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, pos, best));
                    linalg::YieldOp::create(b, l, s.add(a[1], s.select(hit, gv, s.c(0.0))));
                  })
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Batch normalisation and loss
//===----------------------------------------------------------------------===//

struct BatchNormGradLowering : OpConversionPattern<syna::BatchNormGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::BatchNormGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value x = adaptor.getInput(), g = adaptor.getGrad(), scale = adaptor.getScale();
    RankedTensorType type = tensorType(x);
    RankedTensorType vecType = tensorType(scale);
    Type elt = type.getElementType();
    int64_t rank = type.getRank();
    double eps = op.getEpsilon().convertToDouble();
    bool training = op.getTraining();
    SmallVector<Value> vecDyn = dynamicSizes(rewriter, loc, vecType, {scale});
    AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap ch = channelMap(ctx, rank);
    SmallVector<IteratorType> red(rank, IteratorType::reduction);
    red[1] = IteratorType::parallel;
    // N = elements per channel.
    Value countF;
    {
      Value count = indexConst(rewriter, loc, 1);
      for (int64_t d = 0; d < rank; ++d)
        if (d != 1)
          count = arith::MulIOp::create(rewriter, loc, count,
                                        tensor::DimOp::create(rewriter, loc, x, d));
      countF = arith::SIToFPOp::create(
          rewriter, loc, elt,
          arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), count));
    }
    auto channelSum = [&](ValueRange ins, ArrayRef<AffineMap> inMaps,
                          function_ref<Value(const Scalar &, ValueRange)> term) {
      SmallVector<AffineMap> maps(inMaps);
      maps.push_back(ch);
      return linalg::GenericOp::create(
                 rewriter, loc, TypeRange{vecType}, ins,
                 ValueRange{filled(rewriter, loc, vecType, vecDyn, 0.0)}, maps, red,
                 [&](OpBuilder &b, Location l, ValueRange a) {
                   Scalar s{b, l, elt};
                   linalg::YieldOp::create(b, l, s.add(a.back(), term(s, a.drop_back())));
                 })
          .getResult(0);
    };
    Value mean = adaptor.getRunningMean(), var = adaptor.getRunningVar();
    if (training) {
      // Batch statistics (biased variance), as the forward op computes them.
      Value sum = channelSum({x}, {id}, [](const Scalar &, ValueRange a) { return a[0]; });
      mean = elementwise(rewriter, loc, vecType, {sum},
                         [&](const Scalar &s, ValueRange a) { return s.div(a[0], countF); });
      Value sq = channelSum({x, mean}, {id, ch}, [](const Scalar &s, ValueRange a) {
        Value dv = s.sub(a[0], a[1]);
        return s.mul(dv, dv);
      });
      var = elementwise(rewriter, loc, vecType, {sq},
                        [&](const Scalar &s, ValueRange a) { return s.div(a[0], countF); });
    }
    // dshift = Σ g, dscale = Σ g·x̂ in one pass over the input.
    auto sums = linalg::GenericOp::create(
        rewriter, loc, TypeRange{vecType, vecType}, ValueRange{x, g, mean, var},
        ValueRange{filled(rewriter, loc, vecType, vecDyn, 0.0),
                   filled(rewriter, loc, vecType, vecDyn, 0.0)},
        {id, id, ch, ch, ch, ch}, red, [&](OpBuilder &b, Location l, ValueRange a) {
          Scalar s{b, l, elt};
          Value inv = s.div(s.c(1.0), s.sqrt(s.add(a[3], s.c(eps))));
          Value xhat = s.mul(s.sub(a[0], a[2]), inv);
          linalg::YieldOp::create(
              b, l, ValueRange{s.add(a[4], a[1]), s.add(a[5], s.mul(a[1], xhat))});
        });
    Value dshift = sums.getResult(0), dscale = sums.getResult(1);
    Value dx = linalg::GenericOp::create(
                   rewriter, loc, TypeRange{type},
                   ValueRange{x, g, scale, mean, var, dshift, dscale},
                   ValueRange{emptyTensor(rewriter, loc, type,
                                          dynamicSizes(rewriter, loc, type, {x}))},
                   {id, id, ch, ch, ch, ch, ch, id},
                   SmallVector<IteratorType>(rank, IteratorType::parallel),
                   [&](OpBuilder &b, Location l, ValueRange a) {
                     Scalar s{b, l, elt};
                     Value inv = s.div(s.c(1.0), s.sqrt(s.add(a[4], s.c(eps))));
                     Value k = s.mul(a[2], inv);
                     Value v = a[1];
                     if (training) {
                       Value xhat = s.mul(s.sub(a[0], a[3]), inv);
                       v = s.sub(s.sub(v, s.div(a[5], countF)),
                                 s.mul(xhat, s.div(a[6], countF)));
                     }
                     linalg::YieldOp::create(b, l, s.mul(k, v));
                   })
                   .getResult(0);
    rewriter.replaceOp(op, {dx, dscale, dshift});
    return success();
  }
};

/// result[b, c] = −g·w where c = labels[b] (w = 1/B or 1), else 0.
struct NllLossGradLowering : OpConversionPattern<syna::NllLossGradOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::NllLossGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType();
    Type elt = type.getElementType();
    Value input = adaptor.getInput(), labels = adaptor.getLabels();
    Type labelType = tensorType(labels).getElementType();
    Value batchF = op.getReduction() == syna::Reduction::Mean
                       ? extentAsFloat(rewriter, loc, input, 0, elt)
                       : Value();
    Value init = emptyTensor(rewriter, loc, type, dynamicSizes(rewriter, loc, type, {input}));
    Value r = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type}, ValueRange{labels, adaptor.getGrad()},
                  ValueRange{init},
                  {AffineMap::get(2, 0, {dim(ctx, 0)}, ctx), AffineMap::get(2, 0, {}, ctx),
                   AffineMap::getMultiDimIdentityMap(2, ctx)},
                  {IteratorType::parallel, IteratorType::parallel},
                  [&](OpBuilder &b, Location l, ValueRange a) {
                    Scalar s{b, l, elt};
                    Value c = linalg::IndexOp::create(b, l, 1);
                    Value ci = arith::IndexCastOp::create(b, l, labelType, c);
                    Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, ci, a[0]);
                    Value v = s.neg(a[1]);
                    if (batchF)
                      v = s.div(v, batchF);
                    linalg::YieldOp::create(b, l, s.select(hit, v, s.c(0.0)));
                  })
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

} // namespace

void populateGradOpLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<BroadcastLowering, ReduceToShapeLowering, TransposeLowering,
               SynapseDenseGradLowering, FlipCircuitGradLowering,
               Conv2DInputGradLowering, Conv2DWeightGradLowering,
               MaxPool2DGradLowering, BatchNormGradLowering,
               NllLossGradLowering>(patterns.getContext());
}

} // namespace syna::lowering
