//===- SelectTiling.cpp - choose the roots of parallel tiling -------------===//
//
// The strategy half of parallel tiling: marks each top-level linalg op that
// becomes the root of an scf.forall with `syna.tiling = #syna.tiling<...>`.
// syna-tile-and-fuse applies the marks. Roots are chosen from the end of the
// function backwards, as tile-and-fuse builds them, and an op that a later
// root's tiles will absorb (a fused producer) is not a root itself.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "TilingUtils.h"
#include "syna/Dialect/Syna/IR/SynaLoweringAttrs.h"
#include "syna/Transforms/CompileOptions.h"
#include "syna/Transforms/TargetInfo.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallBitVector.h"

namespace syna {
#define GEN_PASS_DEF_SELECTTILING
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {

namespace {

/// A dynamic extent (the batch) counts as this many iterations when a loop
/// nest's work is estimated: a typical training batch.
constexpr int64_t kNominalDynamicExtent = 100;

/// Estimated trip count of the loop nest.
int64_t estimatedTripCount(linalg::LinalgOp op) {
  int64_t count = 1;
  for (int64_t r : op.getStaticLoopRanges())
    count *= ShapedType::isDynamic(r) ? kNominalDynamicExtent : r;
  return count;
}

/// Whether `op` may root a parallel loop: a top-level, tileable linalg op on
/// tensors whose first loop is parallel and that has enough work for a fork
/// and a join. A loop nest below `minParallelWork` iterations stays serial,
/// unless it is a batch op (a dynamic loop) whose tiles would fuse a large
/// exclusive producer: then the producer runs in parallel through it.
bool isRootCandidate(linalg::LinalgOp op, int64_t minParallelWork) {
  if (!op.hasPureTensorSemantics() || !isTileable(op))
    return false;
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  if (iters.empty() || iters[0] != utils::IteratorType::parallel)
    return false;
  if (estimatedTripCount(op) >= minParallelWork)
    return true;
  if (!llvm::any_of(op.getStaticLoopRanges(), ShapedType::isDynamic))
    return false;
  return llvm::any_of(exclusiveProducers(op), [&](Operation *producer) {
    return estimatedTripCount(cast<linalg::LinalgOp>(producer)) >= minParallelWork;
  });
}

/// The forall tile of a leading parallel loop. Along a dynamic loop (the
/// batch): `dynamicTile`. Along a static one (output channels of a weight
/// gradient, whose batch is reduced): the smallest divisor of the extent
/// that makes at most two tiles per core, so that every thread gets work
/// and a dynamic schedule can still balance a preempted thread; the whole
/// extent when no divisor does.
int64_t leadingLoopTile(int64_t extent, int64_t dynamicTile, int64_t cores) {
  if (ShapedType::isDynamic(extent))
    return dynamicTile;
  int64_t maxTiles = 2 * cores;
  for (int64_t t = llvm::divideCeilSigned(extent, maxTiles); t < extent; ++t)
    if (extent % t == 0)
      return t;
  return extent;
}

/// Predicts which producers syna-tile-and-fuse fuses into the tiles of a
/// root: `fusedUses` collects the operands (of the root or of an op fused
/// into its tile) through which a producer is fused. A producer is fused
/// when mayFuseProducer allows it and the tile reads only a part of its
/// result, i.e. a result dimension indexed by a tiled loop. `tiled` are the
/// loops of `consumer` that the tile splits.
void predictFusion(linalg::LinalgOp consumer, const llvm::SmallBitVector &tiled,
                   const llvm::SmallPtrSet<Operation *, 16> &exclusive,
                   llvm::DenseSet<OpOperand *> &fusedUses) {
  for (OpOperand &operand : consumer->getOpOperands()) {
    auto producer = operand.get().getDefiningOp<linalg::LinalgOp>();
    if (!producer || fusedUses.contains(&operand) ||
        !mayFuseProducer(producer, exclusive))
      continue;
    AffineMap read = consumer.getMatchingIndexingMap(&operand);
    AffineMap written =
        producer.getIndexingMapMatchingResult(cast<OpResult>(operand.get()));
    llvm::SmallBitVector producerTiled(producer.getNumLoops());
    for (unsigned k = 0; k < read.getNumResults(); ++k) {
      AffineExpr e = read.getResult(k);
      bool sliced = llvm::any_of(tiled.set_bits(), [&](unsigned l) {
        return e.isFunctionOfDim(l);
      });
      if (auto d = dyn_cast<AffineDimExpr>(written.getResult(k)); sliced && d)
        producerTiled.set(d.getPosition());
    }
    if (producerTiled.none())
      continue; // every tile needs the whole result: computed once, outside
    fusedUses.insert(&operand);
    predictFusion(producer, producerTiled, exclusive, fusedUses);
  }
}

struct SelectTilingPass : impl::SelectTilingBase<SelectTilingPass> {
  using Base::Base;

  /// The tile sizes of root `op`: one per leading parallel loop that
  /// `tile-sizes` covers.
  SmallVector<int64_t> rootTileSizes(linalg::LinalgOp op, int64_t cores) {
    SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    SmallVector<int64_t> sizes;
    for (auto [i, dynamicTile] : llvm::enumerate(tileSizes)) {
      if (i >= iters.size() || iters[i] != utils::IteratorType::parallel)
        break;
      sizes.push_back(leadingLoopTile(ranges[i], dynamicTile, cores));
    }
    return sizes;
  }

  /// The options within their ranges (CompileOptions.def): a pass run
  /// alone rejects what syna-cpu-pipeline rejects.
  LogicalResult checkOptions() {
    llvm::Error error = checkOption("min-parallel-work", minParallelWork);
    error = llvm::joinErrors(std::move(error), checkOption("cores", cores));
    for (int64_t size : tileSizes)
      error = llvm::joinErrors(std::move(error), checkOption("tile-sizes", size));
    if (!error)
      return success();
    return getOperation().emitError("syna-select-tiling: ")
           << llvm::toString(std::move(error));
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (failed(checkOptions()))
      return signalPassFailure();
    // A declaration has no ops to tile.
    if (tileSizes.empty() || func.isExternal())
      return;
    TargetInfo target = TargetInfo::host().overriddenBy(0, 0, cores, 0);
    llvm::DenseSet<OpOperand *> fusedUses;
    for (Operation &op : llvm::reverse(func.getBody().front())) {
      auto linalgOp = dyn_cast<linalg::LinalgOp>(&op);
      if (!linalgOp)
        continue;
      // Every use fused into a later root's tiles: the op is erased there.
      bool absorbed = !op.use_empty() &&
                      llvm::all_of(op.getUses(), [&](OpOperand &use) {
                        return fusedUses.contains(&use);
                      });
      if (absorbed || !isRootCandidate(linalgOp, minParallelWork))
        continue;
      SmallVector<int64_t> sizes = rootTileSizes(linalgOp, target.cores);
      op.setAttr(kTilingAttrName, TilingAttr::get(&getContext(),
                                                  DenseI64ArrayAttr::get(&getContext(), sizes)));
      SmallVector<int64_t> ranges = linalgOp.getStaticLoopRanges();
      llvm::SmallBitVector tiled(ranges.size());
      for (auto [l, size] : llvm::enumerate(sizes))
        if (size != 0 && size != ranges[l])
          tiled.set(l);
      predictFusion(linalgOp, tiled, exclusiveProducers(&op), fusedUses);
    }
  }
};

} // namespace

} // namespace syna
