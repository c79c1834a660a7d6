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

/// Whether `e` never decreases when a loop index grows.
bool isNonDecreasing(AffineExpr e) {
  switch (e.getKind()) {
  case AffineExprKind::DimId:
  case AffineExprKind::Constant:
    return true;
  case AffineExprKind::Add: {
    auto b = cast<AffineBinaryOpExpr>(e);
    return isNonDecreasing(b.getLHS()) && isNonDecreasing(b.getRHS());
  }
  case AffineExprKind::Mul:
  case AffineExprKind::FloorDiv:
  case AffineExprKind::CeilDiv: {
    auto b = cast<AffineBinaryOpExpr>(e);
    auto c = dyn_cast<AffineConstantExpr>(b.getRHS());
    return c && c.getValue() >= 0 && isNonDecreasing(b.getLHS());
  }
  default:
    return false;
  }
}

/// Linalg tiling takes the slice of an operand along a map result r as
/// [r(tile start), r(tile end − 1)]; that is the range the tile reads only
/// when r is non-decreasing. A reversed index (the flipped kernel
/// w[.., 4 − kh, 4 − kw] of conv2d_input_grad) would get a negative offset
/// and a size-1 slice, so such an op is neither tiled nor fused.
bool isTileable(linalg::LinalgOp op) {
  return llvm::all_of(op.getIndexingMapsArray(), [](AffineMap m) {
    return llvm::all_of(m.getResults(), isNonDecreasing);
  });
}

/// A dynamic extent (the batch) counts as this many iterations when a loop
/// nest's work is estimated: a training batch.
constexpr int64_t kNominalDynamicExtent = 100;

/// Estimated trip count of the loop nest.
int64_t estimatedTripCount(linalg::LinalgOp op) {
  int64_t count = 1;
  for (int64_t r : op.getStaticLoopRanges())
    count *= ShapedType::isDynamic(r) ? kNominalDynamicExtent : r;
  return count;
}

/// The linalg ops that only `root` needs: their results feed `root` or
/// other ops of the set and nothing else. Fusing a producer that something
/// else also reads would compute it twice: once per tile, and once whole
/// for the other reader (in a training step, every forward activation that
/// the backward pass reads would be recomputed in each gradient loop).
llvm::SmallPtrSet<Operation *, 16> exclusiveProducers(Operation *root) {
  llvm::SmallPtrSet<Operation *, 16> cone;
  cone.insert(root);
  for (Operation *op = root->getPrevNode(); op; op = op->getPrevNode())
    if (isa<linalg::LinalgOp>(op) && !op->use_empty() &&
        llvm::all_of(op->getUsers(),
                     [&](Operation *user) { return cone.contains(user); }))
      cone.insert(op);
  return cone;
}

bool isTopLevelRootCandidate(Operation *op, func::FuncOp func,
                             int64_t minParallelWork) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || op->getParentOp() != func || !linalgOp.hasPureTensorSemantics())
    return false;
  if (op->hasAttr("syna.untileable") || !isTileable(linalgOp))
    return false;
  SmallVector<utils::IteratorType> iters = linalgOp.getIteratorTypesArray();
  if (iters.empty() || iters[0] != utils::IteratorType::parallel)
    return false;
  // Small loop nests (a transpose of a small β, a softmax over 10 classes
  // per sample) are not worth a parallel region of their own: its fork and
  // join cost more than the loop. A small batch op whose tile would fuse a
  // large producer (the elementwise epilogue of a synapse tensor) is a root
  // all the same, so that the producer runs in parallel.
  if (estimatedTripCount(linalgOp) >= minParallelWork)
    return true;
  if (!llvm::any_of(linalgOp.getStaticLoopRanges(), ShapedType::isDynamic))
    return false;
  return llvm::any_of(exclusiveProducers(op), [&](Operation *producer) {
    return estimatedTripCount(cast<linalg::LinalgOp>(producer)) >= minParallelWork;
  });
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

/// The forall tile of a leading loop: `batchTile` along a dynamic (batch)
/// loop; along a static one (the output channels of a weight gradient,
/// whose batch is a reduction), the smallest divisor of the extent that
/// makes at most four tiles, so that the loop is shared among threads
/// instead of running as one tile.
int64_t staticTileSize(int64_t extent, int64_t batchTile) {
  if (ShapedType::isDynamic(extent))
    return batchTile;
  for (int64_t t = (extent + 3) / 4; t < extent; ++t)
    if (extent % t == 0)
      return t;
  return extent;
}

/// Register-blocked accumulators (vectors of at most `vector-width` lanes):
/// AVX-512 has 32 vector registers, a few stay for the operands.
constexpr int64_t kMaxAccumulators = 25;

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
      SmallVector<int64_t> ranges = linalgOp.getStaticLoopRanges();
      SmallVector<OpFoldResult> sizes;
      for (auto [i, t] : llvm::enumerate(tileSizes)) {
        if (i >= iters.size() || iters[i] != utils::IteratorType::parallel)
          break;
        sizes.push_back(rewriter.getIndexAttr(staticTileSize(ranges[i], t)));
      }
      scf::SCFTileAndFuseOptions options;
      options.tilingOptions.setTileSizes(sizes).setLoopType(
          scf::SCFTilingOptions::LoopType::ForallOp);
      // A zero fill costs nothing to repeat per tile: fused, a shared one
      // still gives every tile a tile-local destination.
      llvm::SmallPtrSet<Operation *, 16> exclusive = exclusiveProducers(root);
      options.setFusionControlFn(
          [&](tensor::ExtractSliceOp slice, OpResult producer, bool)
              -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
            auto producerOp =
                dyn_cast<linalg::LinalgOp>(producer.getOwner());
            if (!producerOp || !isTileable(producerOp) ||
                coversWholeSource(slice) ||
                (!exclusive.contains(producerOp) &&
                 !isa<linalg::FillOp>(producerOp)))
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

  /// The widest vector width ≥ 4 that divides `extent`, or 0.
  int64_t widthFor(int64_t extent) const {
    if (ShapedType::isDynamic(extent))
      return 0;
    int64_t w = vectorWidth;
    while (w >= 4 && extent % w != 0)
      w /= 2;
    return w >= 4 ? w : 0;
  }

  /// When the innermost loop does not vectorize (a convolution or pooling
  /// window, kw = 5 or 2), the parallel loop that indexes the last dimension
  /// of every result (ow: contiguous stores), if its extent does. Its tile
  /// loop stays outside the reduction loops, so each vector of results
  /// accumulates at one address (kept in a register) over the whole window,
  /// in the same order as before: the sums are bit-identical.
  std::optional<unsigned> contiguousResultLoop(linalg::LinalgOp op) {
    if (!isa<linalg::GenericOp>(op.getOperation()))
      return std::nullopt;
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    std::optional<unsigned> p;
    for (OpOperand &init : op.getDpsInitsMutable()) {
      AffineMap out = op.getMatchingIndexingMap(&init);
      if (out.getNumResults() == 0)
        return std::nullopt;
      auto last = dyn_cast<AffineDimExpr>(out.getResults().back());
      if (!last || (p && *p != last.getPosition()))
        return std::nullopt;
      p = last.getPosition();
    }
    if (!p || op.getIteratorTypesArray()[*p] != utils::IteratorType::parallel ||
        !widthFor(ranges[*p]))
      return std::nullopt;
    return p;
  }

  /// Register blocking of the vector loop `vd`: blocks of up to two other
  /// parallel loops with static extents, as a map loop → block size. The
  /// first loop is one that an input read along `vd` does not depend on (a
  /// convolution's output channel: the input row is reused for each); the
  /// second, one that the input indexed by the first does not depend on (a
  /// weight gradient's kernel row: the output-gradient row is reused for
  /// each). Each block divides its extent. A b1×b2 block keeps b1·b2
  /// independent accumulators (at most `kMaxAccumulators`) and loads about
  /// b1 + b2 operands per step: the block with the most multiply-adds per
  /// loaded operand wins (ties: more accumulators).
  llvm::SmallDenseMap<unsigned, int64_t, 2>
  registerBlock(linalg::LinalgOp op, unsigned vd) {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    SmallVector<AffineMap> inputMaps;
    for (OpOperand *in : op.getDpsInputOperands())
      inputMaps.push_back(op.getMatchingIndexingMap(in));
    auto blockable = [&](unsigned l) {
      return l != vd && op.getIteratorTypesArray()[l] == utils::IteratorType::parallel &&
             !ShapedType::isDynamic(ranges[l]) && ranges[l] >= 2;
    };
    // Whether blocking `l` reuses a vector input that does not depend on it.
    auto reusedAlong = [&](unsigned l) {
      return llvm::any_of(inputMaps, [&](AffineMap m) {
        return m.isFunctionOfDim(vd) && !m.isFunctionOfDim(l);
      });
    };
    auto largestDivisor = [](int64_t extent, int64_t cap) {
      for (int64_t b = std::min<int64_t>(cap, extent); b >= 2; --b)
        if (extent % b == 0)
          return b;
      return int64_t(1);
    };
    llvm::SmallDenseMap<unsigned, int64_t, 2> best;
    int64_t bestChains = 0, bestLoads = 1;
    auto consider = [&](llvm::SmallDenseMap<unsigned, int64_t, 2> blocks,
                        int64_t chains, int64_t loads) {
      // chains / loads > bestChains / bestLoads, in integers.
      int64_t lhs = chains * bestLoads, rhs = bestChains * loads;
      if (lhs > rhs || (lhs == rhs && chains > bestChains)) {
        best = std::move(blocks);
        bestChains = chains;
        bestLoads = loads;
      }
    };
    for (unsigned l1 = 0; l1 < ranges.size(); ++l1) {
      if (!blockable(l1) || !reusedAlong(l1))
        continue;
      for (int64_t b1 = largestDivisor(ranges[l1], 8); b1 >= 2;
           b1 = largestDivisor(ranges[l1], b1 - 1)) {
        consider({{l1, b1}}, b1, b1 + 1);
        for (unsigned l2 = 0; l2 < ranges.size(); ++l2) {
          if (l2 == l1 || !blockable(l2))
            continue;
          // The inputs that vary along l1 must not vary along l2.
          bool reused = llvm::any_of(inputMaps, [&](AffineMap m) {
            return m.isFunctionOfDim(l1) && !m.isFunctionOfDim(l2);
          });
          int64_t b2 = largestDivisor(ranges[l2], kMaxAccumulators / b1);
          if (reused && b2 >= 2)
            consider({{l1, b1}, {l2, b2}}, b1 * b2, b1 + b2);
        }
      }
    }
    return best;
  }

  /// Tiles `op` to 1×…×1×w and vectorizes the tile.
  void vectorizeOne(IRRewriter &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    if (ranges.empty() || !isTileable(op))
      return;
    // The vectorized loop.
    unsigned vd = ranges.size() - 1;
    if (!widthFor(ranges.back()))
      if (std::optional<unsigned> p = contiguousResultLoop(op))
        vd = *p;
    int64_t inner = ranges[vd];
    int64_t w = widthFor(inner);
    // A window op's whole output row (ow = 12) in one vector: more
    // independent lanes per window step.
    if (vd + 1 != ranges.size() && inner <= vectorWidth)
      w = inner;
    // No power of two divides a parallel extent such as 250 (the MLP's
    // hidden layer): a divisor (10) still beats scalar code; LLVM widens or
    // splits the odd vector.
    if (!w && !ShapedType::isDynamic(inner) &&
        op.getIteratorTypesArray()[vd] == utils::IteratorType::parallel)
      for (int64_t d = std::min<int64_t>(vectorWidth, inner); d >= 4 && !w; --d)
        if (inner % d == 0)
          w = d;
    if (!w)
      return;
    // With the reductions innermost (below), a tile of up to four vectors of
    // the last parallel loop gives the accumulators independent dependency
    // chains (register blocking).
    SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
    bool reducesInner = iters.back() == utils::IteratorType::parallel &&
                        llvm::is_contained(iters, utils::IteratorType::reduction);
    if (reducesInner)
      for (int64_t wider = 2 * w; wider <= 4 * vectorWidth && inner % wider == 0;
           wider *= 2)
        w = wider;
    // A window op's accumulator over the whole window is one chain of
    // dependent adds: a block of rows of another parallel loop gives
    // independent chains that share the vector operand.
    // Likewise a reduction whose vector loop is one narrow vector (the ow
    // lanes of a convolution's weight gradient): without a block, each
    // output is one chain over the whole batch.
    llvm::SmallDenseMap<unsigned, int64_t, 2> blocks;
    bool oneNarrowVector = w < 2 * vectorWidth && reducesInner;
    if (vd + 1 != ranges.size() || oneNarrowVector)
      blocks = registerBlock(op, vd);
    // Without a block, a row of up to two vectors that no power of two
    // divides (the 24 lanes of a bias gradient's rows) is taken whole.
    if (blocks.empty() && reducesInner && w < inner && inner <= 2 * vectorWidth)
      w = inner;
    SmallVector<OpFoldResult> sizes;
    for (auto [i, r] : llvm::enumerate(ranges)) {
      int64_t t = r == 1 ? 0 : 1;
      if (i == vd)
        t = inner == w ? 0 : w;
      else if (auto it = blocks.find(i); it != blocks.end())
        t = it->second == r ? 0 : it->second;
      sizes.push_back(rewriter.getIndexAttr(t));
    }
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
    // A tiled window op (conv, pool) still reads x[.., oh + kh, ow + kw]
    // with kh, kw of extent 1: dropping the unit loops leaves projected
    // permutations, which the generic vectorizer accepts. Likewise a
    // reduction whose combiner the vectorizer does not know (the select of
    // an argmax, the synapse tensor's mantissa–exponent step) becomes
    // elementwise once its reduction loops, of extent 1 in the tile, are
    // gone.
    if (auto g = dyn_cast<linalg::GenericOp>(target);
        g && failed(linalg::vectorizeOpPrecondition(g))) {
      rewriter.setInsertionPoint(g);
      // Rank-reducing slices, not reshapes: the accumulator's
      // extract_slice/insert_slice pair can then leave the reduction loops.
      linalg::ControlDropUnitDims control;
      control.rankReductionStrategy =
          linalg::ControlDropUnitDims::RankReductionStrategy::ExtractInsertSlice;
      FailureOr<linalg::DropUnitDimsResult> r =
          linalg::dropUnitDims(rewriter, g, control);
      if (succeeded(r)) {
        rewriter.replaceOp(g, r->replacements);
        target = r->resultOp;
      }
    }
    rewriter.setInsertionPoint(target);
    if (failed(linalg::vectorizeOpPrecondition(target)))
      return;
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
    SmallVector<linalg::LinalgOp> windowOps;
    func.walk([&](linalg::LinalgOp op) {
      if (!op.hasPureTensorSemantics())
        return;
      if (isa<linalg::GenericOp, linalg::FillOp, linalg::TransposeOp, linalg::CopyOp>(op))
        ops.push_back(op);
      else if (linalg::isaConvolutionOpInterface(op))
        windowOps.push_back(op);
    });
    IRRewriter rewriter(func.getContext());
    // Named convolutions and poolings would lower to scalar loops: as
    // generics, vectorizeOne can reorder and vectorize them.
    for (linalg::LinalgOp op : windowOps) {
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::GenericOp> g = linalg::generalizeNamedOp(rewriter, op);
      if (succeeded(g))
        ops.push_back(*g);
    }
    for (linalg::LinalgOp op : ops)
      vectorizeOne(rewriter, op);
    RewritePatternSet patterns(func.getContext());
    tensor::populateFoldTensorEmptyPatterns(patterns);
    scf::ForOp::getCanonicalizationPatterns(patterns, func.getContext());
    tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns, func.getContext());
    (void)applyPatternsGreedily(func, std::move(patterns));
    // A vector of results that a reduction loop nest reads and writes at
    // one place (a convolution's ow vector over (c, kh, kw)) becomes a loop
    // iter_arg, kept in registers instead of a load and a store per step.
    // Only reduction loops, whose body writes a vector at a place that does
    // not move with the loop (inner loops first, so that a hoisted pair
    // reaches the next loop out): the subset analysis is expensive, and a
    // train step has thousands of loops.
    SmallVector<scf::ForOp> loops;
    func.walk([&](scf::ForOp loop) { loops.push_back(loop); });
    for (scf::ForOp loop : loops) {
      Block *body = loop.getBody();
      bool movesOutput = llvm::any_of(
          body->getOps<tensor::InsertSliceOp>(), [&](tensor::InsertSliceOp insert) {
            return llvm::is_contained(insert->getOperands(), loop.getInductionVar());
          });
      // One value per sample (tensor<?xf32>: a row reduction over a few
      // classes) is the slowest case of the analysis, for a scalar
      // accumulator.
      bool perSampleScalars = llvm::all_of(loop.getRegionIterArgs(), [](Value a) {
        auto t = dyn_cast<ShapedType>(a.getType());
        return t && t.getRank() == 1 && t.isDynamicDim(0);
      });
      if (!movesOutput && !perSampleScalars &&
          !body->getOps<vector::TransferWriteOp>().empty())
        (void)hoistLoopInvariantSubsets(rewriter, loop);
    }
  }
};

} // namespace
