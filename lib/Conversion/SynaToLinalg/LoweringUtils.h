//===- LoweringUtils.h - helpers shared by the syna → linalg patterns -----===//
//
// The scalar formulas (stable forms of docs/math.md §9) and the structured-op
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

struct Scalar {
  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Type type;

  mlir::Value c(double v) const {
    return mlir::arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, v));
  }
  mlir::Value add(mlir::Value x, mlir::Value y) const { return mlir::arith::AddFOp::create(b, loc, x, y); }
  mlir::Value sub(mlir::Value x, mlir::Value y) const { return mlir::arith::SubFOp::create(b, loc, x, y); }
  mlir::Value mul(mlir::Value x, mlir::Value y) const { return mlir::arith::MulFOp::create(b, loc, x, y); }
  mlir::Value div(mlir::Value x, mlir::Value y) const { return mlir::arith::DivFOp::create(b, loc, x, y); }
  mlir::Value neg(mlir::Value x) const { return mlir::arith::NegFOp::create(b, loc, x); }
  mlir::Value exp(mlir::Value x) const { return mlir::math::ExpOp::create(b, loc, x); }
  mlir::Value expm1(mlir::Value x) const { return mlir::math::ExpM1Op::create(b, loc, x); }
  mlir::Value log(mlir::Value x) const { return mlir::math::LogOp::create(b, loc, x); }
  mlir::Value log1p(mlir::Value x) const { return mlir::math::Log1pOp::create(b, loc, x); }
  mlir::Value absf(mlir::Value x) const { return mlir::math::AbsFOp::create(b, loc, x); }
  mlir::Value sqrt(mlir::Value x) const { return mlir::math::SqrtOp::create(b, loc, x); }
  mlir::Value max(mlir::Value x, mlir::Value y) const { return mlir::arith::MaximumFOp::create(b, loc, x, y); }
  mlir::Value cmp(mlir::arith::CmpFPredicate p, mlir::Value x, mlir::Value y) const {
    return mlir::arith::CmpFOp::create(b, loc, p, x, y);
  }
  mlir::Value select(mlir::Value c, mlir::Value x, mlir::Value y) const {
    return mlir::arith::SelectOp::create(b, loc, c, x, y);
  }

  /// G(u) = −log(1 − e^{−u}) in its two stable branches.
  mlir::Value conjugate(mlir::Value u) const {
    mlir::Value small = neg(log(neg(expm1(neg(u)))));
    mlir::Value large = neg(log1p(neg(exp(neg(u)))));
    return select(cmp(mlir::arith::CmpFPredicate::OLE, u, c(M_LN2)), small, large);
  }
  mlir::Value sigmoid(mlir::Value x) const {
    mlir::Value e = exp(neg(absf(x)));
    mlir::Value onePlus = add(c(1.0), e);
    return select(cmp(mlir::arith::CmpFPredicate::OGE, x, c(0.0)), div(c(1.0), onePlus),
                  div(e, onePlus));
  }
  /// softplus(x) = max(x, 0) + log1p(e^{−|x|}), stable for any x.
  mlir::Value softplus(mlir::Value x) const {
    return add(max(x, c(0.0)), log1p(exp(neg(absf(x)))));
  }
  /// α·x·(1 − β·y)
  mlir::Value synapse(mlir::Value x, mlir::Value y, mlir::Value beta, mlir::Value alpha) const {
    mlir::Value v = mul(x, sub(c(1.0), mul(beta, y)));
    return alpha ? mul(alpha, v) : v;
  }
};

using ScalarFn = llvm::function_ref<mlir::Value(const Scalar &, mlir::ValueRange)>;

/// Indexing map that reads `operand` broadcast (NumPy rules) into a loop nest
/// of `result`'s rank.
/// Channel-1 broadcast of a per-channel vector into an NCHW or NC mlir::tensor.
inline mlir::AffineMap channelMap(mlir::MLIRContext *ctx, int64_t rank) {
  return mlir::AffineMap::get(rank, 0, {mlir::getAffineDimExpr(1, ctx)}, ctx);
}

mlir::AffineMap broadcastMap(mlir::MLIRContext *ctx, mlir::RankedTensorType operand,
                       mlir::RankedTensorType result);
/// Dynamic extents of `result`, read from operands that carry them.
mlir::SmallVector<mlir::Value> dynamicSizes(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::RankedTensorType result, mlir::ValueRange operands);
mlir::Value emptyTensor(mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType type,
                  mlir::ValueRange dynSizes);
mlir::Value filled(mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType type,
             mlir::ValueRange dynSizes, double value);
/// `image` (B×C×H×W) inside a zero tensor of `type` from row and column
/// `offsets`, every `strides` rows and columns (a padding; the dilation of
/// a strided convolution's gradient): a fill and a linalg.copy into the
/// window, which bufferizes in place and is tiled and vectorized like the
/// other ops. A tensor.pad or an insert_slice of `image` would become a
/// strided memref.copy, element by element at run time.
mlir::Value embedInZeros(mlir::OpBuilder &b, mlir::Location loc, mlir::Value image,
                         mlir::RankedTensorType type, mlir::ValueRange dynSizes,
                         llvm::ArrayRef<int64_t> offsets,
                         llvm::ArrayRef<int64_t> strides);
/// `image` (B×C×H×W, C, H and W static) with `pad` zero rows and columns on
/// each side (embedInZeros); failure when C, H or W is dynamic.
mlir::FailureOr<mlir::Value> zeroPadded(mlir::OpBuilder &b, mlir::Location loc,
                                        mlir::Value image,
                                        llvm::ArrayRef<int64_t> pad);
/// result[i] = fn(inputs[broadcast(i)]...)
mlir::Value elementwise(mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType resultType,
                  mlir::ValueRange inputs, ScalarFn fn);
/// Reduces `input` along `axis` (the result drops that dimension).
mlir::Value reduceAlong(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input, int64_t axis,
                  double initValue,
                  llvm::function_ref<mlir::Value(const Scalar &, mlir::Value, mlir::Value)> combine);

/// βᵀ of a matrix.
mlir::Value transpose2D(mlir::OpBuilder &b, mlir::Location loc, mlir::Value m);

/// Patterns of the gradient ops (GradOps.cpp).
void populateGradOpLoweringPatterns(mlir::RewritePatternSet &patterns);
/// Patterns of synapse_dense and surprisal_synapse_dense (SynapseTensor.cpp).
void populateSynapseTensorLoweringPatterns(mlir::RewritePatternSet &patterns,
                                           int64_t productBlock);

} // namespace syna::lowering

#endif
