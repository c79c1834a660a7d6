//===- Vectorize.cpp - vector tiling of the marked linalg ops -------------===//
//
// The transformation half of vectorization: each linalg op that
// syna-select-vectorization marked with `syna.vectorization` is tiled as
// its configuration says and the tile is vectorized (linalg::vectorize).
// The accumulators of reduction loops are then hoisted into loop-carried
// vectors. No choices are made here beyond what vectorization legally
// needs.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "syna/Dialect/Syna/IR/SynaLoweringAttrs.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace syna {
#define GEN_PASS_DEF_VECTORIZE
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {

namespace {

/// Marks a tile that the second phase of the pass vectorizes.
constexpr llvm::StringLiteral kVectorTileAttrName = "syna.vector_tile";

/// The tile loop that `tiled` steps over loop `dim` of the op with: loops
/// exist for the loops of nonzero tile size, outermost first in the order
/// `interchange`.
scf::ForOp tileLoopOf(scf::SCFTilingResult &tiled,
                      ArrayRef<int64_t> tileSizes, ArrayRef<int64_t> interchange,
                      unsigned dim) {
  unsigned position = 0;
  for (int64_t l : interchange) {
    if (tileSizes[l] == 0)
      continue;
    if (l == dim)
      return position < tiled.loops.size()
                 ? dyn_cast<scf::ForOp>(tiled.loops[position].getOperation())
                 : scf::ForOp();
    ++position;
  }
  return {};
}

/// Tiles `op` by `config` and marks the op of the tile (`op` itself when no
/// loop is tiled) for vectorization. When the vector tile does not divide
/// the vector loop, the tile loop's last, partial iteration is peeled off
/// (scf::peelForLoopAndSimplifyBounds): the whole tiles keep static shapes
/// and their accumulators stay in registers, and the rest is a tile of its
/// own, of static shape too once the pass folds the peeled bounds
/// (docs/cpu-backend.md, "Fusion and tiling"). Returns whether it peeled.
bool tileForVectorization(RewriterBase &rewriter, linalg::LinalgOp op,
                          VectorizationAttr config) {
  ArrayRef<int64_t> tileSizes = config.getTileSizes().asArrayRef();
  if (llvm::all_of(tileSizes, [](int64_t s) { return s == 0; })) {
    op->setAttr(kVectorTileAttrName, rewriter.getUnitAttr());
    return false;
  }
  SmallVector<OpFoldResult> sizes;
  for (int64_t size : tileSizes)
    sizes.push_back(rewriter.getIndexAttr(size));
  scf::SCFTilingOptions options;
  options.setTileSizes(sizes);
  SmallVector<unsigned> reductionDims;
  for (auto [l, iter] : llvm::enumerate(op.getIteratorTypesArray()))
    if (iter == utils::IteratorType::reduction)
      reductionDims.push_back(l);
  options.setReductionDims(reductionDims);
  ArrayRef<int64_t> interchange = config.getInterchange().asArrayRef();
  if (!llvm::equal(interchange, llvm::seq<int64_t>(0, interchange.size())))
    options.setInterchange(interchange);
  unsigned vd = config.getVectorLoop();
  int64_t extent = op.getStaticLoopRanges()[vd];
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled))
    return false;
  rewriter.replaceOp(op, tiled->replacements);
  tiled->tiledOps.back()->setAttr(kVectorTileAttrName, rewriter.getUnitAttr());
  if (tileSizes[vd] == 0 || ShapedType::isDynamic(extent) ||
      extent % tileSizes[vd] == 0)
    return false;
  scf::ForOp loop = tileLoopOf(*tiled, tileSizes, interchange, vd);
  scf::ForOp partial;
  return loop &&
         succeeded(scf::peelForLoopAndSimplifyBounds(rewriter, loop, partial));
}

/// Folds the bounds of peeled tiles into static shapes: constant affine.min
/// and affine.apply, single-iteration loops inlined, slices of constant size
/// given static types, and linalg ops retyped through the casts.
void foldPeeledTileShapes(func::FuncOp func) {
  MLIRContext *ctx = func.getContext();
  RewritePatternSet patterns(ctx);
  affine::AffineMinOp::getCanonicalizationPatterns(patterns, ctx);
  affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
  scf::ForOp::getCanonicalizationPatterns(patterns, ctx);
  tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns, ctx);
  tensor::InsertSliceOp::getCanonicalizationPatterns(patterns, ctx);
  tensor::CastOp::getCanonicalizationPatterns(patterns, ctx);
  ctx->getLoadedDialect<linalg::LinalgDialect>()->getCanonicalizationPatterns(
      patterns);
  // Casts from the static slices into the tile op (FoldTensorCastProducerOp).
  ctx->getLoadedDialect<tensor::TensorDialect>()->getCanonicalizationPatterns(
      patterns);
  (void)applyPatternsGreedily(func, std::move(patterns));
}

/// A tiled window op (conv, pool) still reads x[.., oh + kh, ow + kw] with
/// kh, kw of extent 1: dropping the unit loops leaves projected
/// permutations, which the generic vectorizer accepts. Likewise a reduction
/// whose combiner the vectorizer does not know (a select-based argmax, a
/// mantissa–exponent product) becomes elementwise once its reduction loops,
/// of extent 1 in the tile, are gone. Returns the op to vectorize.
Operation *dropUnitLoopsIfNeeded(RewriterBase &rewriter, Operation *target) {
  auto generic = dyn_cast<linalg::GenericOp>(target);
  if (!generic || succeeded(linalg::vectorizeOpPrecondition(generic)))
    return target;
  rewriter.setInsertionPoint(generic);
  // Rank-reducing slices, not reshapes: the accumulator's
  // extract_slice/insert_slice pair can then leave the reduction loops.
  linalg::ControlDropUnitDims control;
  control.rankReductionStrategy =
      linalg::ControlDropUnitDims::RankReductionStrategy::ExtractInsertSlice;
  FailureOr<linalg::DropUnitDimsResult> dropped =
      linalg::dropUnitDims(rewriter, generic, control);
  if (failed(dropped))
    return target;
  rewriter.replaceOp(generic, dropped->replacements);
  return dropped->resultOp;
}

/// Vectorizes the tile `target`; leaves it unvectorized when the
/// vectorizer rejects it.
void vectorizeTile(RewriterBase &rewriter, Operation *target) {
  target = dropUnitLoopsIfNeeded(rewriter, target);
  rewriter.setInsertionPoint(target);
  if (failed(linalg::vectorizeOpPrecondition(target)))
    return;
  FailureOr<linalg::VectorizationResult> vectorized =
      linalg::vectorize(rewriter, target);
  if (failed(vectorized))
    return;
  if (target->getNumResults())
    rewriter.replaceOp(target, vectorized->replacements);
  else
    rewriter.eraseOp(target);
}

/// A vector of results that a reduction loop nest reads and writes at one
/// place (a convolution's output vector over its window) becomes a loop
/// iter_arg, kept in registers instead of a load and a store per step. Only
/// reduction loops, whose body writes a vector at a place that does not
/// move with the loop (inner loops first, so that a hoisted pair reaches
/// the next loop out): the subset analysis is expensive and a training step
/// has thousands of loops.
void hoistReductionAccumulators(RewriterBase &rewriter, func::FuncOp func) {
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

struct VectorizePass : impl::VectorizeBase<VectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    SmallVector<std::pair<linalg::LinalgOp, VectorizationAttr>> marked;
    func.walk([&](linalg::LinalgOp op) {
      if (auto config = op->getAttrOfType<VectorizationAttr>(kVectorizationAttrName)) {
        op->removeAttr(kVectorizationAttrName);
        marked.emplace_back(op, config);
      }
    });
    IRRewriter rewriter(func.getContext());
    bool peeled = false;
    for (auto [op, config] : marked) {
      // Named convolutions and poolings would lower to scalar loops: as
      // generics (same loops and maps), they tile and vectorize.
      if (!isa<linalg::GenericOp>(op.getOperation()) &&
          linalg::isaConvolutionOpInterface(op)) {
        rewriter.setInsertionPoint(op);
        FailureOr<linalg::GenericOp> generic = linalg::generalizeNamedOp(rewriter, op);
        if (failed(generic))
          continue;
        op = *generic;
      }
      peeled |= tileForVectorization(rewriter, op, config);
    }
    if (peeled)
      foldPeeledTileShapes(func);
    SmallVector<Operation *> tiles;
    func.walk([&](Operation *op) {
      if (op->removeAttr(kVectorTileAttrName))
        tiles.push_back(op);
    });
    for (Operation *tile : tiles)
      vectorizeTile(rewriter, tile);
    RewritePatternSet patterns(func.getContext());
    tensor::populateFoldTensorEmptyPatterns(patterns);
    scf::ForOp::getCanonicalizationPatterns(patterns, func.getContext());
    tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns, func.getContext());
    (void)applyPatternsGreedily(func, std::move(patterns));
    hoistReductionAccumulators(rewriter, func);
  }
};

} // namespace

} // namespace syna
