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
    getOperation().walk([](DestinationStyleOpInterface op) {
      for (OpOperand &init : op.getDpsInitsMutable()) {
        auto empty = init.get().getDefiningOp<tensor::EmptyOp>();
        if (!empty || empty->hasOneUse())
          continue;
        OpBuilder b(op);
        init.set(b.clone(*empty)->getResult(0));
      }
    });
  }
};
} // namespace
