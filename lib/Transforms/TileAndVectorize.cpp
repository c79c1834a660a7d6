//===- TileAndVectorize.cpp - batch tiling with fusion, vectorization -----===//
//
// Phase 1 makes each remaining top-level linalg op the root of an scf.forall
// over batch tiles and fuses its linalg producers into the tile, so that a
// synapse reduction, its x producers, its fill and its elementwise epilogue
// run tile by tile with tile-local temporaries. Phase 2 tiles every linalg
// op with static inner extent to 1×…×1×w and vectorizes it; the innermost
// loop of the synapse reduction (b, j, i) then runs over w contiguous
// outputs, with log1p/exp on vectors.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace syna {
#define GEN_PASS_DEF_TILEANDVECTORIZE
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

/// A slice that covers its whole source: every tile would need all of the
/// producer, so fusing it would recompute it per tile.
bool coversWholeSource(tensor::ExtractSliceOp slice) {
  RankedTensorType source = slice.getSourceType();
  for (auto [d, offset, size] :
       llvm::enumerate(slice.getMixedOffsets(), slice.getMixedSizes())) {
    std::optional<int64_t> o = getConstantIntValue(offset);
    if (!o || *o != 0)
      return false;
    if (std::optional<int64_t> s = getConstantIntValue(size)) {
      if (source.isDynamicDim(d) || *s != source.getDimSize(d))
        return false;
      continue;
    }
    auto dim = dyn_cast_if_present<Value>(size)
                   ? dyn_cast_if_present<Value>(size).getDefiningOp<tensor::DimOp>()
                   : tensor::DimOp();
    std::optional<int64_t> idx = dim ? dim.getConstantIndex() : std::nullopt;
    if (!dim || !idx || *idx != static_cast<int64_t>(d) ||
        dim.getSource() != slice.getSource())
      return false;
  }
  return true;
}

/// Static trip count of the loop nest, or nullopt when a bound is dynamic.
std::optional<int64_t> staticTripCount(linalg::LinalgOp op) {
  int64_t count = 1;
  for (int64_t r : op.getStaticLoopRanges()) {
    if (ShapedType::isDynamic(r))
      return std::nullopt;
    count *= r;
  }
  return count;
}

bool isTopLevelRootCandidate(Operation *op, func::FuncOp func,
                             int64_t minParallelWork) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || op->getParentOp() != func || !linalgOp.hasPureTensorSemantics())
    return false;
  if (op->hasAttr("syna.untileable"))
    return false;
  SmallVector<utils::IteratorType> iters = linalgOp.getIteratorTypesArray();
  if (iters.empty() || iters[0] != utils::IteratorType::parallel)
    return false;
  // Small static loop nests (a transpose of a small β) are not worth a
  // parallel region of their own, unless they consume a large one: the
  // synapse tensor's epilogue is small but, as the root, takes the whole
  // reduction into its batch tiles.
  std::function<bool(linalg::LinalgOp)> large = [&](linalg::LinalgOp l) {
    std::optional<int64_t> trips = staticTripCount(l);
    if (!trips || *trips >= minParallelWork)
      return true;
    return llvm::any_of(l.getDpsInputs(), [&](Value in) {
      auto producer = in.getDefiningOp<linalg::LinalgOp>();
      return producer && producer->getParentOp() == func && large(producer);
    });
  };
  return large(linalgOp);
}

void eraseDeadLinalg(RewriterBase &rewriter, func::FuncOp func) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (Operation &op : llvm::make_early_inc_range(
             llvm::reverse(func.getBody().front()))) {
      if ((isa<linalg::LinalgOp>(op) || isa<tensor::EmptyOp>(op)) &&
          op.use_empty() && op.getNumResults() > 0) {
        rewriter.eraseOp(&op);
        changed = true;
      }
    }
  }
}

struct TileAndVectorizePass
    : ::syna::impl::TileAndVectorizeBase<TileAndVectorizePass> {
  using Base::Base;

  LogicalResult tileBatch(func::FuncOp func) {
    IRRewriter rewriter(func.getContext());
    while (true) {
      Operation *root = nullptr;
      for (Operation &op : llvm::reverse(func.getBody().front()))
        if (isTopLevelRootCandidate(&op, func, minParallelWork)) {
          root = &op;
          break;
        }
      if (!root)
        break;
      auto linalgOp = cast<linalg::LinalgOp>(root);
      SmallVector<utils::IteratorType> iters = linalgOp.getIteratorTypesArray();
      SmallVector<OpFoldResult> sizes;
      for (auto [i, t] : llvm::enumerate(tileSizes)) {
        if (i >= iters.size() || iters[i] != utils::IteratorType::parallel)
          break;
        sizes.push_back(rewriter.getIndexAttr(t));
      }
      scf::SCFTileAndFuseOptions options;
      options.tilingOptions.setTileSizes(sizes).setLoopType(
          scf::SCFTilingOptions::LoopType::ForallOp);
      options.setFusionControlFn(
          [](tensor::ExtractSliceOp slice, OpResult producer, bool)
              -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
            if (!isa<linalg::LinalgOp>(producer.getOwner()) ||
                coversWholeSource(slice))
              return std::nullopt;
            return scf::SCFTileAndFuseOptions::ControlFnResult{};
          });
      rewriter.setInsertionPoint(root);
      FailureOr<scf::SCFTileAndFuseResult> result =
          scf::tileConsumerAndFuseProducersUsingSCF(
              rewriter, cast<TilingInterface>(root), options);
      if (failed(result)) {
        root->setAttr("syna.untileable", rewriter.getUnitAttr());
        continue;
      }
      for (OpResult r : root->getResults())
        if (Value v = result->replacements.lookup(r))
          rewriter.replaceAllUsesWith(r, v);
      // The tiled root and fused ops now live inside the forall.
      if (root->use_empty())
        rewriter.eraseOp(root);
      else
        root->setAttr("syna.untileable", rewriter.getUnitAttr());
      eraseDeadLinalg(rewriter, func);
    }
    func.walk([](Operation *op) { op->removeAttr("syna.untileable"); });
    // extract_slice(tensor.empty) → a tile-sized tensor.empty: temporaries
    // become tile-local.
    RewritePatternSet patterns(func.getContext());
    tensor::populateFoldTensorEmptyPatterns(patterns);
    return applyPatternsGreedily(func, std::move(patterns));
  }

  /// Tiles `op` to 1×…×1×w and vectorizes the tile.
  void vectorizeOne(IRRewriter &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    if (ranges.empty())
      return;
    int64_t inner = ranges.back();
    if (ShapedType::isDynamic(inner))
      return;
    int64_t w = vectorWidth;
    while (w >= 4 && inner % w != 0)
      w /= 2;
    if (w < 4)
      return;
    // With the reductions innermost (below), a tile of up to four vectors of
    // the last parallel loop gives the accumulators independent dependency
    // chains (register blocking).
    SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
    if (iters.back() == utils::IteratorType::parallel &&
        llvm::is_contained(iters, utils::IteratorType::reduction))
      for (int64_t wider = 2 * w; wider <= 4 * vectorWidth && inner % wider == 0;
           wider *= 2)
        w = wider;
    SmallVector<OpFoldResult> sizes;
    for (size_t i = 0; i + 1 < ranges.size(); ++i)
      sizes.push_back(rewriter.getIndexAttr(ranges[i] == 1 ? 0 : 1));
    sizes.push_back(rewriter.getIndexAttr(inner == w ? 0 : w));
    Operation *target = op;
    if (llvm::any_of(sizes, [](OpFoldResult s) {
          return getConstantIntValue(s) != 0;
        })) {
      scf::SCFTilingOptions options;
      options.setTileSizes(sizes);
      SmallVector<unsigned> reductionDims;
      for (auto [i, t] : llvm::enumerate(iters))
        if (t == utils::IteratorType::reduction)
          reductionDims.push_back(i);
      options.setReductionDims(reductionDims);
      // Reductions innermost: a tile's vector accumulators then stay in
      // registers across the reduction (hoisted below) instead of a load and
      // a store per step.
      if (!reductionDims.empty()) {
        SmallVector<int64_t> order;
        for (auto [i, t] : llvm::enumerate(iters))
          if (t == utils::IteratorType::parallel)
            order.push_back(i);
        llvm::append_range(order, reductionDims);
        options.setInterchange(order);
      }
      rewriter.setInsertionPoint(op);
      FailureOr<scf::SCFTilingResult> tiled =
          scf::tileUsingSCF(rewriter, cast<TilingInterface>(op.getOperation()),
                            options);
      if (failed(tiled))
        return;
      rewriter.replaceOp(op, tiled->replacements);
      target = tiled->tiledOps.back();
    }
    rewriter.setInsertionPoint(target);
    if (failed(linalg::vectorizeOpPrecondition(target))) {
      // A tile whose reduction loops have extent 1 is elementwise; without
      // its unit loops the vectorizer need not recognise the combiner (the
      // synapse tensor's mantissa–exponent step is not an add or a max).
      auto generic = dyn_cast<linalg::GenericOp>(target);
      if (!generic)
        return;
      linalg::ControlDropUnitDims control;
      // Rank-reducing slices, not reshapes: the accumulator's slice pairs
      // stay recognisable to the loop-invariant subset hoisting below.
      control.rankReductionStrategy = linalg::ControlDropUnitDims::
          RankReductionStrategy::ExtractInsertSlice;
      FailureOr<linalg::DropUnitDimsResult> dropped =
          linalg::dropUnitDims(rewriter, generic, control);
      if (failed(dropped))
        return;
      rewriter.replaceOp(generic, dropped->replacements);
      target = dropped->resultOp;
      if (failed(linalg::vectorizeOpPrecondition(target)))
        return;
    }
    FailureOr<linalg::VectorizationResult> v = linalg::vectorize(rewriter, target);
    if (failed(v))
      return;
    if (target->getNumResults())
      rewriter.replaceOp(target, v->replacements);
    else
      rewriter.eraseOp(target);
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (!tileSizes.empty() && failed(tileBatch(func)))
      return signalPassFailure();
    if (!vectorize)
      return;
    SmallVector<linalg::LinalgOp> ops;
    func.walk([&](linalg::LinalgOp op) {
      if (isa<linalg::GenericOp, linalg::FillOp, linalg::TransposeOp>(op) &&
          op.hasPureTensorSemantics())
        ops.push_back(op);
    });
    IRRewriter rewriter(func.getContext());
    for (linalg::LinalgOp op : ops)
      vectorizeOne(rewriter, op);
    RewritePatternSet patterns(func.getContext());
    tensor::populateFoldTensorEmptyPatterns(patterns);
    scf::ForOp::getCanonicalizationPatterns(patterns, func.getContext());
    tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns, func.getContext());
    (void)applyPatternsGreedily(func, std::move(patterns));
    // Accumulator slices and their vector reads and writes leave the
    // reduction loops: the accumulators become loop-carried vectors.
    func.walk([&](scf::ForOp loop) {
      (void)hoistLoopInvariantSubsets(rewriter, loop);
    });
  }
};

} // namespace
