//===- Signature.h - modules, their functions and their inputs --*- C++ -*-===//
//
// Loading a module (the one place where front ends plug in), the signature
// of a function as host arrays see it, and the checks of inputs against it:
// shapes, element kinds and the operands' value domains.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_SIGNATURE_H
#define SYNA_EXECUTION_SIGNATURE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "syna/Execution/Npy.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace syna {

/// Loads `path`: `.syna` files through the front end, anything else as MLIR
/// (text or bytecode). Returns null after reporting an error.
mlir::OwningOpRef<mlir::ModuleOp> loadModule(llvm::StringRef path,
                                             mlir::MLIRContext &context);

/// What a graph takes and returns, read from its func.func before lowering.
struct ValueSpec {
  enum Kind { Tensor, Scalar } kind = Tensor;
  /// An input's name in the .syna source (its argument's NameLoc); "" for
  /// results and when the module does not say (plain MLIR).
  std::string name;
  DType dtype = DType::F32;
  llvm::SmallVector<int64_t> shape; // ShapedType::kDynamic for '?'
  /// The name of each dimension in the .syna source ("" for a static or
  /// unnamed one); empty when the module does not say (plain MLIR).
  std::vector<std::string> dimNames;
  /// The name of dimension `d`; "" when it has none.
  llvm::StringRef dimName(size_t d) const {
    return d < dimNames.size() ? llvm::StringRef(dimNames[d]) : "";
  }
  std::string describe() const;
};

struct GraphSignature {
  std::string name;
  std::vector<ValueSpec> inputs, results;
};

/// The graph a tool runs or compiles: `requested` when given, else the
/// module's only public graph; an error that lists the graphs otherwise.
llvm::Expected<std::string> selectGraph(mlir::ModuleOp module,
                                        llvm::StringRef requested);
llvm::Expected<GraphSignature> graphSignature(mlir::ModuleOp module,
                                              llvm::StringRef graph);

/// Checks count, rank, static extents and element kinds (floats convert to
/// the graph's float type, integers to its integer type), and that dynamic
/// extents agree where the graph's dimension names say so (f32[B, 4] and
/// i64[B]; f32[N] is independent of both). Converts `inputs` in place.
/// What the ops demand of the other dynamic extents is checkExtents' part.
llvm::Error validateInputs(const GraphSignature &signature,
                           std::vector<HostArray> &inputs);

/// Where a diagnostic or an op comes from: file:line:col when the location
/// holds one, MLIR's spelling of the location otherwise.
std::string sourceOf(mlir::Location location);

/// Inputs that an op of `graph` uses directly, checked against that
/// operand's value domain (getOperandDomain: probabilities, gains,
/// surprisals, class indices).
llvm::Error checkDomains(mlir::ModuleOp module, llvm::StringRef graph,
                         const std::vector<HostArray> &inputs);

} // namespace syna

#endif // SYNA_EXECUTION_SIGNATURE_H
