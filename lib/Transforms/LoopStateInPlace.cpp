//===- LoopStateInPlace.cpp - loop-carried tensors updated in place -------===//
//
// See the pass description (Passes.td): every tensor an scf.for carries is
// written over its own iteration argument at the end of the step, so that
// bufferization keeps it in one buffer and deallocation has no buffer to
// hand from one step to the next.
//
//===----------------------------------------------------------------------===//
#include "syna/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"

namespace syna {
#define GEN_PASS_DEF_LOOPSTATEINPLACE
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {

/// Whether an op of the loop writes into iteration argument `arg` (as the
/// destination of a linalg op or of an insert_slice): the loop updates that
/// state in place already, and bufferization must see it unchanged.
bool isDestination(BlockArgument arg) {
  return llvm::any_of(arg.getUses(), [](OpOperand &use) {
    auto dps = dyn_cast<DestinationStyleOpInterface>(use.getOwner());
    return dps && dps.isDpsInit(&use);
  });
}

/// Yields each new tensor state of `loop` through a copy into the old one.
/// Leaves alone a loop that already writes into a state (the lowering of
/// syna.flip_circuit, tiled loops).
void updateInPlace(scf::ForOp loop) {
  if (llvm::any_of(loop.getRegionIterArgs(), isDestination))
    return;
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  OpBuilder builder(yield);
  for (auto [arg, operand] :
       llvm::zip_equal(loop.getRegionIterArgs(), yield->getOpOperands())) {
    Value value = operand.get();
    // A state that the step leaves alone is already in place.
    if (!isa<RankedTensorType>(arg.getType()) || value == arg ||
        value.getDefiningOp<bufferization::MaterializeInDestinationOp>())
      continue;
    auto copy = bufferization::MaterializeInDestinationOp::create(
        builder, value.getLoc(), value, arg);
    operand.set(copy.getResult());
  }
}

struct LoopStateInPlacePass
    : ::syna::impl::LoopStateInPlaceBase<LoopStateInPlacePass> {
  using Base::Base;
  void runOnOperation() override {
    getOperation()->walk([](scf::ForOp loop) { updateInPlace(loop); });
  }
};

} // namespace
