//===- TileAndFuse.cpp - parallel tiling of the marked roots --------------===//
//
// The transformation half of parallel tiling: each top-level linalg op that
// syna-select-tiling marked with `syna.tiling` becomes the root of an
// scf.forall over its tiles, and its linalg producers are fused into the
// tile (computed on the tile's slice), so that a reduction, its producers,
// its fill and its elementwise epilogue run tile by tile with tile-local
// temporaries. No choices are made here beyond what fusion may legally do.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "TilingUtils.h"
#include "syna/Dialect/Syna/IR/SynaLoweringAttrs.h"

#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace syna {
#define GEN_PASS_DEF_TILEANDFUSE
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {

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
    auto sizeValue = dyn_cast_if_present<Value>(size);
    auto dim = sizeValue ? sizeValue.getDefiningOp<tensor::DimOp>() : tensor::DimOp();
    std::optional<int64_t> index = dim ? dim.getConstantIndex() : std::nullopt;
    if (!dim || !index || *index != static_cast<int64_t>(d) ||
        dim.getSource() != slice.getSource())
      return false;
  }
  return true;
}

/// Makes each `tensor.dim` of a linalg result read the tied init instead
/// (same shape): the bounds of a forall whose root reads a fused producer are
/// dims of that producer's result, which would otherwise keep the producer
/// alive, computed whole, next to its fused copy.
void readDimsFromInits(RewriterBase &rewriter, func::FuncOp func) {
  func.walk([&](tensor::DimOp dim) {
    while (auto result = dyn_cast<OpResult>(dim.getSource())) {
      auto producer = dyn_cast<linalg::LinalgOp>(result.getOwner());
      if (!producer)
        break;
      Value init = producer.getDpsInitOperand(result.getResultNumber())->get();
      rewriter.modifyOpInPlace(dim, [&] { dim.getSourceMutable().assign(init); });
    }
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

/// The last top-level op that still carries a tiling configuration.
Operation *lastMarkedRoot(func::FuncOp func) {
  for (Operation &op : llvm::reverse(func.getBody().front()))
    if (op.hasAttr(kTilingAttrName))
      return &op;
  return nullptr;
}

/// Tiles `root` into an scf.forall of `config` and fuses its producers.
/// Leaves `root` as it is when tiling fails.
void tileAndFuseRoot(RewriterBase &rewriter, TilingInterface root,
                     TilingAttr config) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t size : config.getTileSizes().asArrayRef())
    sizes.push_back(rewriter.getIndexAttr(size));
  scf::SCFTileAndFuseOptions options;
  options.tilingOptions.setTileSizes(sizes).setLoopType(
      scf::SCFTilingOptions::LoopType::ForallOp);
  llvm::SmallPtrSet<Operation *, 16> exclusive = exclusiveProducers(root);
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp slice, OpResult producer, bool)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        auto producerOp = dyn_cast<linalg::LinalgOp>(producer.getOwner());
        if (!producerOp || !mayFuseProducer(producerOp, exclusive) ||
            coversWholeSource(slice))
          return std::nullopt;
        return scf::SCFTileAndFuseOptions::ControlFnResult{};
      });
  rewriter.setInsertionPoint(root);
  FailureOr<scf::SCFTileAndFuseResult> result =
      scf::tileConsumerAndFuseProducersUsingSCF(rewriter, root, options);
  if (failed(result))
    return;
  for (OpResult r : root->getResults())
    if (Value v = result->replacements.lookup(r))
      rewriter.replaceAllUsesWith(r, v);
  // The tiled root and the fused ops now live inside the forall.
  if (root->use_empty())
    rewriter.eraseOp(root);
}

struct TileAndFusePass : impl::TileAndFuseBase<TileAndFusePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    // A declaration has no ops to tile.
    if (func.isExternal())
      return;
    IRRewriter rewriter(func.getContext());
    // Last root first: a root's producers are still whole when it is tiled,
    // so that they can be fused into its tiles.
    while (Operation *root = lastMarkedRoot(func)) {
      auto config = dyn_cast<TilingAttr>(root->getAttr(kTilingAttrName));
      root->removeAttr(kTilingAttrName);
      auto tileable = dyn_cast<TilingInterface>(root);
      // A hand-written configuration on an op that tiling would get wrong
      // (TilingUtils.h) is ignored, as select-tiling never writes one.
      auto linalgOp = dyn_cast<linalg::LinalgOp>(root);
      if (!config || !tileable || (linalgOp && !isTileable(linalgOp)))
        continue;
      tileAndFuseRoot(rewriter, tileable, config);
      readDimsFromInits(rewriter, func);
      eraseDeadLinalg(rewriter, func);
    }
    // Ops fused into a tile keep the discardable attributes of the op they
    // were cloned from.
    func.walk([](Operation *op) { op->removeAttr(kTilingAttrName); });
    // extract_slice(tensor.empty) → a tile-sized tensor.empty: temporaries
    // become tile-local.
    RewritePatternSet patterns(func.getContext());
    tensor::populateFoldTensorEmptyPatterns(patterns);
    if (failed(applyPatternsGreedily(func, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

} // namespace syna
