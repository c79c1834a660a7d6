//===- MathApproximation.cpp - vectorizable transcendental functions ------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace syna {
#define GEN_PASS_DEF_MATHAPPROXIMATION
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {
struct MathApproximationPass
    : ::syna::impl::MathApproximationBase<MathApproximationPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    // exp, expm1, log, log1p, log2, tanh, erf, ... as f32 polynomials that
    // work on vectors; f64 stays with libm.
    populateMathPolynomialApproximationPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    // What is left (f64 log1p, expm1, tanh, erf, ...) has no LLVM intrinsic
    // and must not fall back to log(1 + x): call libm, unrolling vectors.
    // Only these ops: libm calls for fma or floor would scalarize vectors
    // that LLVM lowers to instructions.
    SmallVector<Operation *> libmOps;
    getOperation()->walk([&](Operation *op) {
      if (isa<math::Log1pOp, math::ExpM1Op, math::TanhOp, math::ErfOp,
              math::AtanOp, math::Atan2Op, math::CbrtOp>(op))
        libmOps.push_back(op);
    });
    if (libmOps.empty())
      return;
    RewritePatternSet libm(&getContext());
    populateMathToLibmConversionPatterns(libm);
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
    if (failed(applyOpPatternsGreedily(libmOps, std::move(libm), config)))
      return signalPassFailure();
  }
};
} // namespace
