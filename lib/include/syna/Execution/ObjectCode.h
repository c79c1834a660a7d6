//===- ObjectCode.h - lowered modules as relocatable objects ----*- C++ -*-===//
//
// The CPU backend's code generation, shared by the JIT (syna-run), the compile
// cache and ahead-of-time compilation (syna-compile): a module in the LLVM
// dialect becomes an object file for a target machine. Every public function
// gets a packed entry point, `_syna_packed_NAME(void **args)`, which reads
// each argument through the pointer at args[i]: one calling convention for
// every signature, used by syna-run's calls and by the headers syna-compile
// writes (docs/deploy.md, "The C API").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_OBJECTCODE_H
#define SYNA_EXECUTION_OBJECTCODE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/Timing.h"
#include "syna/Transforms/CompileOptions.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace syna {

/// The machine code is generated for: a target triple, a CPU and its
/// features. An empty triple means this host (its CPU and features).
struct CodeTarget {
  std::string triple;
  std::string cpu;
  std::string features;

  /// This host, with its CPU name and features spelled out.
  static CodeTarget host();
  bool isHost() const { return triple.empty(); }
  /// `triple cpu features`, for cache keys and messages.
  std::string str() const;
};

/// Runs the syna-cpu-pipeline on `module` (docs/cpu-backend.md): the
/// module ends in the LLVM dialect. `timing` (may be null) receives every
/// pass.
llvm::Error lowerToLLVMDialect(mlir::ModuleOp module,
                               const CompileOptions &options,
                               mlir::TimingScope *timing);

/// Registers every back end LLVM was built with (once per process); the JIT
/// and createTargetMachine need it.
void initializeLLVMTargets();

/// A target machine for `target`, or an error naming the triple when LLVM
/// has no back end for it, or when it is not a 64-bit target (syna's memref
/// descriptors use 64-bit indices).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CodeTarget &target, mlir::ModuleOp module);

/// The packed entry point of `function`.
std::string packedEntryName(llvm::StringRef function);

/// Translates `module` (LLVM dialect, after syna-cpu-pipeline) to LLVM IR,
/// adds the packed entry points, optimizes at -O3 and emits an object file
/// for `machine`. `printLLVMIR` prints the optimized IR to stderr.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
emitObject(mlir::ModuleOp module, llvm::TargetMachine &machine,
           bool printLLVMIR);

} // namespace syna

#endif // SYNA_EXECUTION_OBJECTCODE_H
