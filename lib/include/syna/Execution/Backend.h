//===- Backend.h - what a target gives syna-run -----------------*- C++ -*-===//
//
// The one interface between the execution library (run, train, eval,
// predict, gradcheck) and a target: compile a module, then call its
// functions on host arrays. A compiled module keeps its parameters resident
// on the target between calls (they are ml_program globals of the module,
// read and written by the functions of syna-expose-params), so that a train
// step moves only its batch in and its loss out. The CPU JIT is the first
// implementation; a GPU or Halide backend implements the same two classes
// and registers under its target name (docs/architecture.md, "Adding a
// backend").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_BACKEND_H
#define SYNA_EXECUTION_BACKEND_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/Timing.h"
#include "syna/Transforms/CompileOptions.h"
#include "syna/Execution/Npy.h"
#include "syna/Execution/Signature.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>

namespace syna {

/// A module compiled for one target.
class Executable {
public:
  virtual ~Executable();

  /// Calls `function` with `inputs` that match its signature
  /// (validateInputs) and returns its results on the host.
  virtual llvm::Expected<std::vector<HostArray>>
  call(const GraphSignature &function, llvm::ArrayRef<HostArray> inputs) = 0;
};

class Backend {
public:
  virtual ~Backend();

  /// The target's name, as --target spells it.
  virtual llvm::StringRef name() const = 0;

  /// Lowers `module` in place for the target and prepares its functions for
  /// calls. `timing` (may be null) receives the phases.
  virtual llvm::Expected<std::unique_ptr<Executable>>
  compile(mlir::ModuleOp module, const CompileOptions &options,
          mlir::TimingScope *timing) = 0;
};

using BackendFactory = std::function<std::unique_ptr<Backend>()>;

/// Makes `factory` the backend of `target` (the CPU JIT registers "cpu").
void registerBackend(llvm::StringRef target, BackendFactory factory);
/// The backend of `target`, or an error that lists the targets.
llvm::Expected<std::unique_ptr<Backend>> createBackend(llvm::StringRef target);
std::vector<std::string> registeredTargets();

/// Registers the backends syna builds: the CPU JIT.
void registerBuiltinBackends();

} // namespace syna

#endif // SYNA_EXECUTION_BACKEND_H
