//===- MemoryBudget.cpp - tensors that fit the host -----------------------===//
#include "syna/Execution/MemoryBudget.h"

#include "syna/Data/InputLimits.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "llvm/Support/MathExtras.h"

#include <unistd.h>

using namespace mlir;

namespace syna {

uint64_t hostMemoryBytes() {
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || pageSize <= 0)
    return UINT64_MAX;
  return uint64_t(pages) * uint64_t(pageSize);
}

std::optional<uint64_t> tensorBytes(RankedTensorType type) {
  return data::checkedByteCount(
      type.getShape(),
      std::max<uint64_t>(1, llvm::divideCeil(type.getElementTypeBitWidth(), 8)));
}

/// "40.0 GB", "512 bytes".
static std::string describeBytes(uint64_t bytes) {
  if (bytes < 1000000)
    return std::to_string(bytes) + " bytes";
  char text[32];
  snprintf(text, sizeof text, "%.1f GB", double(bytes) / 1e9);
  return text;
}

LogicalResult checkTensorFits(Operation *op, RankedTensorType type,
                              uint64_t limit) {
  if (!type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
    return success();
  std::optional<uint64_t> bytes = tensorBytes(type);
  if (bytes && *bytes <= limit)
    return success();
  InFlightDiagnostic diag = op->emitOpError("needs a tensor ") << type;
  if (!bytes)
    return diag << " whose size in bytes overflows 64 bits";
  return diag << " of " << describeBytes(*bytes) << ", more than the "
              << describeBytes(limit) << " of memory of this machine";
}

LogicalResult checkTensorsFit(Operation *root, uint64_t limit) {
  WalkResult walk = root->walk([&](Operation *op) {
    auto fits = [&](Type type) {
      return succeeded(
          checkTensorFits(op, dyn_cast<RankedTensorType>(type), limit));
    };
    if (auto param = dyn_cast<ParamOp>(op))
      if (!fits(param.getTensorType()))
        return WalkResult::interrupt();
    for (Type type : op->getResultTypes())
      if (!fits(type))
        return WalkResult::interrupt();
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (Type type : block.getArgumentTypes())
          if (!fits(type))
            return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

} // namespace syna
