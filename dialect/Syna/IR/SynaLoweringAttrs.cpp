//===- SynaLoweringAttrs.cpp - tiling and vectorization configs -----------===//
#include "syna/Dialect/Syna/IR/SynaLoweringAttrs.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;

namespace syna {

namespace {

LogicalResult verifySizes(function_ref<InFlightDiagnostic()> emitError,
                          ArrayRef<int64_t> sizes) {
  if (llvm::any_of(sizes, [](int64_t s) { return s < 0; }))
    return emitError() << "tile sizes must be non-negative";
  return success();
}

LogicalResult verifyPermutation(function_ref<InFlightDiagnostic()> emitError,
                                ArrayRef<int64_t> order) {
  llvm::SmallBitVector seen(order.size());
  for (int64_t l : order) {
    if (l < 0 || l >= static_cast<int64_t>(order.size()) || seen.test(l))
      return emitError() << "interchange must be a permutation of 0.."
                         << static_cast<int64_t>(order.size()) - 1;
    seen.set(l);
  }
  return success();
}

} // namespace

LogicalResult TilingAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 DenseI64ArrayAttr tileSizes) {
  return verifySizes(emitError, tileSizes.asArrayRef());
}

LogicalResult
VectorizationAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                          int64_t vectorLoop, DenseI64ArrayAttr tileSizes,
                          DenseI64ArrayAttr interchange) {
  if (failed(verifySizes(emitError, tileSizes.asArrayRef())) ||
      failed(verifyPermutation(emitError, interchange.asArrayRef())))
    return failure();
  if (interchange.size() != tileSizes.size())
    return emitError() << "interchange has " << interchange.size()
                       << " loops, tile_sizes " << tileSizes.size();
  if (vectorLoop < 0 || vectorLoop >= tileSizes.size())
    return emitError() << "vector_loop " << vectorLoop
                       << " is not a loop of tile_sizes";
  return success();
}

LogicalResult verifyLoweringConfig(Operation *op, NamedAttribute attr) {
  auto emitError = [&] { return op->emitOpError() << "'" << attr.getName().getValue() << "': "; };
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (attr.getName() == kTilingAttrName) {
    auto tiling = dyn_cast<TilingAttr>(attr.getValue());
    if (!tiling)
      return emitError() << "expected a #syna.tiling attribute";
    if (failed(TilingAttr::verify(emitError, tiling.getTileSizes())))
      return failure();
    if (linalgOp && tiling.getTileSizes().size() > linalgOp.getNumLoops())
      return emitError() << tiling.getTileSizes().size()
                         << " tile sizes for " << linalgOp.getNumLoops()
                         << " loops";
    return success();
  }
  if (attr.getName() == kVectorizationAttrName) {
    auto config = dyn_cast<VectorizationAttr>(attr.getValue());
    if (!config)
      return emitError() << "expected a #syna.vectorization attribute";
    if (failed(VectorizationAttr::verify(emitError, config.getVectorLoop(),
                                         config.getTileSizes(),
                                         config.getInterchange())))
      return failure();
    if (linalgOp && config.getTileSizes().size() != linalgOp.getNumLoops())
      return emitError() << config.getTileSizes().size()
                         << " tile sizes for " << linalgOp.getNumLoops()
                         << " loops";
    return success();
  }
  return op->emitOpError() << "unknown lowering configuration '"
                           << attr.getName().getValue() << "'";
}

} // namespace syna
