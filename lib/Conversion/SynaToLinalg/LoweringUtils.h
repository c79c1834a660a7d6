//===- LoweringUtils.h - helpers shared by the syna → linalg patterns -----===//
//
// The scalar formulas (stable forms of synann-math §9) and the structured-op
// builders used by both the forward lowering (SynaToLinalg.cpp) and the
// gradient-op lowering (GradOps.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_LIB_CONVERSION_SYNATOLINALG_LOWERINGUTILS_H
#define SYNA_LIB_CONVERSION_SYNATOLINALG_LOWERINGUTILS_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include <cmath>

namespace syna::lowering {
using namespace mlir;

struct Scalar {
  OpBuilder &b;
  Location loc;
  Type type;

  Value c(double v) const {
    return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, v));
  }
  Value add(Value x, Value y) const { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) const { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) const { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) const { return arith::DivFOp::create(b, loc, x, y); }
  Value neg(Value x) const { return arith::NegFOp::create(b, loc, x); }
  Value exp(Value x) const { return math::ExpOp::create(b, loc, x); }
  Value expm1(Value x) const { return math::ExpM1Op::create(b, loc, x); }
  Value log(Value x) const { return math::LogOp::create(b, loc, x); }
  Value log1p(Value x) const { return math::Log1pOp::create(b, loc, x); }
  Value absf(Value x) const { return math::AbsFOp::create(b, loc, x); }
  Value sqrt(Value x) const { return math::SqrtOp::create(b, loc, x); }
  Value max(Value x, Value y) const { return arith::MaximumFOp::create(b, loc, x, y); }
  Value cmp(arith::CmpFPredicate p, Value x, Value y) const {
    return arith::CmpFOp::create(b, loc, p, x, y);
  }
  Value select(Value c, Value x, Value y) const {
    return arith::SelectOp::create(b, loc, c, x, y);
  }

  /// G(u) = −log(1 − e^{−u}) in its two stable branches.
  Value conjugate(Value u) const {
    Value small = neg(log(neg(expm1(neg(u)))));
    Value large = neg(log1p(neg(exp(neg(u)))));
    return select(cmp(arith::CmpFPredicate::OLE, u, c(M_LN2)), small, large);
  }
  Value sigmoid(Value x) const {
    Value e = exp(neg(absf(x)));
    Value onePlus = add(c(1.0), e);
    return select(cmp(arith::CmpFPredicate::OGE, x, c(0.0)), div(c(1.0), onePlus),
                  div(e, onePlus));
  }
  /// softplus(x) = max(x, 0) + log1p(e^{−|x|}), stable for any x.
  Value softplus(Value x) const {
    return add(max(x, c(0.0)), log1p(exp(neg(absf(x)))));
  }
  /// α·x·(1 − β·y)
  Value synapse(Value x, Value y, Value beta, Value alpha) const {
    Value v = mul(x, sub(c(1.0), mul(beta, y)));
    return alpha ? mul(alpha, v) : v;
  }
};

inline RankedTensorType tensorType(Value v) {
  return cast<RankedTensorType>(v.getType());
}

using ScalarFn = function_ref<Value(const Scalar &, ValueRange)>;

/// Indexing map that reads `operand` broadcast (NumPy rules) into a loop nest
/// of `result`'s rank.
/// Channel-1 broadcast of a per-channel vector into an NCHW or NC tensor.
inline AffineMap channelMap(MLIRContext *ctx, int64_t rank) {
  return AffineMap::get(rank, 0, {getAffineDimExpr(1, ctx)}, ctx);
}

AffineMap broadcastMap(MLIRContext *ctx, RankedTensorType operand,
                       RankedTensorType result);
/// Dynamic extents of `result`, read from operands that carry them.
SmallVector<Value> dynamicSizes(OpBuilder &b, Location loc,
                                RankedTensorType result, ValueRange operands);
Value emptyTensor(OpBuilder &b, Location loc, RankedTensorType type,
                  ValueRange dynSizes);
Value filled(OpBuilder &b, Location loc, RankedTensorType type,
             ValueRange dynSizes, double value);
/// result[i] = fn(inputs[broadcast(i)]...)
Value elementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                  ValueRange inputs, ScalarFn fn);
/// Reduces `input` along `axis` (the result drops that dimension).
Value reduceAlong(OpBuilder &b, Location loc, Value input, int64_t axis,
                  double initValue,
                  function_ref<Value(const Scalar &, Value, Value)> combine);

/// βᵀ of a matrix.
Value transpose2D(OpBuilder &b, Location loc, Value m);

/// Patterns of the gradient ops (GradOps.cpp).
void populateGradOpLoweringPatterns(RewritePatternSet &patterns);
/// Patterns of synapse_dense and surprisal_synapse_dense (SynapseTensor.cpp).
void populateSynapseTensorLoweringPatterns(RewritePatternSet &patterns,
                                           int64_t productBlock);

} // namespace syna::lowering

#endif
