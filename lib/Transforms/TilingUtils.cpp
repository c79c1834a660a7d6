//===- TilingUtils.cpp - facts about linalg ops shared by strategy and apply ===//
#include "TilingUtils.h"

using namespace mlir;

namespace syna {

namespace {

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

} // namespace

bool isTileable(linalg::LinalgOp op) {
  // A loop of extent zero: no work to split, and upstream tiling divides by
  // the extent.
  if (llvm::is_contained(op.getStaticLoopRanges(), 0))
    return false;
  return llvm::all_of(op.getIndexingMapsArray(), [](AffineMap m) {
    return llvm::all_of(m.getResults(), isNonDecreasing);
  });
}

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

bool mayFuseProducer(linalg::LinalgOp producer,
                     const llvm::SmallPtrSet<Operation *, 16> &exclusive) {
  return isTileable(producer) &&
         (exclusive.contains(producer) || isa<linalg::FillOp>(producer));
}

} // namespace syna
