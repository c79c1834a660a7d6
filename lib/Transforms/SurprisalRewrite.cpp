//===- SurprisalRewrite.cpp - probability products to surprisal sums ------===//
//
// docs/math.md §2: with x̄ = −log x, a synapse α·x·(1 − β·y) has surprisal
// ᾱ + x̄ + G(ȳ + β̄), and the synapse tensor
//   ȳ_i = ᾱ_i + x̄_i + Σ_j G(x̄_j + β̄_ij).
// Each synapse is rewritten into its surprisal form wrapped in conversions;
// folding surprisal(prob(s)) = s then keeps chains in surprisal space.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"

namespace syna {
#define GEN_PASS_DEF_SURPRISALREWRITE
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

Value toSurprisal(PatternRewriter &rewriter, Location loc, Value p) {
  if (!p)
    return p;
  return syna::SurprisalOp::create(rewriter, loc, p.getType(), p);
}

struct SynapseDenseToSurprisal : OpRewritePattern<syna::SynapseDenseOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(syna::SynapseDenseOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value xs = toSurprisal(rewriter, loc, op.getX());
    Value bs = toSurprisal(rewriter, loc, op.getBeta());
    Value as = toSurprisal(rewriter, loc, op.getAlpha());
    Value ys = syna::SurprisalSynapseDenseOp::create(rewriter, loc, op.getType(),
                                                   xs, bs, as);
    rewriter.replaceOpWithNewOp<syna::ProbOp>(op, op.getType(), ys);
    return success();
  }
};

struct SynapseToSurprisal : OpRewritePattern<syna::SynapseOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(syna::SynapseOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value xs = toSurprisal(rewriter, loc, op.getX());
    Value ys = toSurprisal(rewriter, loc, op.getY());
    Value bs = toSurprisal(rewriter, loc, op.getBeta());
    Value as = toSurprisal(rewriter, loc, op.getAlpha());
    Value s = syna::SurprisalSynapseOp::create(rewriter, loc, op.getType(), xs,
                                             ys, bs, as);
    rewriter.replaceOpWithNewOp<syna::ProbOp>(op, op.getType(), s);
    return success();
  }
};

/// surprisal(a · b) = surprisal(a) + surprisal(b) for same-typed tensors.
struct ProductToSum : OpRewritePattern<syna::SurprisalOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(syna::SurprisalOp op,
                                PatternRewriter &rewriter) const override {
    auto mul = op.getInput().getDefiningOp<arith::MulFOp>();
    if (!mul || mul.getType() != op.getType())
      return rewriter.notifyMatchFailure(op, "not a product");
    Location loc = op.getLoc();
    Value a = toSurprisal(rewriter, loc, mul.getLhs());
    Value b = toSurprisal(rewriter, loc, mul.getRhs());
    rewriter.replaceOpWithNewOp<arith::AddFOp>(op, a, b);
    return success();
  }
};

struct SurprisalRewritePass
    : ::syna::impl::SurprisalRewriteBase<SurprisalRewritePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<SynapseDenseToSurprisal, SynapseToSurprisal, ProductToSum>(
        &getContext());
    // The folders of syna.surprisal / syna.prob cancel the conversions
    // between consecutive synapses.
    syna::SurprisalOp::getCanonicalizationPatterns(patterns, &getContext());
    syna::ProbOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
