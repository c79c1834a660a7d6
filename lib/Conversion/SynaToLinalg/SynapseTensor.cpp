//===- SynapseTensor.cpp - lowering of the fully connected synapse tensor -===//
//
// y[b, i] = α_i·x[b, i]·∏_j (1 − β[i, j]·x[b, j]) per sample (docs/math.md §4)
// and its surprisal form, as one reduction over loops (b, j, i) that streams
// the terms and never holds B·n·n of them in memory.
//
//===----------------------------------------------------------------------===//
#include "LoweringUtils.h"

#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using mlir::utils::IteratorType;

namespace syna::lowering {
namespace {

/// The deinterleaved columns of a matrix: part_k[r, c] = m[r, c·K + k]
/// (transpose = false) or its transpose part_k[c, r] = m[r, c·K + k]
/// (transpose = true), for k < K, all from one parallel loop nest.
SmallVector<Value> deinterleave(OpBuilder &b, Location loc, Value m, int64_t K,
                                bool transpose) {
  MLIRContext *ctx = b.getContext();
  RankedTensorType t = tensorType(m);
  int64_t cols = t.getDimSize(1) / K;
  AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx);
  // Loops (r, c) or (c, r) in the order of the output.
  AffineExpr r = transpose ? d1 : d0, c = transpose ? d0 : d1;
  SmallVector<int64_t> shape = transpose ? SmallVector<int64_t>{cols, t.getDimSize(0)}
                                         : SmallVector<int64_t>{t.getDimSize(0), cols};
  auto partType = RankedTensorType::get(shape, t.getElementType());
  SmallVector<Value> dyn;
  if (ShapedType::isDynamic(t.getDimSize(0)))
    dyn.push_back(tensor::DimOp::create(b, loc, m, 0));
  SmallVector<AffineMap> maps;
  SmallVector<Value> outs;
  SmallVector<Type> types;
  for (int64_t k = 0; k < K; ++k)
    maps.push_back(AffineMap::get(2, 0, {r, c * K + k}, ctx));
  for (int64_t k = 0; k < K; ++k) {
    maps.push_back(AffineMap::getMultiDimIdentityMap(2, ctx));
    outs.push_back(emptyTensor(b, loc, partType, dyn));
    types.push_back(partType);
  }
  SmallVector<Value> ins(K, m);
  auto g = linalg::GenericOp::create(
      b, loc, types, ins, outs, maps,
      {IteratorType::parallel, IteratorType::parallel},
      [&](OpBuilder &nb, Location nl, ValueRange a) {
        linalg::YieldOp::create(nb, nl, a.take_front(K));
      });
  return SmallVector<Value>(g.getResults().begin(), g.getResults().end());
}

/// Bit layout of an IEEE binary float type.
struct FloatBits {
  unsigned width, mantissa;
  int64_t bias;

  explicit FloatBits(Type t)
      : width(t.getIntOrFloatBitWidth()),
        mantissa(cast<FloatType>(t).getFPMantissaWidth() - 1),
        bias((int64_t(1) << (width - mantissa - 2)) - 1) {}
  int64_t exponentMask() const { return 2 * bias + 1; }
};

/// Integer arithmetic on the bits of a float, for the mantissa–exponent form.
struct Bits {
  OpBuilder &b;
  Location loc;
  FloatBits f;
  IntegerType type;

  Bits(OpBuilder &b, Location loc, Type floatType)
      : b(b), loc(loc), f(floatType), type(b.getIntegerType(f.width)) {}
  Value c(const APInt &v) const {
    return arith::ConstantOp::create(b, loc, type, b.getIntegerAttr(type, v));
  }
  Value c(int64_t v) const { return c(APInt(f.width, v, /*isSigned=*/true)); }
  Value i32(int64_t v) const {
    return arith::ConstantOp::create(b, loc, b.getI32Type(),
                                     b.getI32IntegerAttr(v));
  }

  /// m·2^e → (m', e + k) with m' = m·2^−k ∈ ±[1, 2) when m is a normal
  /// number; zero, subnormals, infinities and NaN stay as they are.
  std::pair<Value, Value> renormalize(Value m, Value e) const {
    Value bits = arith::BitcastOp::create(b, loc, type, m);
    Value field = arith::AndIOp::create(
        b, loc, arith::ShRUIOp::create(b, loc, bits, c(f.mantissa)),
        c(f.exponentMask()));
    Value normal = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ult,
        arith::SubIOp::create(b, loc, field, c(1)), c(f.exponentMask() - 1));
    APInt keep = APInt::getSignMask(f.width) |
                 APInt::getLowBitsSet(f.width, f.mantissa);
    Value unit = arith::OrIOp::create(
        b, loc, arith::AndIOp::create(b, loc, bits, c(keep)),
        c(f.bias << f.mantissa));
    Value mOut = arith::SelectOp::create(
        b, loc, normal, arith::BitcastOp::create(b, loc, m.getType(), unit), m);
    Value k = arith::SelectOp::create(
        b, loc, normal, arith::SubIOp::create(b, loc, field, c(f.bias)), c(0));
    if (f.width > 32)
      k = arith::TruncIOp::create(b, loc, b.getI32Type(), k);
    return {mOut, arith::AddIOp::create(b, loc, e, k)};
  }

  /// 2^k for an i32 k, exactly, with k clamped to the normal exponents.
  Value pow2(Value k, Type floatType) const {
    k = arith::MinSIOp::create(
        b, loc, arith::MaxSIOp::create(b, loc, k, i32(1 - f.bias)), i32(f.bias));
    if (f.width > 32)
      k = arith::ExtSIOp::create(b, loc, type, k);
    Value bits = arith::ShLIOp::create(
        b, loc, arith::AddIOp::create(b, loc, k, c(f.bias)), c(f.mantissa));
    return arith::BitcastOp::create(b, loc, floatType, bits);
  }
};

/// ∏_j (1 − β[i, j]·x[b, j]) for every (b, i), as the reduction produces it.
///
/// productBlock = 1: `logSum` = Σ_j log1p(−β·x), one log1p per term, on βᵀ so
/// that the inner loop runs over contiguous outputs.
///
/// productBlock = K ∈ 2..4 dividing n: the product itself, as mantissa·2^exponent
/// with an i32 exponent. The loop runs over blocks of K columns; a block's
/// factors multiply into the mantissa m ∈ [1, 2), whose binary exponent then
/// moves into the integer exponent by bit operations: no logarithm in the
/// loop, and no underflow, because a nonzero factor is at least 2^−24 in f32
/// (2^−53 in f64), so m times four factors is at least 2^−96 (2^−212), a
/// normal number. Each factor 1 − β·x carries at most u/2 relative error, so
/// the product is within about n·u of exact, the order of the error of a sum
/// of n logarithms.
struct SynapseProduct {
  Value logSum;
  Value mantissa, exponent;

  SmallVector<Value> parts() const {
    if (logSum)
      return {logSum};
    return {mantissa, exponent};
  }
  /// log ∏, in an elementwise body whose operands `a` start with parts().
  Value log(const Scalar &s, ValueRange a) const {
    if (logSum)
      return a[0];
    Value e = arith::SIToFPOp::create(s.b, s.loc, s.type, a[1]);
    return s.add(s.log(a[0]), s.mul(e, s.c(M_LN2)));
  }
  /// v·∏, in an elementwise body whose operands `a` start with parts().
  /// The power of two is applied in two halves, each a normal number, so
  /// that results are exact down to the subnormals.
  Value times(const Scalar &s, ValueRange a, Value v) const {
    if (logSum)
      return s.mul(v, s.exp(a[0]));
    Bits bits(s.b, s.loc, s.type);
    Value half = arith::ShRSIOp::create(s.b, s.loc, a[1], bits.i32(1));
    Value rest = arith::SubIOp::create(s.b, s.loc, a[1], half);
    return s.mul(s.mul(s.mul(v, a[0]), bits.pow2(rest, s.type)),
                 bits.pow2(half, s.type));
  }
};

SynapseProduct synapseProduct(OpBuilder &b, Location loc, Value x, Value beta,
                              RankedTensorType resultType, int64_t productBlock) {
  MLIRContext *ctx = b.getContext();
  int64_t n = tensorType(beta).getDimSize(1);
  int64_t K = std::min<int64_t>(std::max<int64_t>(productBlock, 1), 4);
  while (K > 1 && (ShapedType::isDynamic(n) || n % K != 0))
    --K;
  SmallVector<Value> dyn = dynamicSizes(b, loc, resultType, {x});
  AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
             d2 = getAffineDimExpr(2, ctx);
  SmallVector<Value> xs, bs;
  if (K == 1) {
    xs = {x};
    bs = {transpose2D(b, loc, beta)};
  } else {
    xs = deinterleave(b, loc, x, K, /*transpose=*/false);
    bs = deinterleave(b, loc, beta, K, /*transpose=*/true);
  }
  SmallVector<AffineMap> maps;
  SmallVector<Value> ins;
  for (Value v : xs) {
    ins.push_back(v);
    maps.push_back(AffineMap::get(3, 0, {d0, d1}, ctx));
  }
  for (Value v : bs) {
    ins.push_back(v);
    maps.push_back(AffineMap::get(3, 0, {d1, d2}, ctx));
  }
  SmallVector<IteratorType> iters = {IteratorType::parallel,
                                     IteratorType::reduction,
                                     IteratorType::parallel};
  AffineMap outMap = AffineMap::get(3, 0, {d0, d2}, ctx);
  Type elementType = resultType.getElementType();

  if (K == 1) {
    maps.push_back(outMap);
    Value acc = filled(b, loc, resultType, dyn, 0.0);
    auto g = linalg::GenericOp::create(
        b, loc, TypeRange{resultType}, ins, ValueRange{acc}, maps, iters,
        [&](OpBuilder &nb, Location nl, ValueRange a) {
          Scalar s{nb, nl, elementType};
          Value term = s.log1p(s.neg(s.mul(a[1], a[0])));
          linalg::YieldOp::create(nb, nl, s.add(a[2], term));
        });
    return {g.getResult(0), {}, {}};
  }

  maps.append({outMap, outMap});
  auto exponentType = resultType.clone(b.getI32Type());
  Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
  Value e0 = linalg::FillOp::create(b, loc, zero,
                                    emptyTensor(b, loc, exponentType, dyn))
                 .getResult(0);
  Value m0 = filled(b, loc, resultType, dyn, 1.0);
  auto g = linalg::GenericOp::create(
      b, loc, TypeRange{resultType, exponentType}, ins, ValueRange{m0, e0},
      maps, iters, [&](OpBuilder &nb, Location nl, ValueRange a) {
        Scalar s{nb, nl, elementType};
        // The factors multiply pairwise off the loop-carried chain, which
        // is then one multiplication and the renormalisation per step.
        SmallVector<Value> factors;
        for (int64_t k = 0; k < K; ++k)
          factors.push_back(
              math::FmaOp::create(nb, nl, s.neg(a[K + k]), a[k], s.c(1.0)));
        while (factors.size() > 1) {
          SmallVector<Value> next;
          for (size_t k = 0; k + 1 < factors.size(); k += 2)
            next.push_back(s.mul(factors[k], factors[k + 1]));
          if (factors.size() % 2)
            next.push_back(factors.back());
          factors = std::move(next);
        }
        Value m = s.mul(a[2 * K], factors.front());
        auto [mOut, eOut] =
            Bits(nb, nl, elementType).renormalize(m, a[2 * K + 1]);
        linalg::YieldOp::create(nb, nl, ValueRange{mOut, eOut});
      });
  return {{}, g.getResult(0), g.getResult(1)};
}

struct SynapseDenseLowering : OpConversionPattern<syna::SynapseDenseOp> {
  SynapseDenseLowering(MLIRContext *ctx, int64_t productBlock)
      : OpConversionPattern(ctx), productBlock(productBlock) {}
  int64_t productBlock;
  LogicalResult
  matchAndRewrite(syna::SynapseDenseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    Value x = adaptor.getX();
    SynapseProduct prod =
        synapseProduct(rewriter, loc, x, adaptor.getBeta(), type, productBlock);
    SmallVector<Value> ins = prod.parts();
    size_t nParts = ins.size();
    ins.push_back(x);
    if (adaptor.getAlpha())
      ins.push_back(adaptor.getAlpha());
    Value y = elementwise(rewriter, loc, type, ins,
                          [&](const Scalar &s, ValueRange a) {
                            Value v = a[nParts];
                            if (a.size() > nParts + 1)
                              v = s.mul(a[nParts + 1], v);
                            return prod.times(s, a, v);
                          });
    rewriter.replaceOp(op, y);
    return success();
  }
};

/// ȳ[b, i] = x̄[b, i] + ᾱ_i + Σ_j G(x̄[b, j] + β̄[i, j]).
/// G(x̄_j + β̄_ij) = −log(1 − β_ij·p_j) with p = e^{−x̄}, β = e^{−β̄} computed
/// once (B·n + n² exponentials); the sum is the reduction's log ∏. Only the
/// excitatory path is carried as a surprisal sum, which is what removes the
/// underflow of long chains.
struct SurprisalSynapseDenseLowering
    : OpConversionPattern<syna::SurprisalSynapseDenseOp> {
  SurprisalSynapseDenseLowering(MLIRContext *ctx, int64_t productBlock)
      : OpConversionPattern(ctx), productBlock(productBlock) {}
  int64_t productBlock;
  LogicalResult
  matchAndRewrite(syna::SurprisalSynapseDenseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    RankedTensorType type = op.getType();
    auto expNeg = [](const Scalar &s, ValueRange a) { return s.exp(s.neg(a[0])); };
    Value p = elementwise(rewriter, loc, tensorType(adaptor.getX()),
                          {adaptor.getX()}, expNeg);
    Value beta = elementwise(rewriter, loc, tensorType(adaptor.getBeta()),
                             {adaptor.getBeta()}, expNeg);
    SynapseProduct prod = synapseProduct(rewriter, loc, p, beta, type, productBlock);
    SmallVector<Value> ins = prod.parts();
    size_t nParts = ins.size();
    ins.push_back(adaptor.getX());
    if (adaptor.getAlpha())
      ins.push_back(adaptor.getAlpha());
    Value y = elementwise(rewriter, loc, type, ins,
                          [&](const Scalar &s, ValueRange a) {
                            Value v = s.sub(a[nParts], prod.log(s, a));
                            return a.size() > nParts + 1
                                       ? s.add(a[nParts + 1], v)
                                       : v;
                          });
    rewriter.replaceOp(op, y);
    return success();
  }
};

} // namespace

void populateSynapseTensorLoweringPatterns(RewritePatternSet &patterns,
                                           int64_t productBlock) {
  patterns.add<SynapseDenseLowering, SurprisalSynapseDenseLowering>(
      patterns.getContext(), productBlock);
}

} // namespace syna::lowering
