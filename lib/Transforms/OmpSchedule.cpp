//===- OmpSchedule.cpp - schedule of OpenMP worksharing loops -------------===//
#include "syna/Transforms/Passes.h"

namespace syna {
#define GEN_PASS_DEF_OMPSCHEDULE
#include "syna/Transforms/Passes.h.inc"
} // namespace syna

using namespace mlir;

namespace {
struct OmpSchedulePass : ::syna::impl::OmpScheduleBase<OmpSchedulePass> {
  using Base::Base;
  void runOnOperation() override {
    if (!dynamic)
      return;
    getOperation()->walk([](omp::WsloopOp loop) {
      loop.setScheduleKind(omp::ClauseScheduleKind::Dynamic);
    });
  }
};
} // namespace
