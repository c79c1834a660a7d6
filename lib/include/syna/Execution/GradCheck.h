//===- GradCheck.h - gradients against central finite differences -*- C++ -*-===//
//
// `syna-run gradcheck`: converts a module to float64, differentiates one
// graph with syna-autodiff, and compares every input and parameter gradient
// of @NAME_grad with central finite differences of the same graph, all
// compiled once through the syna-cpu-pipeline (docs/autodiff.md).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_GRADCHECK_H
#define SYNA_EXECUTION_GRADCHECK_H

#include "mlir/IR/BuiltinOps.h"
#include "syna/Execution/Runner.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace syna {

/// Rewrites every f32/f16/bf16 element type in `module` (values, block
/// arguments, function types, type attributes, float constants) to f64.
/// Returns failure, with a diagnostic, when the result does not verify.
mlir::LogicalResult convertModuleToF64(mlir::ModuleOp module);

struct GradCheckOptions {
  std::string graph;
  uint64_t seed = 0;
  int64_t batch = 3;         // extent of every dynamic dimension
  double rtol = 1e-5;
  double atol = 1e-7;
  double eps = 1e-6;         // h = eps·max(1, |v|)
  int64_t maxSamples = 64;   // elements checked per tensor (all when fewer)
  CompileOptions compile;
};

/// Runs the check, printing one line per tensor and a final
/// `N passed, N failed` line to `os`. Returns the number of failed tensors,
/// or an error when the check cannot run (no such graph, autodiff fails...).
llvm::Expected<int> gradCheck(mlir::ModuleOp module,
                              const GradCheckOptions &options,
                              llvm::raw_ostream &os);

} // namespace syna

#endif // SYNA_EXECUTION_GRADCHECK_H
