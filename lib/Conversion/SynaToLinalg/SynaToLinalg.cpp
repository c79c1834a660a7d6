//===- SynaToLinalg.cpp - lower syna ops to linalg and friends ------------===//
//
// Every syna op lowers to linalg/tensor/arith/math/scf/ml_program. The
// scalar formulas are the stable forms of docs/math.md §9 (and ScalarFunctions.h):
//   conjugate G(u)   = u ≤ ln 2 ? −log(−expm1(−u)) : −log1p(−e^{−u})
//   bose_einstein    = 1/expm1(u)
//   sigmoid          = x ≥ 0 ? 1/(1 + e^{−x}) : e^{x}/(1 + e^{x})
// The synapse tensor accumulates Σ_j log1p(−β_ij·x_j) and exponentiates once.
//
//===----------------------------------------------------------------------===//
#include "syna/Conversion/Passes.h"
#include "syna/Conversion/DomainMaps.h"
#include "syna/Conversion/ParamInit.h"
#include "LoweringUtils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

#include <cmath>
#include <random>

namespace syna {
#define GEN_PASS_DEF_CONVERTSYNATOLINALG
#include "syna/Conversion/Passes.h.inc"
} // namespace syna

using namespace mlir;
using utils::IteratorType;

namespace syna::lowering {

//===----------------------------------------------------------------------===//
// Structured-op helpers
//===----------------------------------------------------------------------===//

/// Indexing map that reads `operand` broadcast (NumPy rules) into a loop nest
/// of `resultRank` loops.
AffineMap broadcastMap(MLIRContext *ctx, RankedTensorType operand,
                       RankedTensorType result) {
  int64_t rank = result.getRank();
  int64_t offset = rank - operand.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t k = 0; k < operand.getRank(); ++k) {
    int64_t d = k + offset;
    if (operand.getDimSize(k) == 1 && result.getDimSize(d) != 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(d, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

/// Dynamic extents of `result`, read from operands that carry them.
SmallVector<Value> dynamicSizes(OpBuilder &b, Location loc,
                                RankedTensorType result, ValueRange operands) {
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < result.getRank(); ++d) {
    if (!result.isDynamicDim(d))
      continue;
    Value size;
    for (Value operand : operands) {
      RankedTensorType type = tensorType(operand);
      int64_t k = d - (result.getRank() - type.getRank());
      if (k < 0 || type.getDimSize(k) == 1)
        continue;
      size = tensor::DimOp::create(b, loc, operand, k);
      break;
    }
    if (!size) // every operand has a 1 there: the broadcast extent is 1
      size = arith::ConstantIndexOp::create(b, loc, 1);
    sizes.push_back(size);
  }
  return sizes;
}

Value emptyTensor(OpBuilder &b, Location loc, RankedTensorType type,
                  ValueRange dynSizes) {
  return tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType(),
                                 dynSizes);
}

Value filled(OpBuilder &b, Location loc, RankedTensorType type,
             ValueRange dynSizes, double value) {
  Value init = emptyTensor(b, loc, type, dynSizes);
  Value c = arith::ConstantOp::create(
      b, loc, type.getElementType(),
      b.getFloatAttr(type.getElementType(), value));
  return linalg::FillOp::create(b, loc, c, init).getResult(0);
}

FailureOr<Value> zeroPadded(OpBuilder &b, Location loc, Value image,
                            ArrayRef<int64_t> pad) {
  auto type = cast<RankedTensorType>(image.getType());
  if (type.isDynamicDim(1) || type.isDynamicDim(2) || type.isDynamicDim(3))
    return failure();
  SmallVector<int64_t> shape(type.getShape());
  shape[2] += 2 * pad[0];
  shape[3] += 2 * pad[1];
  SmallVector<Value> dynSizes;
  if (type.isDynamicDim(0))
    dynSizes.push_back(tensor::DimOp::create(b, loc, image, 0));
  return embedInZeros(b, loc, image, type.clone(shape), dynSizes, pad, {1, 1});
}

Value embedInZeros(OpBuilder &b, Location loc, Value image,
                   RankedTensorType type, ValueRange dynSizes,
                   ArrayRef<int64_t> offsets, ArrayRef<int64_t> strides) {
  Value zeros = filled(b, loc, type, dynSizes, 0.0);
  SmallVector<OpFoldResult> at = {b.getIndexAttr(0), b.getIndexAttr(0),
                                  b.getIndexAttr(offsets[0]),
                                  b.getIndexAttr(offsets[1])};
  SmallVector<OpFoldResult> step = {b.getIndexAttr(1), b.getIndexAttr(1),
                                    b.getIndexAttr(strides[0]),
                                    b.getIndexAttr(strides[1])};
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, image);
  Value window = tensor::ExtractSliceOp::create(
      b, loc, cast<RankedTensorType>(image.getType()), zeros, at, sizes, step);
  Value copied = linalg::CopyOp::create(b, loc, image, window).getResult(0);
  return tensor::InsertSliceOp::create(b, loc, copied, zeros, at, sizes, step);
}

/// result[i] = fn(inputs[broadcast(i)]...)
Value elementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                  ValueRange inputs, ScalarFn fn) {
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps;
  for (Value in : inputs)
    maps.push_back(broadcastMap(ctx, tensorType(in), resultType));
  maps.push_back(AffineMap::getMultiDimIdentityMap(resultType.getRank(), ctx));
  Value init = emptyTensor(b, loc, resultType,
                           dynamicSizes(b, loc, resultType, inputs));
  SmallVector<IteratorType> iters(resultType.getRank(), IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps, iters,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Scalar s{nb, nloc, resultType.getElementType()};
        Value v = fn(s, args.drop_back());
        linalg::YieldOp::create(nb, nloc, v);
      });
  return generic.getResult(0);
}

/// Reduces `input` along `axis` (the result drops that dimension) with
/// `combine(element, accumulator)`, starting from `initValue`.
Value reduceAlong(OpBuilder &b, Location loc, Value input, int64_t axis,
                  double initValue,
                  function_ref<Value(const Scalar &, Value, Value)> combine) {
  MLIRContext *ctx = b.getContext();
  RankedTensorType type = tensorType(input);
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape;
  SmallVector<Value> dyn;
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < rank; ++d) {
    if (d == axis)
      continue;
    shape.push_back(type.getDimSize(d));
    outExprs.push_back(getAffineDimExpr(d, ctx));
    if (type.isDynamicDim(d))
      dyn.push_back(tensor::DimOp::create(b, loc, input, d));
  }
  auto outType = RankedTensorType::get(shape, type.getElementType());
  Value init = filled(b, loc, outType, dyn, initValue);
  SmallVector<IteratorType> iters(rank, IteratorType::parallel);
  iters[axis] = IteratorType::reduction;
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx),
                                 AffineMap::get(rank, 0, outExprs, ctx)};
  return linalg::GenericOp::create(
             b, loc, TypeRange{outType}, ValueRange{input}, ValueRange{init},
             maps, iters,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Scalar s{nb, nloc, type.getElementType()};
               linalg::YieldOp::create(nb, nloc, combine(s, args[0], args[1]));
             })
      .getResult(0);
}

/// Map of a tensor of the input's rank with `axis` dropped, read back into
/// the full loop nest.
AffineMap droppedAxisMap(MLIRContext *ctx, int64_t rank, int64_t axis) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis)
      exprs.push_back(getAffineDimExpr(d, ctx));
  return AffineMap::get(rank, 0, exprs, ctx);
}

/// result = fn(input, reduced) where `reduced` lacks `axis`.
Value combineWithReduced(OpBuilder &b, Location loc, Value input,
                         ValueRange reduced, int64_t axis, ScalarFn fn) {
  MLIRContext *ctx = b.getContext();
  RankedTensorType type = tensorType(input);
  int64_t rank = type.getRank();
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx)};
  for (size_t i = 0; i < reduced.size(); ++i)
    maps.push_back(droppedAxisMap(ctx, rank, axis));
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  SmallVector<Value> inputs = {input};
  llvm::append_range(inputs, reduced);
  Value init = emptyTensor(b, loc, type, dynamicSizes(b, loc, type, {input}));
  SmallVector<IteratorType> iters(rank, IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{type}, inputs, ValueRange{init}, maps, iters,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Scalar s{nb, nloc, type.getElementType()};
               linalg::YieldOp::create(nb, nloc, fn(s, args.drop_back()));
             })
      .getResult(0);
}

int64_t normalizeAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

Value softmax(OpBuilder &b, Location loc, Value x, int64_t axis, bool logSpace) {
  auto maxFn = [](const Scalar &s, Value e, Value acc) { return s.max(e, acc); };
  Value rowMax = reduceAlong(b, loc, x, axis, -INFINITY, maxFn);
  // sum_j exp(x_j − max)
  RankedTensorType type = tensorType(x);
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  SmallVector<int64_t> shape;
  SmallVector<Value> dyn;
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis) {
      shape.push_back(type.getDimSize(d));
      if (type.isDynamicDim(d))
        dyn.push_back(tensor::DimOp::create(b, loc, x, d));
    }
  auto redType = RankedTensorType::get(shape, type.getElementType());
  Value sumInit = filled(b, loc, redType, dyn, 0.0);
  SmallVector<IteratorType> iters(rank, IteratorType::parallel);
  iters[axis] = IteratorType::reduction;
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx),
                                 droppedAxisMap(ctx, rank, axis),
                                 droppedAxisMap(ctx, rank, axis)};
  Value sum = linalg::GenericOp::create(
                  b, loc, TypeRange{redType}, ValueRange{x, rowMax},
                  ValueRange{sumInit}, maps, iters,
                  [&](OpBuilder &nb, Location nloc, ValueRange args) {
                    Scalar s{nb, nloc, type.getElementType()};
                    linalg::YieldOp::create(
                        nb, nloc, s.add(args[2], s.exp(s.sub(args[0], args[1]))));
                  })
                  .getResult(0);
  return combineWithReduced(
      b, loc, x, {rowMax, sum}, axis,
      [&](const Scalar &s, ValueRange a) -> Value {
        Value shifted = s.sub(a[0], a[1]);
        return logSpace ? s.sub(shifted, s.log(a[2]))
                        : s.div(s.exp(shifted), a[2]);
      });
}

/// −input[b, label[b]] summed (or averaged) over the batch: one reduction
/// over (b, c) with a select, so no gather is needed.
Value nllLoss(OpBuilder &b, Location loc, Value logProbs, Value labels,
              syna::Reduction reduction, RankedTensorType lossType) {
  MLIRContext *ctx = b.getContext();
  Type elt = lossType.getElementType();
  Value init = filled(b, loc, lossType, {}, 0.0);
  AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx);
  SmallVector<AffineMap> maps = {AffineMap::get(2, 0, {d0, d1}, ctx),
                                 AffineMap::get(2, 0, {d0}, ctx),
                                 AffineMap::get(2, 0, {}, ctx)};
  Type labelType = tensorType(labels).getElementType();
  Value total =
      linalg::GenericOp::create(
          b, loc, TypeRange{lossType}, ValueRange{logProbs, labels},
          ValueRange{init}, maps,
          {IteratorType::reduction, IteratorType::reduction},
          [&](OpBuilder &nb, Location nloc, ValueRange args) {
            Scalar s{nb, nloc, elt};
            Value c = linalg::IndexOp::create(nb, nloc, 1);
            Value ci = arith::IndexCastOp::create(nb, nloc, labelType, c);
            Value hit = arith::CmpIOp::create(nb, nloc, arith::CmpIPredicate::eq,
                                              ci, args[1]);
            Value v = s.select(hit, s.neg(args[0]), s.c(0.0));
            linalg::YieldOp::create(nb, nloc, s.add(args[2], v));
          })
          .getResult(0);
  if (reduction == syna::Reduction::Sum)
    return total;
  Value batch = tensor::DimOp::create(b, loc, logProbs, 0);
  Value batchI = arith::IndexCastOp::create(b, loc, b.getI64Type(), batch);
  Value batchF = arith::SIToFPOp::create(b, loc, elt, batchI);
  return elementwise(b, loc, lossType, {total},
                     [&](const Scalar &s, ValueRange a) {
                       return s.div(a[0], batchF);
                     });
}

/// βᵀ, so that the synapse reduction reads contiguous rows of β̃[j, :].
Value transpose2D(OpBuilder &b, Location loc, Value m) {
  RankedTensorType t = tensorType(m);
  auto outType = RankedTensorType::get({t.getDimSize(1), t.getDimSize(0)},
                                       t.getElementType());
  SmallVector<Value> dyn;
  if (outType.isDynamicDim(0))
    dyn.push_back(tensor::DimOp::create(b, loc, m, 1));
  if (outType.isDynamicDim(1))
    dyn.push_back(tensor::DimOp::create(b, loc, m, 0));
  Value init = emptyTensor(b, loc, outType, dyn);
  return linalg::TransposeOp::create(b, loc, m, init, ArrayRef<int64_t>{1, 0})
      .getResult()[0];
}

} // namespace syna::lowering

namespace {
using namespace ::syna::lowering;
using ::syna::tensorType;

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

template <typename Op>
struct UnaryLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  using Adaptor = typename Op::Adaptor;
  LogicalResult
  matchAndRewrite(Op op, Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value r = elementwise(rewriter, op.getLoc(), op.getType(),
                          {adaptor.getInput()},
                          [&](const Scalar &s, ValueRange a) {
                            return compute(s, a[0]);
                          });
    rewriter.replaceOp(op, r);
    return success();
  }
  static Value compute(const Scalar &s, Value x);
};

template <>
Value UnaryLowering<syna::SurprisalOp>::compute(const Scalar &s, Value p) {
  return s.neg(s.log(p));
}
template <>
Value UnaryLowering<syna::ProbOp>::compute(const Scalar &s, Value u) {
  return s.exp(s.neg(u));
}
template <>
Value UnaryLowering<syna::ConjugateOp>::compute(const Scalar &s, Value u) {
  return s.conjugate(u);
}
template <>
Value UnaryLowering<syna::BoseEinsteinOp>::compute(const Scalar &s, Value u) {
  return s.div(s.c(1.0), s.expm1(u));
}
template <>
Value UnaryLowering<syna::OddsOp>::compute(const Scalar &s, Value p) {
  return s.div(p, s.sub(s.c(1.0), p));
}
template <>
Value UnaryLowering<syna::ReluOp>::compute(const Scalar &s, Value x) {
  return s.max(x, s.c(0.0));
}
template <>
Value UnaryLowering<syna::SigmoidOp>::compute(const Scalar &s, Value x) {
  return s.sigmoid(x);
}

template <>
Value UnaryLowering<syna::TanhOp>::compute(const Scalar &s, Value x) {
  return math::TanhOp::create(s.b, s.loc, x);
}

struct SynapseLowering : OpConversionPattern<syna::SynapseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::SynapseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> ins = {adaptor.getX(), adaptor.getY(), adaptor.getBeta()};
    if (adaptor.getAlpha())
      ins.push_back(adaptor.getAlpha());
    Value r = elementwise(rewriter, op.getLoc(), op.getType(), ins,
                          [&](const Scalar &s, ValueRange a) {
                            return s.synapse(a[0], a[1], a[2],
                                             a.size() > 3 ? a[3] : Value());
                          });
    rewriter.replaceOp(op, r);
    return success();
  }
};

/// S̄ = ᾱ + x̄ + G(ȳ + β̄)
struct SurprisalSynapseLowering : OpConversionPattern<syna::SurprisalSynapseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::SurprisalSynapseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> ins = {adaptor.getX(), adaptor.getY(), adaptor.getBeta()};
    if (adaptor.getAlpha())
      ins.push_back(adaptor.getAlpha());
    Value r = elementwise(rewriter, op.getLoc(), op.getType(), ins,
                          [&](const Scalar &s, ValueRange a) {
                            Value v = s.add(a[0], s.conjugate(s.add(a[1], a[2])));
                            return a.size() > 3 ? s.add(a[3], v) : v;
                          });
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct SwapRatioLowering : OpConversionPattern<syna::SwapRatioOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::SwapRatioOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value r = elementwise(
        rewriter, op.getLoc(), op.getType(),
        {adaptor.getX(), adaptor.getY(), adaptor.getBeta()},
        [&](const Scalar &s, ValueRange a) {
          Value num = s.mul(a[0], s.sub(s.c(1.0), s.mul(a[2], a[1])));
          Value den = s.mul(a[1], s.sub(s.c(1.0), s.mul(a[2], a[0])));
          return s.div(num, den);
        });
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct LogSwapRatioLowering : OpConversionPattern<syna::LogSwapRatioOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::LogSwapRatioOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value r = elementwise(
        rewriter, op.getLoc(), op.getType(),
        {adaptor.getX(), adaptor.getY(), adaptor.getBeta()},
        [&](const Scalar &s, ValueRange a) {
          Value yx = s.add(a[1], s.conjugate(s.add(a[0], a[2])));
          Value xy = s.add(a[0], s.conjugate(s.add(a[1], a[2])));
          return s.sub(yx, xy);
        });
    rewriter.replaceOp(op, r);
    return success();
  }
};

/// Per-unit vector (α) read along the last loop of a rank-2 nest.
AffineMap unitMap(MLIRContext *ctx) {
  return AffineMap::get(2, 0, {getAffineDimExpr(1, ctx)}, ctx);
}

/// x_{t+1} = α₁x_t(1 − β₁y_t), y_{t+1} = α₂x_t(1 − β₂y_t), in an scf.for.
struct FlipCircuitLowering : OpConversionPattern<syna::FlipCircuitOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::FlipCircuitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType state = tensorType(adaptor.getX0());
    int64_t rank = state.getRank();
    Value x0 = adaptor.getX0(), y0 = adaptor.getY0();
    SmallVector<Value> params = {adaptor.getAlpha1(), adaptor.getAlpha2(),
                                 adaptor.getBeta1(), adaptor.getBeta2()};
    SmallVector<Value> stateDyn = dynamicSizes(rewriter, loc, state, {x0});
    bool withTrajectory = static_cast<bool>(op.getTrajectory());

    // Trajectory [steps + 1, 2, state...], row 0 the initial state.
    Value traj;
    SmallVector<OpFoldResult> stateSizes;
    for (int64_t d = 0; d < rank; ++d)
      stateSizes.push_back(state.isDynamicDim(d)
                               ? OpFoldResult(tensor::DimOp::create(rewriter, loc, x0, d).getResult())
                               : OpFoldResult(rewriter.getIndexAttr(state.getDimSize(d))));
    auto insertState = [&](OpBuilder &b, Value into, Value v, OpFoldResult t,
                           int64_t which) {
      SmallVector<OpFoldResult> offsets = {t, b.getIndexAttr(which)};
      SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1), b.getIndexAttr(1)};
      SmallVector<OpFoldResult> strides(rank + 2, b.getIndexAttr(1));
      for (int64_t d = 0; d < rank; ++d) {
        offsets.push_back(b.getIndexAttr(0));
        sizes.push_back(stateSizes[d]);
      }
      return tensor::InsertSliceOp::create(b, loc, v, into, offsets, sizes,
                                           strides)
          .getResult();
    };
    if (withTrajectory) {
      auto trajType = cast<RankedTensorType>(op.getTrajectory().getType());
      traj = emptyTensor(rewriter, loc, trajType, stateDyn);
      traj = insertState(rewriter, traj, x0, rewriter.getIndexAttr(0), 0);
      traj = insertState(rewriter, traj, y0, rewriter.getIndexAttr(0), 1);
    }

    Value lb = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value ub = arith::ConstantIndexOp::create(rewriter, loc, op.getSteps());
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    SmallVector<Value> iterInit = {x0, y0};
    if (withTrajectory)
      iterInit.push_back(traj);
    auto loop = scf::ForOp::create(
        rewriter, loc, lb, ub, one, iterInit,
        [&](OpBuilder &b, Location l, Value t, ValueRange iter) {
          SmallVector<AffineMap> maps;
          SmallVector<Value> ins = {iter[0], iter[1]};
          llvm::append_range(ins, params);
          for (Value in : ins)
            maps.push_back(broadcastMap(ctx, tensorType(in), state));
          maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
          maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
          // Update the state in place: each element reads x_t, y_t before
          // writing x_{t+1}, y_{t+1} at the same index.
          SmallVector<IteratorType> iters(rank, IteratorType::parallel);
          auto step = linalg::GenericOp::create(
              b, l, TypeRange{state, state}, ins, ValueRange{iter[0], iter[1]},
              maps, iters,
              [&](OpBuilder &nb, Location nl, ValueRange a) {
                Scalar s{nb, nl, state.getElementType()};
                Value nx = s.synapse(a[0], a[1], a[4], a[2]);
                Value ny = s.synapse(a[0], a[1], a[5], a[3]);
                linalg::YieldOp::create(nb, nl, ValueRange{nx, ny});
              });
          SmallVector<Value> next = {step.getResult(0), step.getResult(1)};
          if (withTrajectory) {
            Value t1 = arith::AddIOp::create(b, l, t, one);
            Value tr = insertState(b, iter[2], next[0], t1, 0);
            tr = insertState(b, tr, next[1], t1, 1);
            next.push_back(tr);
          }
          scf::YieldOp::create(b, l, next);
        });
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

/// x·Wᵀ + b as acc[b, o] += x[b, k]·Wᵀ[k, o], loops (b, k, o).
struct DenseLowering : OpConversionPattern<syna::DenseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::DenseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType();
    Value x = adaptor.getInput();
    Value wT = transpose2D(rewriter, loc, adaptor.getWeight());
    SmallVector<Value> dyn;
    if (type.isDynamicDim(0))
      dyn.push_back(tensor::DimOp::create(rewriter, loc, x, 0));
    if (type.isDynamicDim(1))
      dyn.push_back(tensor::DimOp::create(rewriter, loc, adaptor.getWeight(), 0));
    Value init;
    if (Value bias = adaptor.getBias()) {
      init = emptyTensor(rewriter, loc, type, dyn);
      init = linalg::GenericOp::create(
                 rewriter, loc, TypeRange{type}, ValueRange{bias},
                 ValueRange{init},
                 {unitMap(ctx), AffineMap::getMultiDimIdentityMap(2, ctx)},
                 {IteratorType::parallel, IteratorType::parallel},
                 [](OpBuilder &b, Location l, ValueRange a) {
                   linalg::YieldOp::create(b, l, a[0]);
                 })
                 .getResult(0);
    } else {
      init = filled(rewriter, loc, type, dyn, 0.0);
    }
    AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
               d2 = getAffineDimExpr(2, ctx);
    Value r = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type}, ValueRange{x, wT},
                  ValueRange{init},
                  {AffineMap::get(3, 0, {d0, d1}, ctx),
                   AffineMap::get(3, 0, {d1, d2}, ctx),
                   AffineMap::get(3, 0, {d0, d2}, ctx)},
                  {IteratorType::parallel, IteratorType::reduction,
                   IteratorType::parallel},
                  [&](OpBuilder &b, Location l, ValueRange a) {
                    Scalar s{b, l, type.getElementType()};
                    linalg::YieldOp::create(b, l, s.add(a[2], s.mul(a[0], a[1])));
                  })
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct Conv2DLowering : OpConversionPattern<syna::Conv2DOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::Conv2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType type = op.getType();
    Type elt = type.getElementType();
    Value x = adaptor.getInput();
    ArrayRef<int64_t> pad = op.getPadding();
    if (pad[0] != 0 || pad[1] != 0) {
      FailureOr<Value> padded = zeroPadded(rewriter, loc, x, pad);
      if (failed(padded))
        return rewriter.notifyMatchFailure(op, "dynamic non-batch conv dims");
      x = *padded;
    }
    SmallVector<Value> dyn;
    for (int64_t d = 0; d < 4; ++d)
      if (type.isDynamicDim(d)) {
        if (d == 0)
          dyn.push_back(tensor::DimOp::create(rewriter, loc, x, 0));
        else
          return rewriter.notifyMatchFailure(op, "dynamic non-batch conv dims");
      }
    Value init;
    if (Value bias = adaptor.getBias()) {
      init = emptyTensor(rewriter, loc, type, dyn);
      init = linalg::GenericOp::create(
                 rewriter, loc, TypeRange{type}, ValueRange{bias},
                 ValueRange{init},
                 {channelMap(ctx, 4), AffineMap::getMultiDimIdentityMap(4, ctx)},
                 SmallVector<IteratorType>(4, IteratorType::parallel),
                 [](OpBuilder &b, Location l, ValueRange a) {
                   linalg::YieldOp::create(b, l, a[0]);
                 })
                 .getResult(0);
    } else {
      init = filled(rewriter, loc, type, dyn, 0.0);
    }
    SmallVector<NamedAttribute> attrs = {
        rewriter.getNamedAttr("strides",
                              rewriter.getI64TensorAttr(op.getStrides())),
        rewriter.getNamedAttr("dilations", rewriter.getI64TensorAttr({1, 1}))};
    Value r = linalg::Conv2DNchwFchwOp::create(
                  rewriter, loc, TypeRange{type},
                  ValueRange{x, adaptor.getWeight()}, ValueRange{init}, attrs)
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct MaxPool2DLowering : OpConversionPattern<syna::MaxPool2DOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::MaxPool2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value x = adaptor.getInput();
    SmallVector<Value> dyn;
    for (int64_t d = 0; d < 4; ++d)
      if (type.isDynamicDim(d)) {
        if (d > 1)
          return rewriter.notifyMatchFailure(op, "dynamic spatial dims");
        dyn.push_back(tensor::DimOp::create(rewriter, loc, x, d));
      }
    Value init = filled(rewriter, loc, type, dyn, -INFINITY);
    Value window = tensor::EmptyOp::create(rewriter, loc, op.getKernel(),
                                           type.getElementType());
    SmallVector<NamedAttribute> attrs = {
        rewriter.getNamedAttr(
            "strides", rewriter.getI64TensorAttr(op.getEffectiveStrides())),
        rewriter.getNamedAttr("dilations", rewriter.getI64TensorAttr({1, 1}))};
    Value r = linalg::PoolingNchwMaxOp::create(rewriter, loc, TypeRange{type},
                                               ValueRange{x, window},
                                               ValueRange{init}, attrs)
                  .getResult(0);
    rewriter.replaceOp(op, r);
    return success();
  }
};

template <typename Op, bool LogSpace>
struct SoftmaxLowering : OpConversionPattern<Op> {
  using OpConversionPattern<Op>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    int64_t axis = normalizeAxis(op.getAxis(), op.getType().getRank());
    rewriter.replaceOp(op, softmax(rewriter, op.getLoc(), adaptor.getInput(),
                                   axis, LogSpace));
    return success();
  }
};

struct BatchNormLowering : OpConversionPattern<syna::BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    Value x = adaptor.getInput();
    RankedTensorType type = op.getResult().getType();
    RankedTensorType vecType = tensorType(adaptor.getScale());
    Type elt = type.getElementType();
    int64_t rank = type.getRank();
    double eps = op.getEpsilon().convertToDouble();
    double momentum = op.getMomentum().convertToDouble();
    Value mean = adaptor.getRunningMean(), var = adaptor.getRunningVar();
    Value newMean = mean, newVar = var;
    SmallVector<Value> vecDyn = dynamicSizes(rewriter, loc, vecType, {adaptor.getScale()});
    if (op.getTraining()) {
      // Batch statistics over every dimension but the channel.
      SmallVector<IteratorType> iters(rank, IteratorType::reduction);
      iters[1] = IteratorType::parallel;
      SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx),
                                     channelMap(ctx, rank)};
      Value count = arith::ConstantIndexOp::create(rewriter, loc, 1);
      for (int64_t d = 0; d < rank; ++d)
        if (d != 1)
          count = arith::MulIOp::create(
              rewriter, loc, count, tensor::DimOp::create(rewriter, loc, x, d));
      Value countF = arith::SIToFPOp::create(
          rewriter, loc, elt,
          arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), count));
      Value sum = linalg::GenericOp::create(
                      rewriter, loc, TypeRange{vecType}, ValueRange{x},
                      ValueRange{filled(rewriter, loc, vecType, vecDyn, 0.0)},
                      maps, iters,
                      [&](OpBuilder &b, Location l, ValueRange a) {
                        linalg::YieldOp::create(
                            b, l, arith::AddFOp::create(b, l, a[1], a[0]).getResult());
                      })
                      .getResult(0);
      Value batchMean = elementwise(rewriter, loc, vecType, {sum},
                                    [&](const Scalar &s, ValueRange a) {
                                      return s.div(a[0], countF);
                                    });
      maps.insert(maps.begin() + 1, channelMap(ctx, rank));
      Value sq = linalg::GenericOp::create(
                     rewriter, loc, TypeRange{vecType}, ValueRange{x, batchMean},
                     ValueRange{filled(rewriter, loc, vecType, vecDyn, 0.0)},
                     maps, iters,
                     [&](OpBuilder &b, Location l, ValueRange a) {
                       Scalar s{b, l, elt};
                       Value d = s.sub(a[0], a[1]);
                       linalg::YieldOp::create(b, l, s.add(a[2], s.mul(d, d)));
                     })
                     .getResult(0);
      Value batchVar = elementwise(rewriter, loc, vecType, {sq},
                                   [&](const Scalar &s, ValueRange a) {
                                     return s.div(a[0], countF);
                                   });
      newMean = elementwise(rewriter, loc, vecType, {mean, batchMean},
                            [&](const Scalar &s, ValueRange a) {
                              return s.add(s.mul(s.c(1.0 - momentum), a[0]),
                                           s.mul(s.c(momentum), a[1]));
                            });
      // Running variance uses the unbiased batch variance (as PyTorch).
      newVar = elementwise(
          rewriter, loc, vecType, {var, sq},
          [&](const Scalar &s, ValueRange a) {
            Value unbiased = s.div(a[1], s.max(s.sub(countF, s.c(1.0)), s.c(1.0)));
            return s.add(s.mul(s.c(1.0 - momentum), a[0]),
                         s.mul(s.c(momentum), unbiased));
          });
      mean = batchMean;
      var = batchVar;
    }
    SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx)};
    for (int i = 0; i < 4; ++i)
      maps.push_back(channelMap(ctx, rank));
    maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
    Value init = emptyTensor(rewriter, loc, type, dynamicSizes(rewriter, loc, type, {x}));
    Value y = linalg::GenericOp::create(
                  rewriter, loc, TypeRange{type},
                  ValueRange{x, adaptor.getScale(), adaptor.getShift(), mean, var},
                  ValueRange{init}, maps,
                  SmallVector<IteratorType>(rank, IteratorType::parallel),
                  [&](OpBuilder &b, Location l, ValueRange a) {
                    Scalar s{b, l, elt};
                    Value inv = s.div(s.c(1.0), s.sqrt(s.add(a[4], s.c(eps))));
                    linalg::YieldOp::create(
                        b, l, s.add(s.mul(s.mul(s.sub(a[0], a[3]), inv), a[1]), a[2]));
                  })
                  .getResult(0);
    rewriter.replaceOp(op, {y, newMean, newVar});
    return success();
  }
};

/// Inverted dropout with a counter-based mask: splitmix64(key ^ φ·index).
struct DropoutLowering : OpConversionPattern<syna::DropoutOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::DropoutOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    double rate = op.getRate().convertToDouble();
    if (!op.getTraining() || rate == 0.0) {
      rewriter.replaceOp(op, adaptor.getInput());
      return success();
    }
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value x = adaptor.getInput();
    int64_t rank = type.getRank();
    SmallVector<Value> extents;
    for (int64_t d = 0; d < rank; ++d)
      extents.push_back(tensor::DimOp::create(rewriter, loc, x, d));
    Value key = adaptor.getKey();
    Value r = elementwise(
        rewriter, loc, type, {x}, [&](const Scalar &s, ValueRange a) {
          OpBuilder &b = s.b;
          Location l = s.loc;
          Type i64 = b.getI64Type();
          auto c64 = [&](uint64_t v) {
            return arith::ConstantOp::create(b, l, i64,
                                             b.getIntegerAttr(i64, (int64_t)v))
                .getResult();
          };
          Value idx = arith::ConstantIndexOp::create(b, l, 0);
          for (int64_t d = 0; d < rank; ++d) {
            idx = arith::MulIOp::create(b, l, idx, extents[d]);
            idx = arith::AddIOp::create(b, l, idx,
                                        linalg::IndexOp::create(b, l, d));
          }
          Value h = arith::IndexCastOp::create(b, l, i64, idx);
          h = arith::MulIOp::create(b, l, h, c64(0x9E3779B97F4A7C15ULL));
          h = arith::XOrIOp::create(b, l, h, key);
          auto mix = [&](Value v, uint64_t shift, uint64_t mulBy) {
            v = arith::XOrIOp::create(b, l, v,
                                      arith::ShRUIOp::create(b, l, v, c64(shift)));
            return mulBy ? arith::MulIOp::create(b, l, v, c64(mulBy)).getResult() : v;
          };
          h = mix(h, 30, 0xBF58476D1CE4E5B9ULL);
          h = mix(h, 27, 0x94D049BB133111EBULL);
          h = mix(h, 31, 0);
          Value top = arith::ShRUIOp::create(b, l, h, c64(40));
          Value u = arith::UIToFPOp::create(b, l, s.type, top);
          u = s.mul(u, s.c(1.0 / 16777216.0));
          Value keep = s.cmp(arith::CmpFPredicate::OGE, u, s.c(rate));
          return s.select(keep, s.mul(a[0], s.c(1.0 / (1.0 - rate))), s.c(0.0));
        });
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct ReshapeLowering : OpConversionPattern<syna::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType out = op.getType();
    Value x = adaptor.getInput();
    RankedTensorType in = tensorType(x);
    SmallVector<Value> extents;
    Value dynExtent;
    if (!out.hasStaticShape()) {
      // The one dynamic output extent = total elements / static product.
      Value total = arith::ConstantIndexOp::create(rewriter, loc, 1);
      for (int64_t d = 0; d < in.getRank(); ++d)
        total = arith::MulIOp::create(rewriter, loc, total,
                                      tensor::DimOp::create(rewriter, loc, x, d));
      int64_t known = 1;
      for (int64_t s : out.getShape())
        if (!ShapedType::isDynamic(s))
          known *= s;
      dynExtent = arith::DivUIOp::create(
          rewriter, loc, total, arith::ConstantIndexOp::create(rewriter, loc, known));
    }
    for (int64_t s : out.getShape())
      extents.push_back(ShapedType::isDynamic(s)
                            ? dynExtent
                            : arith::ConstantIndexOp::create(rewriter, loc, s).getResult());
    Value shape = tensor::FromElementsOp::create(rewriter, loc, extents);
    rewriter.replaceOpWithNewOp<tensor::ReshapeOp>(op, out, x, shape);
    return success();
  }
};

struct FlattenLowering : OpConversionPattern<syna::FlattenOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::FlattenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    int64_t rank = tensorType(adaptor.getInput()).getRank();
    ReassociationIndices rest;
    for (int64_t d = 1; d < rank; ++d)
      rest.push_back(d);
    SmallVector<ReassociationIndices> reassoc = {{0}, rest};
    rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
        op, op.getType(), adaptor.getInput(), reassoc);
    return success();
  }
};

struct NllLossLowering : OpConversionPattern<syna::NllLossOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::NllLossOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, nllLoss(rewriter, op.getLoc(), adaptor.getInput(),
                                   adaptor.getLabels(), op.getReduction(),
                                   op.getType()));
    return success();
  }
};

struct CrossEntropyLowering : OpConversionPattern<syna::CrossEntropyOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::CrossEntropyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value logp = softmax(rewriter, op.getLoc(), adaptor.getInput(), 1, true);
    rewriter.replaceOp(op, nllLoss(rewriter, op.getLoc(), logp,
                                   adaptor.getLabels(), op.getReduction(),
                                   op.getType()));
    return success();
  }
};

struct ParamLowering : OpConversionPattern<syna::ParamOp> {
  ParamLowering(MLIRContext *ctx, uint64_t seed)
      : OpConversionPattern(ctx), seed(seed) {}
  LogicalResult
  matchAndRewrite(syna::ParamOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    DenseElementsAttr theta = ::syna::parameterTheta(op, seed);
    if (!theta)
      return op.emitError("syna.theta has the wrong type for parameter @")
             << op.getSymName();
    rewriter.replaceOpWithNewOp<ml_program::GlobalOp>(
        op, op.getSymNameAttr(), TypeAttr::get(op.getTensorType()),
        rewriter.getUnitAttr(), theta, rewriter.getStringAttr("private"));
    return success();
  }
  uint64_t seed;
};

struct ParamRefLowering : OpConversionPattern<syna::ParamRefOp> {
  ParamRefLowering(MLIRContext *ctx, const llvm::StringMap<syna::Domain> *domains)
      : OpConversionPattern(ctx), domains(domains) {}
  const llvm::StringMap<syna::Domain> *domains;
  LogicalResult
  matchAndRewrite(syna::ParamRefOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto it = domains->find(op.getName());
    if (it == domains->end())
      return op.emitOpError("'") << op.getName() << "' does not name a syna.param";
    Value theta = ml_program::GlobalLoadOp::create(rewriter, loc, op.getType(),
                                                   op.getNameAttr());
    Value r = buildDomainMap(rewriter, loc, theta, it->second);
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct ParamReadLowering : OpConversionPattern<syna::ParamReadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::ParamReadOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ml_program::GlobalLoadOp>(op, op.getType(),
                                                          op.getNameAttr());
    return success();
  }
};

struct ParamWriteLowering : OpConversionPattern<syna::ParamWriteOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(syna::ParamWriteOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ml_program::GlobalStoreOp>(
        op, op.getNameAttr(), adaptor.getValue());
    return success();
  }
};

struct ConvertSynaToLinalgPass
    : ::syna::impl::ConvertSynaToLinalgBase<ConvertSynaToLinalgPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    // Each parameter's domain, for param_refs converted after their param.
    llvm::StringMap<syna::Domain> domains;
    for (auto p : module.getOps<syna::ParamOp>())
      domains[p.getSymName()] = p.getDomain();
    ConversionTarget target(*ctx);
    target.addIllegalDialect<syna::SynaDialect>();
    target.addLegalDialect<linalg::LinalgDialect, tensor::TensorDialect,
                           arith::ArithDialect, math::MathDialect,
                           scf::SCFDialect, ml_program::MLProgramDialect,
                           func::FuncDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    RewritePatternSet patterns(ctx);
    ::syna::populateSynaToLinalgPatterns(patterns, seed, domains, productBlock);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();
    // Tensor-level arith (e.g. sums of surprisals) becomes linalg too.
    RewritePatternSet elementwisePatterns(ctx);
    linalg::populateElementwiseToLinalgConversionPatterns(elementwisePatterns);
    ConversionTarget etarget(*ctx);
    etarget.markUnknownOpDynamicallyLegal([](Operation *op) {
      return !OpTrait::hasElementwiseMappableTraits(op) ||
             !llvm::any_of(op->getOperandTypes(), llvm::IsaPred<RankedTensorType>);
    });
    if (failed(applyPartialConversion(module, etarget,
                                      std::move(elementwisePatterns))))
      return signalPassFailure();
    // The training setup and the dimension names describe the syna-level
    // module, whose graphs bufferization will retype; their readers ran
    // before this pass.
    module->removeAttr(::syna::kModelAttrName);
    for (auto func : module.getOps<func::FuncOp>()) {
      func->removeAttr(::syna::kDimNamesAttrName);
      func->removeAttr(::syna::kResultDimNamesAttrName);
    }
  }
};

} // namespace

void ::syna::populateSynaToLinalgPatterns(
    RewritePatternSet &patterns, uint64_t seed,
    const llvm::StringMap<syna::Domain> &domains, int64_t productBlock) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<UnaryLowering<syna::SurprisalOp>, UnaryLowering<syna::ProbOp>,
               UnaryLowering<syna::ConjugateOp>, UnaryLowering<syna::BoseEinsteinOp>,
               UnaryLowering<syna::OddsOp>, UnaryLowering<syna::ReluOp>,
               UnaryLowering<syna::SigmoidOp>, UnaryLowering<syna::TanhOp>,
               SynapseLowering,
               SurprisalSynapseLowering, SwapRatioLowering, LogSwapRatioLowering,
               FlipCircuitLowering, DenseLowering, Conv2DLowering,
               MaxPool2DLowering, SoftmaxLowering<syna::SoftmaxOp, false>,
               SoftmaxLowering<syna::LogSoftmaxOp, true>, BatchNormLowering,
               DropoutLowering, ReshapeLowering, FlattenLowering,
               NllLossLowering, CrossEntropyLowering>(ctx);
  ::syna::lowering::populateGradOpLoweringPatterns(patterns);
  patterns.add<ParamRefLowering>(ctx, &domains);
  patterns.add<ParamReadLowering, ParamWriteLowering>(ctx);
  patterns.add<ParamLowering>(ctx, seed);
  ::syna::lowering::populateSynapseTensorLoweringPatterns(patterns, productBlock);
}
