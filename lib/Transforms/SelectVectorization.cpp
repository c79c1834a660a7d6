//===- SelectVectorization.cpp - choose vector tiles of linalg ops --------===//
//
// The strategy half of vectorization: marks each linalg op that
// syna-vectorize will vectorize with `syna.vectorization =
// #syna.vectorization<vector_loop, tile_sizes, interchange>`, derived from
// the op's loop shapes and the target's vector width and register count.
// Runs after syna-tile-and-fuse, so that it sees the shapes of the tiles.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "TilingUtils.h"
#include "syna/Dialect/Syna/IR/SynaLoweringAttrs.h"
#include "syna/Transforms/TargetInfo.h"

#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/bit.h"

namespace syna {
#define GEN_PASS_DEF_SELECTVECTORIZATION
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace syna {

namespace {

/// The narrowest vector worth using, in lanes (128 bits of f32): narrower
/// ones cost more in shuffles and partial loads than they gain.
constexpr int64_t kMinVectorLanes = 4;

/// Independent accumulator vectors (dependency chains) that hide the
/// latency of a loop-carried add or multiply: about four cycles, one
/// result per cycle.
constexpr int64_t kLatencyHidingChains = 4;

/// A dynamic extent without a known bound counts as this many iterations
/// when the data a loop nest reads is estimated: a training batch.
constexpr int64_t kNominalDynamicExtent = 100;

/// A register block: tile sizes of up to two parallel loops besides the
/// vector loop, as (loop, block size) pairs.
struct RegisterBlock {
  SmallVector<std::pair<unsigned, int64_t>, 2> loops;

  bool empty() const { return loops.empty(); }
  /// Accumulators per vector of the vector loop's tile.
  int64_t accumulators() const {
    int64_t n = 1;
    for (auto [loop, size] : loops)
      n *= size;
    return n;
  }
  /// The block size of `loop`, or 0 when it is not blocked.
  int64_t sizeOf(unsigned loop) const {
    for (auto [l, size] : loops)
      if (l == loop)
        return size;
    return 0;
  }
};

/// The largest divisor of `extent` in [2, cap], or 1.
int64_t largestDivisor(int64_t extent, int64_t cap) {
  for (int64_t b = std::min(cap, extent); b >= 2; --b)
    if (extent % b == 0)
      return b;
  return 1;
}

/// Chooses the vector tile of linalg ops for one target.
class VectorTilePlanner {
public:
  explicit VectorTilePlanner(const TargetInfo &target) : target(target) {}

  /// The configuration of `op`, or null when it is not vectorized.
  VectorizationAttr plan(linalg::LinalgOp op) const;

private:
  int64_t widthFor(int64_t extent) const;
  unsigned vectorLoop(linalg::LinalgOp op) const;
  std::pair<int64_t, RegisterBlock> chooseTile(linalg::LinalgOp op, unsigned vd,
                                               int64_t w) const;
  std::optional<unsigned> contiguousResultLoop(linalg::LinalgOp op) const;
  int64_t vectorTileWidth(linalg::LinalgOp op, unsigned vd) const;
  int64_t accumulatorVectors(linalg::LinalgOp op) const;
  RegisterBlock registerBlock(linalg::LinalgOp op, unsigned vd, int64_t w) const;
  RegisterBlock bestBlock(linalg::LinalgOp op, unsigned vd, int64_t registersPerVector,
                          int64_t registers) const;
  int64_t passBytes(linalg::LinalgOp op, unsigned vd, int64_t w,
                    const RegisterBlock &block) const;

  TargetInfo target;
};

/// The widest power-of-two vector, of at least kMinVectorLanes and at most
/// the target's lanes, that divides `extent`; 0 when none does.
int64_t VectorTilePlanner::widthFor(int64_t extent) const {
  if (ShapedType::isDynamic(extent))
    return 0;
  int64_t w = llvm::PowerOf2Ceil(target.vectorWidth + 1) / 2;
  while (w >= kMinVectorLanes && extent % w != 0)
    w /= 2;
  return w >= kMinVectorLanes ? w : 0;
}

/// Whether `op` is a generic op, or a named op that syna-vectorize
/// generalizes before it vectorizes it (a convolution or pooling).
bool isGenericForm(linalg::LinalgOp op) {
  return isa<linalg::GenericOp>(op.getOperation()) ||
         linalg::isaConvolutionOpInterface(op);
}

/// When the innermost loop does not vectorize (a convolution or pooling
/// window), the parallel loop that indexes the last dimension of every
/// result (contiguous stores), if it has kMinVectorLanes iterations or
/// more. Its tile loop stays outside the reduction loops, so each vector of
/// results accumulates at one address (kept in a register) over the whole
/// window, in the same order as before: the sums are bit-identical.
std::optional<unsigned>
VectorTilePlanner::contiguousResultLoop(linalg::LinalgOp op) const {
  if (!isGenericForm(op))
    return std::nullopt;
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
  int64_t extent = p ? op.getStaticLoopRanges()[*p] : 0;
  if (!p || op.getIteratorTypesArray()[*p] != utils::IteratorType::parallel ||
      ShapedType::isDynamic(extent) || extent < kMinVectorLanes)
    return std::nullopt;
  return p;
}

/// The vector width along loop `vd`, before widening: a row that fits one
/// vector, whole (a window op's, also below kMinVectorLanes: more
/// independent lanes per window step); along a longer parallel loop, the
/// target's lanes, also when they do not divide the extent: syna-vectorize
/// then peels the last, partial tile off and vectorizes it whole (a row of
/// 14 is 8 + 6 lanes, not 7 + 7 nor 14 scalars); along a reduction loop,
/// whose tiles cannot be peeled apart, a power of two that divides the
/// extent (widthFor). 0: not vectorized.
int64_t VectorTilePlanner::vectorTileWidth(linalg::LinalgOp op,
                                           unsigned vd) const {
  int64_t extent = op.getStaticLoopRanges()[vd];
  if (ShapedType::isDynamic(extent))
    return 0;
  if (vd + 1 != op.getNumLoops() && extent <= target.vectorWidth)
    return extent;
  if (op.getIteratorTypesArray()[vd] != utils::IteratorType::parallel)
    return widthFor(extent);
  if (extent < kMinVectorLanes)
    return 0;
  if (extent <= target.vectorWidth)
    return extent;
  return int64_t(llvm::bit_floor(uint64_t(target.vectorWidth)));
}

/// How many vectors of outputs one tile of `op` accumulates at once
/// (independent dependency chains): kLatencyHidingChains, fewer when their
/// accumulators (one register per result and vector) would take more than
/// half of the vector registers; the other half holds the operands,
/// broadcasts and temporaries of the loop body, which are consumed as they
/// are loaded and so do not grow with the tile.
int64_t VectorTilePlanner::accumulatorVectors(linalg::LinalgOp op) const {
  int64_t fit = target.vectorRegisters / 2 / std::max<int64_t>(1, op.getNumDpsInits());
  return std::clamp<int64_t>(fit, 1, kLatencyHidingChains);
}

/// Register blocking of the vector loop `vd`: blocks of up to two other
/// parallel loops with static extents. The first loop is one that an input
/// read along `vd` does not depend on (a convolution's output channel: the
/// input row is reused for each); the second, one that the input indexed by
/// the first does not depend on (a weight gradient's kernel row: the
/// output-gradient row is reused for each). Each block divides its extent.
/// A b1×b2 block keeps b1·b2 accumulators per result and loads b1 + b2
/// operands per step, of which min(b1, b2) stay in registers while the
/// others stream through one: it fits when (results·b1·b2 + min(b1, b2) + 1)
/// vectors of `registersPerVector` registers fit in `registers`. Of the
/// blocks that fit, the one with the most multiply-adds per loaded operand
/// wins (ties: more accumulators).
RegisterBlock VectorTilePlanner::bestBlock(linalg::LinalgOp op, unsigned vd,
                                           int64_t registersPerVector,
                                           int64_t registers) const {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  SmallVector<AffineMap> inputMaps;
  for (OpOperand *in : op.getDpsInputOperands())
    inputMaps.push_back(op.getMatchingIndexingMap(in));
  int64_t vectors = registers / registersPerVector;
  int64_t results = op.getNumDpsInits();
  auto fits = [&](int64_t b1, int64_t b2) {
    return results * b1 * b2 + std::min(b1, b2) + 1 <= vectors;
  };
  auto blockable = [&](unsigned l) {
    return l != vd && iters[l] == utils::IteratorType::parallel &&
           !ShapedType::isDynamic(ranges[l]) && ranges[l] >= 2;
  };
  // Whether an input that varies along `along` does not vary along `l`.
  auto reusedAcross = [&](unsigned along, unsigned l) {
    return llvm::any_of(inputMaps, [&](AffineMap m) {
      return m.isFunctionOfDim(along) && !m.isFunctionOfDim(l);
    });
  };
  RegisterBlock best;
  int64_t bestChains = 0, bestLoads = 1;
  auto consider = [&](RegisterBlock blocks, int64_t chains, int64_t loads) {
    // chains / loads > bestChains / bestLoads, in integers.
    int64_t lhs = chains * bestLoads, rhs = bestChains * loads;
    if (lhs > rhs || (lhs == rhs && chains > bestChains)) {
      best = std::move(blocks);
      bestChains = chains;
      bestLoads = loads;
    }
  };
  for (unsigned l1 = 0; l1 < ranges.size(); ++l1) {
    if (!blockable(l1) || !reusedAcross(vd, l1))
      continue;
    for (int64_t b1 = largestDivisor(ranges[l1], vectors); b1 >= 2;
         b1 = largestDivisor(ranges[l1], b1 - 1)) {
      if (!fits(b1, 1))
        continue;
      consider({{{l1, b1}}}, b1, b1 + 1);
      for (unsigned l2 = 0; l2 < ranges.size(); ++l2) {
        if (l2 == l1 || !blockable(l2) || !reusedAcross(l1, l2))
          continue;
        int64_t b2 = largestDivisor(ranges[l2], vectors);
        while (b2 >= 2 && !fits(b1, b2))
          b2 = largestDivisor(ranges[l2], b2 - 1);
        if (b2 >= 2)
          consider({{{l1, b1}, {l2, b2}}}, b1 * b2, b1 + b2);
      }
    }
  }
  return best;
}

/// An upper bound of the index value `size`: a constant, or the smallest
/// constant term of an affine.min (the extent of a forall tile).
std::optional<int64_t> upperBound(OpFoldResult size) {
  if (std::optional<int64_t> c = getConstantIntValue(size))
    return c;
  auto min = dyn_cast_if_present<Value>(size)
                 ? cast<Value>(size).getDefiningOp<affine::AffineMinOp>()
                 : affine::AffineMinOp();
  if (!min)
    return std::nullopt;
  std::optional<int64_t> bound;
  for (AffineExpr e : min.getAffineMap().getResults())
    if (auto c = dyn_cast<AffineConstantExpr>(e))
      bound = std::min(bound.value_or(c.getValue()), c.getValue());
  return bound;
}

/// An upper bound of dimension `dim` of the tensor `value` that its
/// definition shows: a static size, or the size of the slice or empty
/// tensor it comes from (through the destinations of the ops that wrote it).
std::optional<int64_t> sizeBound(Value value, int64_t dim) {
  auto type = cast<ShapedType>(value.getType());
  if (!type.isDynamicDim(dim))
    return type.getDimSize(dim);
  if (auto result = dyn_cast<OpResult>(value))
    if (auto dps = dyn_cast<DestinationStyleOpInterface>(result.getOwner()))
      return sizeBound(dps.getTiedOpOperand(result)->get(), dim);
  if (auto empty = value.getDefiningOp<tensor::EmptyOp>())
    return upperBound(empty.getMixedSizes()[dim]);
  auto slice = value.getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice)
    return std::nullopt;
  // The slice's result dimensions are its source's, less the dropped ones.
  llvm::SmallBitVector dropped = slice.getDroppedDims();
  for (int64_t d = 0, kept = 0; d < static_cast<int64_t>(dropped.size()); ++d) {
    if (dropped.test(d))
      continue;
    if (kept++ == dim)
      return upperBound(slice.getMixedSizes()[d]);
  }
  return std::nullopt;
}

/// An upper bound of the extent of loop `l`: its static extent, else a
/// bound that the IR shows (a tile of at most `tile-sizes` samples), else
/// kNominalDynamicExtent.
int64_t extentBound(linalg::LinalgOp op, unsigned l) {
  int64_t extent = op.getStaticLoopRanges()[l];
  if (!ShapedType::isDynamic(extent))
    return extent;
  for (OpOperand &operand : op->getOpOperands()) {
    if (!isa<ShapedType>(operand.get().getType()))
      continue;
    ArrayRef<AffineExpr> results = op.getMatchingIndexingMap(&operand).getResults();
    for (auto [dim, e] : llvm::enumerate(results)) {
      auto d = dyn_cast<AffineDimExpr>(e);
      if (!d || d.getPosition() != l)
        continue;
      if (std::optional<int64_t> bound = sizeBound(operand.get(), dim))
        return *bound;
    }
  }
  return kNominalDynamicExtent;
}

/// Bytes of input that one pass of the reduction loops reads for one tile:
/// the vector loop at `w`, the blocked loops at their block, the other
/// parallel loops at 1, the reduction loops whole. Indexing maps are
/// non-decreasing (isTileable), so each map result spans e(last) − e(0) + 1.
int64_t VectorTilePlanner::passBytes(linalg::LinalgOp op, unsigned vd, int64_t w,
                                     const RegisterBlock &block) const {
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  SmallVector<int64_t> first(op.getNumLoops(), 0), last;
  for (unsigned l = 0; l < op.getNumLoops(); ++l) {
    int64_t extent = l == vd ? w : std::max<int64_t>(1, block.sizeOf(l));
    if (iters[l] == utils::IteratorType::reduction)
      extent = extentBound(op, l);
    last.push_back(extent - 1);
  }
  int64_t bytes = 0;
  for (OpOperand *in : op.getDpsInputOperands()) {
    auto type = dyn_cast<ShapedType>(in->get().getType());
    if (!type)
      continue;
    AffineMap map = op.getMatchingIndexingMap(in);
    int64_t elements = 1;
    for (auto [lo, hi] : llvm::zip(map.compose(first), map.compose(last)))
      elements *= hi - lo + 1;
    bytes += elements * llvm::divideCeilSigned(
                            int64_t(type.getElementTypeBitWidth()), int64_t(8));
  }
  return bytes;
}

/// The register block of the vector loop `vd` at width `w` (bestBlock)
/// within the register file. When one pass of the reduction loops over
/// that block reads more than half of the L2 cache (which also holds the
/// results and the other blocks' operands), every further pass (one per
/// block) reloads its operands from beyond L2; a block of up to twice the
/// register file then costs less: its accumulators that spill to the stack
/// stay in L1, and the passes are fewer.
RegisterBlock VectorTilePlanner::registerBlock(linalg::LinalgOp op, unsigned vd,
                                               int64_t w) const {
  int64_t registersPerVector = llvm::divideCeilSigned(w, target.vectorWidth);
  RegisterBlock block =
      bestBlock(op, vd, registersPerVector, target.vectorRegisters);
  if (!block.empty() && passBytes(op, vd, w, block) > target.l2CacheBytes / 2)
    block = bestBlock(op, vd, registersPerVector, 2 * target.vectorRegisters);
  return block;
}

/// The loop to vectorize: the innermost, unless no power-of-two vector
/// divides its extent and a contiguous result loop exists.
unsigned VectorTilePlanner::vectorLoop(linalg::LinalgOp op) const {
  if (!widthFor(op.getStaticLoopRanges().back()))
    if (std::optional<unsigned> p = contiguousResultLoop(op))
      return *p;
  return op.getNumLoops() - 1;
}

/// The vector tile along `vd` (width `w`) and the register block: see the
/// rules of syna-select-vectorization in Passes.td.
std::pair<int64_t, RegisterBlock>
VectorTilePlanner::chooseTile(linalg::LinalgOp op, unsigned vd, int64_t w) const {
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  int64_t row = op.getStaticLoopRanges()[vd];
  int64_t lanes = target.vectorWidth;
  auto vectorsOf = [&](int64_t width) {
    return llvm::divideCeilSigned(width, lanes);
  };
  // A window op accumulates each output over the whole window: one chain of
  // dependent adds per vector, which a block of other parallel loops splits
  // into independent chains that share the vector operand.
  if (vd + 1 != op.getNumLoops())
    return {w, registerBlock(op, vd, w)};
  // With the reductions innermost, a tile of several vectors of the last
  // (parallel) loop gives the accumulators independent dependency chains.
  bool reducesInner = iters.back() == utils::IteratorType::parallel &&
                      llvm::is_contained(iters, utils::IteratorType::reduction);
  if (!reducesInner)
    return {w, {}};
  int64_t chains = accumulatorVectors(op);
  int64_t whole = row - row % w; // the part of the row in whole tiles of w
  int64_t widened = w;
  while (2 * widened <= chains * lanes && whole % (2 * widened) == 0)
    widened *= 2;
  // Fewer vectors than chains: a block of another parallel loop over
  // single vectors may give more independent chains (that share the
  // vector operand); else the tile takes `chains` vectors, and
  // syna-vectorize peels the last, partial tile off.
  if (vectorsOf(widened) < chains) {
    RegisterBlock block = registerBlock(op, vd, w);
    if (!block.empty() && block.accumulators() * vectorsOf(w) > vectorsOf(widened))
      return {w, block};
    widened = std::max(widened, w * std::clamp<int64_t>(row / w, 1, chains));
  }
  // Otherwise a row that fits the chains is taken whole, also when no power
  // of two divides it.
  if (widened < row && row <= chains * lanes)
    widened = row;
  return {widened, {}};
}

VectorizationAttr VectorTilePlanner::plan(linalg::LinalgOp op) const {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iters = op.getIteratorTypesArray();
  if (ranges.empty() || !isTileable(op))
    return {};
  unsigned vd = vectorLoop(op);
  int64_t w = vectorTileWidth(op, vd);
  if (!w)
    return {};
  auto [width, block] = chooseTile(op, vd, w);
  // Every other loop is tiled to 1; a loop tiled to its whole extent (a
  // unit loop, a whole row) is not tiled.
  SmallVector<int64_t> sizes;
  for (auto [l, range] : llvm::enumerate(ranges)) {
    int64_t size = l == vd ? width : std::max<int64_t>(1, block.sizeOf(l));
    sizes.push_back(size == range ? 0 : size);
  }
  // Reductions innermost: a tile's vector accumulators then stay in
  // registers across the reduction instead of a load and a store per step.
  SmallVector<int64_t> interchange;
  for (auto [l, iter] : llvm::enumerate(iters))
    if (iter == utils::IteratorType::parallel)
      interchange.push_back(l);
  for (auto [l, iter] : llvm::enumerate(iters))
    if (iter != utils::IteratorType::parallel)
      interchange.push_back(l);
  MLIRContext *ctx = op.getContext();
  return VectorizationAttr::get(ctx, vd, DenseI64ArrayAttr::get(ctx, sizes),
                                DenseI64ArrayAttr::get(ctx, interchange));
}

/// The ops that syna-vectorize can vectorize: elementwise and reduction
/// generics, fills, transposes, copies, and convolutions and poolings (as
/// generics), on tensors.
bool isVectorizationCandidate(linalg::LinalgOp op) {
  return op.hasPureTensorSemantics() &&
         (isa<linalg::GenericOp, linalg::FillOp, linalg::TransposeOp,
              linalg::CopyOp>(op.getOperation()) ||
          linalg::isaConvolutionOpInterface(op));
}

struct SelectVectorizationPass
    : impl::SelectVectorizationBase<SelectVectorizationPass> {
  using Base::Base;

  /// The options within their ranges (CompileOptions.def): a pass run
  /// alone rejects what syna-cpu-pipeline rejects.
  LogicalResult checkOptions() {
    llvm::Error error = llvm::joinErrors(
        checkOption("vector-width", vectorWidth),
        checkOption("vector-registers", vectorRegisters));
    error = llvm::joinErrors(std::move(error),
                             checkOption("l2-cache-kib", l2CacheKiB));
    if (!error)
      return success();
    return getOperation().emitError("syna-select-vectorization: ")
           << llvm::toString(std::move(error));
  }

  void runOnOperation() override {
    if (failed(checkOptions()))
      return signalPassFailure();
    TargetInfo target =
        TargetInfo::host().overriddenBy(vectorWidth, vectorRegisters, 0,
                                        l2CacheKiB * 1024);
    VectorTilePlanner planner(target);
    getOperation().walk([&](linalg::LinalgOp op) {
      if (!isVectorizationCandidate(op))
        return;
      if (VectorizationAttr config = planner.plan(op))
        op->setAttr(kVectorizationAttrName, config);
    });
  }
};

} // namespace

} // namespace syna
