//===- SplitSharedDestinations.cpp - one tensor.empty per destination ----===//
#include "syna/Training/Passes.h"

#include "mlir/Interfaces/DestinationStyleOpInterface.h"

namespace syna {
#define GEN_PASS_DEF_SYNASPLITSHAREDDESTINATIONS
#include "syna/Training/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {
struct SplitSharedDestinationsPass
    : ::syna::impl::SynaSplitSharedDestinationsBase<
          SplitSharedDestinationsPass> {
  void runOnOperation() override {
    // Every use of a shared tensor.empty (a destination of a linalg op, the
    // init of a tiled loop's iter_args, ...) gets its own clone: an empty
    // tensor has no contents, so the clones are interchangeable.
    SmallVector<tensor::EmptyOp> shared;
    getOperation().walk([&](tensor::EmptyOp op) {
      if (!op->hasOneUse() && !op->use_empty())
        shared.push_back(op);
    });
    for (tensor::EmptyOp empty : shared) {
      SmallVector<OpOperand *> uses;
      for (OpOperand &use : empty->getUses())
        uses.push_back(&use);
      for (OpOperand *use : llvm::drop_begin(uses)) {
        OpBuilder b(use->getOwner());
        use->set(b.clone(*empty)->getResult(0));
      }
    }
  }
};
} // namespace
