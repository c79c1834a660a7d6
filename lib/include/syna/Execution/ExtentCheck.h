//===- ExtentCheck.h - the inputs' sizes against the ops' rules -*- C++ -*-===//
//
// The verifier checks what an op's rules demand of its static sizes; a
// dynamic size (`?`, a named dimension in .syna) is only known when inputs
// arrive. Before a function runs, syna-run refines a copy of it to the
// inputs' sizes and runs the same rules again (docs/robustness.md, "Sizes
// known at run time"): a synapse whose β does not match x, two operands of
// an arithmetic whose sizes differ, a label that names no class all fail
// with the op's source location instead of reading past a buffer.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_EXTENTCHECK_H
#define SYNA_EXECUTION_EXTENTCHECK_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "syna/Execution/Npy.h"
#include "llvm/Support/Error.h"

#include <set>

namespace syna {

/// Checks `inputs` (already matched to @function's signature by
/// validateInputs) against the rules of every op that @function, and the
/// functions it calls, apply to their sizes, and the inputs' values
/// against the operand domains that those sizes decide (class counts).
llvm::Error checkExtents(mlir::ModuleOp module, llvm::StringRef function,
                         llvm::ArrayRef<HostArray> inputs);

/// The size half of checkExtents, for a module that is about to be lowered:
/// keeps a copy of it and remembers the input sizes it has already
/// accepted, so that a loop over batches of one size checks once. Values
/// are not checked here (they change every batch); ModelSession's come
/// from readers that check pixels and labels.
class ExtentChecker {
public:
  ExtentChecker() = default;
  explicit ExtentChecker(mlir::ModuleOp module);

  llvm::Error check(llvm::StringRef function, llvm::ArrayRef<HostArray> inputs);

private:
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::set<std::pair<std::string, std::vector<std::vector<int64_t>>>> accepted;
};

} // namespace syna

#endif // SYNA_EXECUTION_EXTENTCHECK_H
