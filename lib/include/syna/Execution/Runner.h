//===- Runner.h - load, compile and execute syna modules -------*- C++ -*-===//
//
// The execution side of syna-run: loading a module (the one place where
// front ends plug in), input validation against a graph's signature and the
// synapse domains, compilation through the syna-cpu-pipeline, JIT through
// MLIR's ExecutionEngine, and calls with host arrays.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_RUNNER_H
#define SYNA_EXECUTION_RUNNER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/Timing.h"
#include "syna/Execution/Npy.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace mlir {
class ExecutionEngine;
namespace func {
class FuncOp;
}
} // namespace mlir

namespace syna {

/// Loads `path`: `.syna` files through the front end, anything else as MLIR
/// (text or bytecode). Returns null after reporting an error.
mlir::OwningOpRef<mlir::ModuleOp> loadModule(llvm::StringRef path,
                                             mlir::MLIRContext &context);

/// What a graph takes and returns, read from its func.func before lowering.
struct ValueSpec {
  enum Kind { Tensor, Scalar } kind = Tensor;
  DType dtype = DType::F32;
  llvm::SmallVector<int64_t> shape; // ShapedType::kDynamic for '?'
  std::string describe() const;
};

struct GraphSignature {
  std::string name;
  std::vector<ValueSpec> inputs, results;
};

llvm::Expected<GraphSignature> graphSignature(mlir::ModuleOp module,
                                              llvm::StringRef graph);

/// Checks count, rank, static extents and element kinds (floats convert to
/// the graph's float type, integers to its integer type); batch extents
/// (dimension 0) of dynamic inputs must agree. Converts `inputs` in place.
llvm::Error validateInputs(const GraphSignature &signature,
                           std::vector<HostArray> &inputs);

/// Values outside a synapse's domain: inputs used directly as a probability
/// (x, y of synapses, the synapse tensor, swap ratios, flip circuits,
/// surprisal, odds), as β ∈ [0, 1], α > 0, a surprisal ≥ 0, or a class label
/// in [0, C).
llvm::Error checkDomains(mlir::ModuleOp module, llvm::StringRef graph,
                         const std::vector<HostArray> &inputs);

struct CompileOptions {
  bool surprisal = false;
  bool fuse = true;
  bool vectorize = true;
  bool omp = true;
  int64_t vectorWidth = 0; // f32 lanes; 0: the host's
  std::vector<int64_t> tileSizes = {10};
  uint64_t seed = 0;
  int64_t productBlock = 4;
  bool printIRAfterAll = false;
  bool printLLVMIR = false;
  int optLevel = 3;
};

class CompiledModule {
public:
  /// Lowers `module` in place and JIT-compiles it. `timing` (may be null)
  /// receives the lowering and code generation phases.
  static llvm::Expected<std::unique_ptr<CompiledModule>>
  compile(mlir::ModuleOp module, const CompileOptions &options,
          mlir::TimingScope *timing);
  ~CompiledModule();

  /// Calls `signature.name` with validated inputs.
  llvm::Expected<std::vector<HostArray>>
  invoke(const GraphSignature &signature, const std::vector<HostArray> &inputs);

private:
  CompiledModule() = default;
  std::unique_ptr<mlir::ExecutionEngine> engine;
};

} // namespace syna

#endif // SYNA_EXECUTION_RUNNER_H
