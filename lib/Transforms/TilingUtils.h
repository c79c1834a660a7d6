//===- TilingUtils.h - facts about linalg ops shared by strategy and apply ===//
//
// What both the tiling strategy passes (which predict what tiling will do)
// and the tiling transformations (which do it) must agree on.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_LIB_TRANSFORMS_TILINGUTILS_H
#define SYNA_LIB_TRANSFORMS_TILINGUTILS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace syna {

/// Whether linalg tiling takes correct operand slices of `op`: true when
/// every indexing map result is non-decreasing in the loop indices. Tiling
/// takes the slice along a map result r as [r(tile start), r(tile end − 1)],
/// the range the tile reads only when r is non-decreasing; a reversed index
/// (a flipped kernel w[.., 4 − kh, 4 − kw]) would get a negative offset and
/// a size-1 slice, so such an op is neither tiled nor fused. Nor is an op
/// with a loop of static extent zero (a tensor<0x4xf32>).
bool isTileable(mlir::linalg::LinalgOp op);

/// The linalg ops that only `root` needs: their results feed `root` or other
/// ops of the set and nothing else (`root` included). Fusing a producer that
/// something else also reads would compute it twice: once per tile, and
/// once whole for the other reader.
llvm::SmallPtrSet<mlir::Operation *, 16> exclusiveProducers(mlir::Operation *root);

/// Whether tile-and-fuse may fuse `producer` into a tile of a root whose
/// exclusive producers are `exclusive`: it is tileable, and either exclusive
/// or a fill (a fill costs nothing to repeat per tile, and a fused one gives
/// every tile a tile-local destination). Whether the tile needs only a part
/// of the producer's result is the caller's concern.
bool mayFuseProducer(mlir::linalg::LinalgOp producer,
                     const llvm::SmallPtrSet<mlir::Operation *, 16> &exclusive);

} // namespace syna

#endif // SYNA_LIB_TRANSFORMS_TILINGUTILS_H
