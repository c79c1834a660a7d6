//===- GradCheck.h - gradients against central finite differences -*- C++ -*-===//
//
// `syna-run gradcheck` (docs/autodiff.md): converts a module to float64
// (syna-convert-to-f64), differentiates one graph with syna-autodiff, and
// compares every input and parameter gradient of @NAME_grad with central
// finite differences of the same graph, all compiled once by one backend.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_GRADCHECK_H
#define SYNA_EXECUTION_GRADCHECK_H

#include "mlir/IR/BuiltinOps.h"
#include "syna/Transforms/CompileOptions.h"
#include "llvm/Support/Error.h"

namespace syna {

struct GradCheckOptions {
  std::string graph;
  int64_t batch = 3;       // extent of every dynamic dimension
  double rtol = 1e-5;
  double atol = 1e-7;
  double eps = 1e-6;       // h = eps·max(1, |v|)
  int64_t maxSamples = 64; // elements checked per tensor (all when fewer)
  CompileOptions compile;  // compile.seed seeds inputs, θ and result seeds
};

/// The comparison of one gradient (of an input or a parameter).
struct TensorCheck {
  std::string label; // "d input 0", "d @beta"
  std::string shape;
  int64_t checked = 0, elements = 0;
  double maxAbsError = 0, maxRelError = 0;
  std::string worstIndex;
  double worstAnalytic = 0, worstNumeric = 0;
  bool passed = true;
};

struct GradCheckReport {
  double loss = 0; // L = Σ⟨seed, result⟩ at the checked point
  size_t inputs = 0, parameters = 0;
  std::vector<TensorCheck> tensors;

  int failures() const;
};

/// Runs the check, or an error when it cannot run (no such graph, autodiff
/// fails, ...). Rewrites `module`.
llvm::Expected<GradCheckReport> gradCheck(mlir::ModuleOp module,
                                          const GradCheckOptions &options);

} // namespace syna

#endif // SYNA_EXECUTION_GRADCHECK_H
