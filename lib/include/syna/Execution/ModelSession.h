//===- ModelSession.h - a model compiled for one target --------*- C++ -*-===//
//
// A module with a #syna.model, with its compiled steps (docs/training.md):
// the train step (Training mode only), the eval step, the predict step and
// the parameter getters and setters, on the backend the compile options
// name. Parameters stay on the target between calls; checkpoints go through
// the getters and setters, so a checkpoint is restored without compiling
// again.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_MODELSESSION_H
#define SYNA_EXECUTION_MODELSESSION_H

#include "mlir/IR/MLIRContext.h"
#include "syna/Data/Safetensors.h"
#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "syna/Dialect/Syna/IR/SynaAttrs.h"
#include "syna/Execution/Backend.h"
#include "syna/Execution/ExtentCheck.h"

#include <map>

namespace syna {

/// The outcome of one train or eval step on a batch.
struct BatchResult {
  double loss = 0;     // train: the batch mean; eval: the batch sum
  int64_t correct = 0; // samples whose largest score is at their label
};

struct Prediction {
  int64_t label = 0;
  double probability = 0;
};

/// Every parameter's θ shape, by name.
using ParameterShapes = std::map<std::string, std::vector<int64_t>>;

/// A checkpoint must hold every parameter, with its shape and finite
/// values; optimizer state (`__opt_*`) that the module lacks (no train step)
/// is ignored. `source` names the checkpoint in messages.
llvm::Error checkCheckpoint(const data::Checkpoint &checkpoint,
                            const ParameterShapes &parameters,
                            llvm::StringRef source);

/// Sets the `syna.theta` of every syna.param of `module` from `checkpoint`
/// (checked with checkCheckpoint), so that compiling the module starts from
/// it (syna-run run --checkpoint, syna-compile --checkpoint).
llvm::Error setThetaFromCheckpoint(mlir::ModuleOp module,
                                   const data::Checkpoint &checkpoint,
                                   llvm::StringRef source);

class ModelSession {
public:
  /// Explain: Inference, plus the probe step of syna-run explain.
  enum class Mode { Inference, Training, Explain };

  /// Loads `file` (a .syna file with a `model` block, or MLIR with a
  /// #syna.model) and builds its steps; diagnostics go to stderr.
  static llvm::Expected<std::unique_ptr<ModelSession>> open(llvm::StringRef file,
                                                            Mode mode);
  ~ModelSession();

  const ModelSpec &spec() const { return spec_; }
  /// The graph's image input: a float tensor [B, ...].
  const ValueSpec &imageSpec() const { return predict_.inputs[0]; }
  int64_t valuesPerImage() const;

  /// Compiles the module for `options.target`; parameters start from their
  /// initializers with `options.seed`.
  llvm::Error compile(const CompileOptions &options, mlir::TimingScope *timing);

  llvm::Expected<BatchResult> trainStep(HostArray images, HostArray labels,
                                        int64_t key, float learningRate,
                                        int64_t step);
  llvm::Expected<BatchResult> evalStep(HostArray images, HostArray labels);
  llvm::Expected<std::vector<Prediction>> predict(HostArray images);

  /// Explain mode: the parameter (β) of each probed synapse tensor, in the
  /// order of probe's results (syna-build-probe-step).
  const std::vector<std::string> &probedParameters() const {
    return probedParameters_;
  }
  /// Explain mode: the graph's scores, then the input x and the output y of
  /// each probed synapse tensor.
  llvm::Expected<std::vector<HostArray>> probe(HostArray images);
  /// The domain map's value of a parameter's θ (β = σ(θ) for `in unit`),
  /// in float64, with the parameter's shape.
  llvm::Expected<HostArray> parameterValue(llvm::StringRef name);

  /// Every parameter's θ (optimizer state included).
  llvm::Expected<data::Checkpoint> saveParameters();
  /// Sets θ of every parameter from `checkpoint` after checking names,
  /// shapes and values; optimizer state is required only in Training mode.
  /// `source` names the checkpoint in messages.
  llvm::Error restoreParameters(const data::Checkpoint &checkpoint,
                                llvm::StringRef source);

private:
  ModelSession();
  llvm::Error build(llvm::StringRef file, Mode mode);
  llvm::Expected<std::vector<HostArray>> call(const GraphSignature &function,
                                              std::vector<HostArray> inputs);

  mlir::MLIRContext context_;
  mlir::OwningOpRef<mlir::ModuleOp> module_;
  ModelSpec spec_;
  Mode mode_ = Mode::Inference;
  GraphSignature train_, eval_, predict_, probe_;
  std::vector<std::string> probedParameters_;
  struct Parameter {
    std::vector<int64_t> shape;
    Domain domain = Domain::Real;
    GraphSignature get, set;
  };
  std::map<std::string, Parameter> parameters_;
  std::unique_ptr<Executable> executable_;
  /// The steps before lowering, for the sizes of each call's inputs.
  ExtentChecker extents_;
};

} // namespace syna

#endif // SYNA_EXECUTION_MODELSESSION_H
