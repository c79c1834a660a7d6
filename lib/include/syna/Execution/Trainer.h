//===- Trainer.h - the host loop of `syna-run train/eval/predict` -*- C++ -*-===//
//
// Compiles a model (`syna.model`) with syna-build-train-step and drives its
// compiled training step over an IDX data set: seeded shuffles, batches,
// dropout keys, learning-rate schedules, progress, metrics, checkpoints and
// a run log. Evaluation and prediction run the model's graph (inference
// mode) with parameters from a checkpoint.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_TRAINER_H
#define SYNA_EXECUTION_TRAINER_H

#include "syna/Execution/Runner.h"
#include <optional>
#include <string>

namespace syna {

struct TrainOptions {
  std::string file;
  // Overrides of the model's settings (unset: the model's value).
  std::optional<int64_t> epochs, batch;
  std::optional<double> lr;
  std::optional<uint64_t> seed;
  std::string dataDir;  // IDX directory; "" → the model's / the default
  std::string dataset;  // "mnist" | "fashion"; "" → the model's
  std::string outDir;   // metrics, run log, default checkpoint
  std::string checkpoint; // where to write checkpoints ("" → OUT/checkpoint.safetensors)
  std::string resume;   // checkpoint to resume from
  int64_t limitTrain = 0, limitTest = 0; // 0: all samples
  bool progress = true;
  bool quiet = false;
  CompileOptions compile;
};

/// `syna-run train`. Returns the process exit code; errors are printed.
int runTraining(const TrainOptions &options);

struct EvalOptions {
  std::string file;
  std::string checkpoint;
  std::string dataDir, dataset;
  std::optional<int64_t> batch;
  int64_t limitTest = 0;
  std::vector<std::string> images; // predict: .npy files of images
  CompileOptions compile;
};

/// `syna-run eval`: test loss and accuracy of a checkpoint.
int runEvaluation(const EvalOptions &options);
/// `syna-run predict`: class and probability of each given image.
int runPrediction(const EvalOptions &options);

} // namespace syna

#endif // SYNA_EXECUTION_TRAINER_H
