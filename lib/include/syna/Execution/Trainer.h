//===- Trainer.h - training, evaluating and predicting with a model -*- C++ -*-===//
//
// The library behind `syna-run train/eval/predict` (docs/training.md). It
// reads data, drives the compiled steps of a ModelSession, and writes the
// run directory (checkpoints, metrics, run log); it prints nothing. A tool
// follows a run through a TrainObserver and reports errors as it sees fit.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_EXECUTION_TRAINER_H
#define SYNA_EXECUTION_TRAINER_H

#include "syna/Data/Idx.h"
#include "syna/Data/Metrics.h"
#include "syna/Execution/ModelSession.h"

#include <optional>
#include <string>

namespace syna {

/// How to train a model: overrides of its settings and where things go.
struct TrainConfig {
  std::string file;
  std::optional<int64_t> epochs, batch;
  std::optional<double> lr;
  std::optional<uint64_t> seed;
  std::string dataDir;    // IDX directory; "" → the model's / the default
  std::string dataset;    // "mnist" | "fashion"; "" → the model's
  std::string outDir;     // metrics, run log, default checkpoint
  std::string checkpoint; // "" → OUT/checkpoint.safetensors
  std::string resume;     // a checkpoint to continue from
  int64_t limitTrain = 0, limitTest = 0; // 0: all samples
  CompileOptions compile;
};

struct EvalResult {
  double loss = 0, accuracy = 0; // mean loss per sample; accuracy in [0, 1]
  int64_t correct = 0, total = 0;
  double imagesPerSecond = 0; // of the batch loop; reading the data excluded
};

struct TrainStart {
  std::string config; // the run log's configuration line
  std::string outDir;
  double compileSeconds = 0;
};

struct TrainProgress {
  int64_t epoch = 0, epochs = 0; // epoch counts from 1
  int64_t batch = 0, batches = 0;
  double meanLoss = 0, imagesPerSecond = 0, etaSeconds = 0;
};

struct EpochReport {
  data::EpochMetrics metrics;
  int64_t epochs = 0;
  double trainAccuracy = 0, learningRate = 0;
  EvalResult test;
};

struct TrainSummary {
  int64_t epochs = 0;     // the epochs the run ends at
  int64_t startEpoch = 0; // the epochs a resumed checkpoint had
  int64_t epochsRun = 0;  // 0: the resumed checkpoint had them all
  EvalResult test;
  double imagesPerSecond = 0, trainSeconds = 0, compileSeconds = 0;
  std::string checkpoint;
};

/// Receives a run's progress; every method may be left alone.
class TrainObserver {
public:
  virtual ~TrainObserver();
  virtual void started(const TrainStart &start) {}
  virtual void progressed(const TrainProgress &progress) {}
  virtual void epochFinished(const EpochReport &report) {}
};

llvm::Expected<TrainSummary> train(const TrainConfig &config,
                                   TrainObserver &observer);
/// "done: 12 epochs, test accuracy ...": the last line of a run, in the
/// run log and on the console.
std::string summaryLine(const TrainSummary &summary);

struct EvalConfig {
  std::string file, checkpoint, dataDir, dataset;
  std::optional<int64_t> batch;
  int64_t limitTest = 0;
  CompileOptions compile;
};

/// The test loss and accuracy of a checkpoint.
llvm::Expected<EvalResult> evaluateCheckpoint(const EvalConfig &config);

struct ImagePredictions {
  std::string file;
  std::vector<Prediction> predictions; // one per image of the file
};

/// The class and probability of each image of `files` (.npy, N×784 or
/// N×28×28 values in [0, 1]).
llvm::Expected<std::vector<ImagePredictions>>
predictImages(const EvalConfig &config, llvm::ArrayRef<std::string> files);

/// The model of `config.file` opened in `mode` (Inference or Explain),
/// compiled, with the parameters of `config.checkpoint`.
llvm::Expected<std::unique_ptr<ModelSession>>
openWithCheckpoint(const EvalConfig &config, ModelSession::Mode mode);

/// The test split of the model's data set (config.dataDir, config.dataset,
/// config.limitTest), checked against the graph's image size.
llvm::Expected<data::LabelledImages>
loadTestSet(const ModelSession &session, const EvalConfig &config);

/// Calls `step` with every `batch` test images in order, as the graph's
/// input, and their labels; stops at the first error.
llvm::Error forEachTestBatch(
    const ModelSession &session, const data::LabelledImages &test,
    int64_t batch,
    llvm::function_ref<llvm::Error(HostArray images, HostArray labels)> step);

} // namespace syna

#endif // SYNA_EXECUTION_TRAINER_H
