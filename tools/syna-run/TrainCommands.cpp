//===- TrainCommands.cpp - syna-run train / eval / predict ----------------===//
//
//   syna-run train FILE.syna [--epochs N] [--batch N] [--lr X] [--seed N]
//                  [--data DIR | --dataset mnist|fashion] [--out DIR]
//                  [--checkpoint FILE] [--resume FILE] [--limit-train N]
//                  [--limit-test N] [--no-progress]
//   syna-run eval FILE.syna --checkpoint FILE [--data DIR | --dataset ...]
//   syna-run predict FILE.syna --checkpoint FILE -i IMAGES.npy ...
//   syna-run explain FILE.syna --checkpoint FILE -o DIR [--data DIR ...]
//
// See docs/training.md and docs/explain.md.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "syna/Execution/Explain.h"
#include "syna/Execution/Trainer.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdint>

namespace cl = llvm::cl;

namespace syna::tool {
namespace {

cl::SubCommand trainCmd("train", "train a model (a .syna file with a "
                                 "`model` block) on an IDX data set");
cl::SubCommand evalCmd("eval", "test accuracy of a checkpoint");
cl::SubCommand predictCmd("predict", "classify images with a checkpoint");
cl::SubCommand explainCmd("explain",
                          "pictures of what a checkpoint has learned: each "
                          "synapse tensor's β, its per-class inputs and "
                          "outputs, the model's graph");

cl::opt<std::string> file(cl::Positional, cl::desc("<model.syna>"),
                          cl::Required, cl::sub(trainCmd), cl::sub(evalCmd),
                          cl::sub(predictCmd), cl::sub(explainCmd));
cl::opt<int64_t> epochs("epochs", cl::desc("override the model's epochs"),
                        cl::sub(trainCmd));
cl::opt<int64_t> batch("batch", cl::desc("override the model's batch size"),
                       cl::sub(trainCmd), cl::sub(evalCmd),
                       cl::sub(explainCmd));
cl::opt<double> lr("lr", cl::desc("override the optimizer's learning rate"),
                   cl::sub(trainCmd));
cl::opt<std::string> dataDir("data",
                             cl::desc("IDX directory (train-/t10k-images-idx3"
                                      "-ubyte[.gz], ...-labels-idx1-ubyte[.gz])"),
                             cl::sub(trainCmd), cl::sub(evalCmd),
                             cl::sub(explainCmd));
cl::opt<std::string>
    dataset("dataset",
            cl::desc("mnist (the embedded default, build/data/mnist) or "
                     "fashion (Debian's dataset-fashion-mnist)"),
            cl::sub(trainCmd), cl::sub(evalCmd), cl::sub(explainCmd));
cl::opt<std::string> outDir("out",
                            cl::desc("directory of run.log, metrics.csv, "
                                     "metrics.svg (default runs/MODEL)"),
                            cl::sub(trainCmd));
cl::opt<std::string> checkpoint(
    "checkpoint",
    cl::desc("train: where to write the checkpoint each epoch (default "
             "OUT/checkpoint.safetensors); eval/predict/explain: the "
             "checkpoint to use"),
    cl::sub(trainCmd), cl::sub(evalCmd), cl::sub(predictCmd),
    cl::sub(explainCmd));
cl::opt<std::string> resume("resume",
                            cl::desc("continue training from a checkpoint"),
                            cl::sub(trainCmd));
cl::opt<int64_t> limitTrain("limit-train",
                            cl::desc("use only the first N training images"),
                            cl::init(0), cl::sub(trainCmd));
cl::opt<int64_t> limitTest("limit-test",
                           cl::desc("use only the first N test images"),
                           cl::init(0), cl::sub(trainCmd), cl::sub(evalCmd),
                           cl::sub(explainCmd));
cl::opt<bool> noProgress("no-progress", cl::desc("no progress output"),
                         cl::sub(trainCmd));
cl::list<std::string> images("input", cl::desc("images to classify (.npy)"),
                             cl::sub(predictCmd));
cl::alias imagesShort("i", cl::aliasopt(images));
cl::opt<std::string> explainDir("o", cl::desc("explain: output directory"),
                                cl::value_desc("DIR"), cl::Required,
                                cl::sub(explainCmd));

std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return "?";
  int64_t s = int64_t(seconds + 0.5);
  if (s >= 3600)
    return llvm::formatv("{0}h{1:2}m", s / 3600, (s / 60) % 60).str();
  return llvm::formatv("{0}:{1,0+2}", s / 60, s % 60).str();
}

/// Prints a run: its configuration, a progress bar on a terminal (four
/// progress lines per epoch otherwise) and one line per epoch.
class ConsoleObserver : public TrainObserver {
public:
  ConsoleObserver(bool progress)
      : progress(progress),
        terminal(progress && llvm::sys::Process::StandardErrIsDisplayed()) {}

  void started(const TrainStart &start) override {
    llvm::outs() << "syna-run train: " << start.config << "\n"
                 << llvm::formatv("compiled in {0:f1} s; writing {1}\n",
                                  start.compileSeconds, start.outDir);
    llvm::outs().flush();
  }

  void progressed(const TrainProgress &p) override {
    if (terminal) {
      int width = 30, filled = int(width * p.batch / p.batches);
      llvm::errs() << llvm::formatv(
          "\repoch {0}/{1} [{2}{3}] {4}/{5} loss {6:f4} {7:f0} img/s ETA {8}  ",
          p.epoch, p.epochs, std::string(filled, '#'),
          std::string(width - filled, '.'), p.batch, p.batches, p.meanLoss,
          p.imagesPerSecond, formatDuration(p.etaSeconds));
      lineOpen = true;
      return;
    }
    int64_t quarter = p.batch * 4 / p.batches;
    if (!progress || quarter == lastQuarter || quarter == 0 ||
        p.batch == p.batches)
      return;
    lastQuarter = quarter;
    llvm::errs() << llvm::formatv(
        "epoch {0}/{1}: {2}/{3} batches, loss {4:f4}, {5:f0} img/s, ETA {6}\n",
        p.epoch, p.epochs, p.batch, p.batches, p.meanLoss, p.imagesPerSecond,
        formatDuration(p.etaSeconds));
  }

  void epochFinished(const EpochReport &r) override {
    endLine();
    lastQuarter = -1;
    llvm::outs() << llvm::formatv(
        "epoch {0}/{1}: train loss {2:f6}, train accuracy {3:f2}%, test loss "
        "{4:f6}, test accuracy {5:f2}% ({6}/{7}), lr {8}, {9:f0} images/s, "
        "{10:f1} s\n",
        r.metrics.epoch, r.epochs, r.metrics.trainLoss, 100 * r.trainAccuracy,
        r.test.loss, 100 * r.test.accuracy, r.test.correct, r.test.total,
        llvm::formatv("{0}", llvm::format("%g", r.learningRate)).str(),
        r.metrics.imagesPerSecond, r.metrics.seconds);
    llvm::outs().flush();
  }

  /// Ends a progress bar's line, before an error is printed.
  void endLine() {
    if (lineOpen)
      llvm::errs() << "\n";
    lineOpen = false;
  }

private:
  bool progress, terminal;
  bool lineOpen = false;
  int64_t lastQuarter = -1;
};

/// The overrides of model fields within the fields' ranges in the model
/// schema; --lr within that of every optimizer's learning rate, as it
/// overrides whichever the model chose.
llvm::Error checkModelOverrides() {
  llvm::Error error = llvm::Error::success();
  auto check = [&](const auto &flag, const FieldRule &rule) {
    if (!flag.getNumOccurrences())
      return false;
    llvm::Error e = checkFlag(flag.ArgStr, double(flag.getValue()), rule);
    bool failed = bool(e);
    error = llvm::joinErrors(std::move(error), std::move(e));
    return failed;
  };
  check(epochs, settingRule(ModelSetting::Epochs).value);
  check(batch, settingRule(ModelSetting::Batch).value);
  for (const KindRule &kind : settingRule(ModelSetting::Optimizer).kinds)
    if (const FieldRule *rule = findField(kind, "lr"); rule && check(lr, *rule))
      break;
  // 0 takes every image; a limit is a count of images in an IDX file.
  FieldRule limit = flagRule(FieldType::Int, Range::closed(0, INT32_MAX));
  check(limitTrain, limit);
  check(limitTest, limit);
  return error;
}

int trainMain() {
  TrainConfig config;
  config.file = file;
  if (epochs.getNumOccurrences())
    config.epochs = epochs;
  if (batch.getNumOccurrences())
    config.batch = batch;
  if (lr.getNumOccurrences())
    config.lr = lr;
  config.compile = compileOptionsFromFlags();
  if (compileFlagGiven("seed"))
    config.seed = config.compile.seed;
  config.dataDir = dataDir;
  config.dataset = dataset;
  config.outDir = outDir;
  config.checkpoint = checkpoint;
  config.resume = resume;
  config.limitTrain = limitTrain;
  config.limitTest = limitTest;
  if (llvm::Error e = llvm::joinErrors(checkModelOverrides(),
                                       config.compile.validate()))
    return fail(std::move(e));
  ConsoleObserver console(!noProgress);
  llvm::Expected<TrainSummary> summary = train(config, console);
  console.endLine();
  if (!summary)
    return fail(summary.takeError());
  llvm::outs() << summaryLine(*summary) << "\n";
  return 0;
}

/// The options of eval, predict and explain, checked as train checks them.
llvm::Expected<EvalConfig> evalConfig() {
  EvalConfig config;
  config.file = file;
  config.checkpoint = checkpoint;
  config.dataDir = dataDir;
  config.dataset = dataset;
  if (batch.getNumOccurrences())
    config.batch = batch;
  config.limitTest = limitTest;
  config.compile = compileOptionsFromFlags();
  if (llvm::Error e = llvm::joinErrors(checkModelOverrides(),
                                       config.compile.validate()))
    return std::move(e);
  return config;
}

int evalMain() {
  llvm::Expected<EvalConfig> config = evalConfig();
  if (!config)
    return fail(config.takeError());
  llvm::Expected<EvalResult> result = evaluateCheckpoint(*config);
  if (!result)
    return fail(result.takeError());
  llvm::outs() << llvm::formatv(
      "test accuracy {0:f2}% ({1}/{2}), test loss {3:f6}, {4:f0} images/s\n",
      100 * result->accuracy, result->correct, result->total, result->loss,
      result->imagesPerSecond);
  return 0;
}

int predictMain() {
  llvm::Expected<EvalConfig> config = evalConfig();
  if (!config)
    return fail(config.takeError());
  std::vector<std::string> files(images.begin(), images.end());
  auto predictions = predictImages(*config, files);
  if (!predictions)
    return fail(predictions.takeError());
  for (const ImagePredictions &f : *predictions)
    for (auto [i, p] : llvm::enumerate(f.predictions))
      llvm::outs() << llvm::formatv("{0}[{1}]: class {2} (probability {3:f4})\n",
                                    f.file, i, p.label, p.probability);
  return 0;
}

int explainMain() {
  llvm::Expected<EvalConfig> config = evalConfig();
  if (!config)
    return fail(config.takeError());
  llvm::Expected<ExplainReport> report = explainModel(*config, explainDir);
  if (!report)
    return fail(report.takeError());
  for (const std::string &path : report->files)
    llvm::outs() << "wrote " << path << "\n";
  llvm::outs() << "class means over " << report->images << " test images";
  if (!report->graphSvg)
    llvm::outs() << "; no graph.svg: Graphviz's dot is not installed "
                    "(apt-get install graphviz)";
  llvm::outs() << "\n";
  return 0;
}

} // namespace

Subcommand explainCommand() { return {explainCmd, explainMain}; }
Subcommand trainCommand() { return {trainCmd, trainMain}; }
Subcommand evalCommand() { return {evalCmd, evalMain}; }
Subcommand predictCommand() { return {predictCmd, predictMain}; }

} // namespace syna::tool
