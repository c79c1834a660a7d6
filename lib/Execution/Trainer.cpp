//===- Trainer.cpp - training, evaluating and predicting with a model -----===//
//
// Decisions (docs/training.md):
// - Training drops the last partial batch of an epoch (every step has the
//   batch size the learning rate was tuned for); evaluation covers every
//   test sample (the graph takes a dynamic batch).
// - One seed drives everything: parameter initialisation (the compiled
//   module's initial θ), the shuffle of each epoch (Fisher–Yates over
//   splitmix64 of seed and epoch), the dropout key of each step (splitmix64
//   of seed and step), and the offsets of the `shift` augmentation
//   (lib/Data/Augment.cpp).
// - Learning-rate schedules are per epoch (PyTorch's schedulers stepped once
//   per epoch); the rate is an argument of the compiled step.
// - The loss and the accuracy come from the compiled steps (IR), never from
//   host code.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/Trainer.h"

#include "syna/Data/Augment.h"
#include "syna/Data/DataSets.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <numeric>

namespace syna {

TrainObserver::~TrainObserver() = default;

namespace {

llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/// A number in the run log: %g.
std::string shortNumber(double value) {
  return llvm::formatv("{0}", llvm::format("%g", value)).str();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

/// How the training images of one epoch are shifted (pixels = 0: not).
struct ShiftAugment {
  int64_t pixels = 0;
  uint64_t seed = 0;
  int64_t epoch = 0;
};

/// Images order[n0, n) as the graph's input.
HostArray batchImages(const ValueSpec &spec, const data::LabelledImages &d,
                      llvm::ArrayRef<int64_t> order, int64_t n0, int64_t n,
                      const ShiftAugment &shift = {}) {
  HostArray x;
  x.dtype = spec.dtype;
  x.shape.assign(spec.shape.begin(), spec.shape.end());
  x.shape[0] = n - n0;
  int64_t perImage = d.pixelsPerImage();
  x.data.resize((n - n0) * perImage * dtypeSize(spec.dtype));
  std::vector<float> shifted(shift.pixels ? perImage : 0);
  for (int64_t i = n0; i < n; ++i) {
    const float *source = &d.pixels[order[i] * perImage];
    if (shift.pixels) {
      data::shiftImage(source, shifted.data(), d.rows, d.cols,
                       data::randomShift(shift.seed, shift.epoch, order[i],
                                         shift.pixels));
      source = shifted.data();
    }
    if (spec.dtype == DType::F32)
      std::memcpy(x.data.data() + (i - n0) * perImage * 4, source, perImage * 4);
    else
      for (int64_t k = 0; k < perImage; ++k)
        x.set((i - n0) * perImage + k, source[k]);
  }
  return x;
}

HostArray batchLabels(const data::LabelledImages &d,
                      llvm::ArrayRef<int64_t> order, int64_t n0, int64_t n) {
  HostArray labels;
  labels.dtype = DType::I32;
  labels.shape = {n - n0};
  labels.data.resize((n - n0) * 4);
  for (int64_t i = n0; i < n; ++i)
    std::memcpy(labels.data.data() + (i - n0) * 4, &d.labels[order[i]], 4);
  return labels;
}

llvm::Error checkImageShape(const ModelSession &session,
                            const data::LabelledImages &d,
                            const std::string &dir) {
  if (session.valuesPerImage() == d.pixelsPerImage())
    return llvm::Error::success();
  return err("the images of " + dir + " have " +
             llvm::Twine(d.pixelsPerImage()) + " pixels but graph @" +
             session.spec().graph + " takes " +
             llvm::Twine(session.valuesPerImage()) + " values per sample");
}

} // namespace

llvm::Error forEachTestBatch(
    const ModelSession &session, const data::LabelledImages &test,
    int64_t batch,
    llvm::function_ref<llvm::Error(HostArray images, HostArray labels)> step) {
  if (batch < 1)
    return err("the evaluation batch must be at least 1, got " +
               llvm::Twine(batch));
  std::vector<int64_t> order(test.size());
  std::iota(order.begin(), order.end(), 0);
  for (int64_t n0 = 0; n0 < test.size(); n0 += batch) {
    int64_t n = std::min(test.size(), n0 + batch);
    if (llvm::Error e = step(batchImages(session.imageSpec(), test, order, n0, n),
                             batchLabels(test, order, n0, n)))
      return e;
  }
  return llvm::Error::success();
}

namespace {

/// Loss and accuracy over every test image, in batches of `batch`.
llvm::Expected<EvalResult> evaluate(ModelSession &session,
                                    const data::LabelledImages &test,
                                    int64_t batch) {
  EvalResult result;
  auto start = std::chrono::steady_clock::now();
  if (llvm::Error e = forEachTestBatch(
          session, test, batch,
          [&](HostArray images, HostArray labels) -> llvm::Error {
            llvm::Expected<BatchResult> batchResult =
                session.evalStep(std::move(images), std::move(labels));
            if (!batchResult)
              return batchResult.takeError();
            result.loss += batchResult->loss;
            result.correct += batchResult->correct;
            return llvm::Error::success();
          }))
    return std::move(e);
  result.total = test.size();
  if (result.total) {
    result.loss /= double(result.total);
    result.accuracy = double(result.correct) / double(result.total);
    result.imagesPerSecond = double(result.total) / secondsSince(start);
  }
  return result;
}

//===----------------------------------------------------------------------===//
// One training run
//===----------------------------------------------------------------------===//

/// What one `syna-run train` holds from start to end.
struct TrainingRun {
  explicit TrainingRun(const TrainConfig &config) : config(config) {}

  std::string path(llvm::StringRef file) const {
    llvm::SmallString<256> p(outDir);
    llvm::sys::path::append(p, file);
    return std::string(p);
  }

  const TrainConfig &config;
  std::unique_ptr<ModelSession> session;
  ModelSpec spec; // with the configuration's overrides
  data::LabelledImages train, test;
  std::string dataDir, outDir, checkpointPath, configLine;
  std::optional<data::Checkpoint> resumeFrom;
  int64_t steps = 0, startEpoch = 0, step = 0;
  std::vector<data::EpochMetrics> history;
  std::unique_ptr<llvm::raw_fd_ostream> log;
  double compileSeconds = 0;
};

/// The model with the overrides applied; the data set, checked against it.
llvm::Error openRun(TrainingRun &run) {
  const TrainConfig &c = run.config;
  auto session = ModelSession::open(c.file, ModelSession::Mode::Training);
  if (!session)
    return session.takeError();
  run.session = std::move(*session);
  ModelSpec &spec = run.spec = run.session->spec();
  spec.epochs = c.epochs.value_or(spec.epochs);
  spec.batch = c.batch.value_or(spec.batch);
  spec.optimizer.lr = c.lr.value_or(spec.optimizer.lr);
  spec.seed = int64_t(c.seed.value_or(uint64_t(spec.seed)));
  if (spec.epochs < 1 || spec.batch < 1 || !(spec.optimizer.lr > 0))
    return err("--epochs and --batch must be ≥ 1 and --lr > 0");
  llvm::Expected<std::string> dir =
      data::resolveDataDirectory(spec.data, c.dataDir, c.dataset);
  if (!dir)
    return dir.takeError();
  run.dataDir = *dir;
  if (!c.dataset.empty())
    spec.data.kind =
        c.dataset == "mnist" ? DataKind::Mnist : DataKind::FashionMnist;
  spec.data.path = *dir;
  for (auto [split, limit, out] :
       {std::tuple{"train", c.limitTrain, &run.train},
        std::tuple{"t10k", c.limitTest, &run.test}}) {
    llvm::Expected<data::LabelledImages> images =
        data::loadSplit(*dir, split, limit);
    if (!images)
      return images.takeError();
    *out = std::move(*images);
  }
  if (llvm::Error e = checkImageShape(*run.session, run.train, *dir))
    return e;
  run.steps = run.train.size() / spec.batch;
  if (run.steps == 0)
    return err("the training set (" + llvm::Twine(run.train.size()) +
               " images) is smaller than one batch (" +
               llvm::Twine(spec.batch) + ")");
  return llvm::Error::success();
}

/// Reads the checkpoint to resume from, and where it left off.
llvm::Error readResume(TrainingRun &run) {
  llvm::Expected<data::Checkpoint> checkpoint =
      data::readSafetensors(run.config.resume);
  if (!checkpoint)
    return checkpoint.takeError();
  auto metadata = [&](const char *key) -> std::optional<int64_t> {
    auto it = checkpoint->metadata.find(key);
    int64_t value;
    if (it == checkpoint->metadata.end() ||
        llvm::StringRef(it->second).getAsInteger(10, value))
      return std::nullopt;
    return value;
  };
  std::optional<int64_t> epoch = metadata("epoch"), step = metadata("step");
  if (!epoch || !step)
    return err(run.config.resume +
               ": not a syna training checkpoint (no epoch/step metadata)");
  run.startEpoch = *epoch;
  run.step = *step;
  run.resumeFrom = std::move(*checkpoint);
  return llvm::Error::success();
}

/// Compiles the steps (parameters drawn with the run's seed), restores a
/// resumed checkpoint, and starts the run log.
llvm::Error startRun(TrainingRun &run, TrainObserver &observer) {
  CompileOptions options = run.config.compile;
  options.seed = uint64_t(run.spec.seed);
  auto start = std::chrono::steady_clock::now();
  if (llvm::Error e = run.session->compile(options, nullptr))
    return e;
  run.compileSeconds = secondsSince(start);
  if (run.resumeFrom)
    if (llvm::Error e = run.session->restoreParameters(*run.resumeFrom,
                                                       run.config.resume))
      return e;
  run.configLine =
      llvm::formatv("{0} file={1} train={2} test={3} steps_per_epoch={4} "
                    "last_partial_batch=dropped target={5} pipeline={{{6}}",
                    formatSpec(run.spec), run.config.file, run.train.size(),
                    run.test.size(), run.steps, options.target,
                    options.pipelineString())
          .str();
  std::error_code ec;
  run.log = std::make_unique<llvm::raw_fd_ostream>(
      run.path("run.log"), ec,
      run.config.resume.empty() ? llvm::sys::fs::OF_Text
                                : llvm::sys::fs::OF_Append);
  if (ec)
    return err("cannot write " + run.path("run.log") + ": " + ec.message());
  *run.log << (run.config.resume.empty()
                   ? std::string("start ")
                   : "resume from " + run.config.resume + " ")
           << run.configLine << "\n";
  run.log->flush();
  observer.started({run.configLine, run.outDir, run.compileSeconds});
  return llvm::Error::success();
}

/// The order of the training images in `epoch`: a seeded Fisher–Yates
/// shuffle.
std::vector<int64_t> epochOrder(int64_t size, uint64_t seed, int64_t epoch) {
  std::vector<int64_t> order(size);
  std::iota(order.begin(), order.end(), 0);
  uint64_t state = splitmix64(seed ^ splitmix64(uint64_t(epoch) + 1));
  for (int64_t i = size - 1; i > 0; --i) {
    state = splitmix64(state);
    std::swap(order[i], order[state % uint64_t(i + 1)]);
  }
  return order;
}

/// The error of a step whose loss is not finite; the run log records it.
llvm::Error divergence(TrainingRun &run, double loss, int64_t epoch,
                       int64_t batch, double lr) {
  *run.log << "error: loss " << loss << " at step " << run.step << "\n";
  run.log->flush();
  return err(llvm::formatv(
      "the training loss is {0} at step {1} (epoch {2}, batch {3} of {4}, "
      "lr {5}); stopping. Lower the learning rate (--lr) or check the data; "
      "the last checkpoint is {6}",
      loss, run.step, epoch + 1, batch + 1, run.steps, shortNumber(lr),
      run.history.empty() && run.config.resume.empty() ? "none"
                                                       : run.checkpointPath));
}

/// One epoch of train steps; fills the report's training half.
llvm::Error trainEpoch(TrainingRun &run, int64_t epoch, EpochReport &report,
                       TrainObserver &observer) {
  const ModelSpec &spec = run.spec;
  uint64_t seed = uint64_t(spec.seed);
  std::vector<int64_t> order = epochOrder(run.train.size(), seed, epoch);
  ShiftAugment shift{spec.augment.kind == AugmentKind::Shift
                         ? spec.augment.pixels
                         : 0,
                     seed, epoch};
  double lr = scheduledLr(spec.schedule, spec.optimizer.lr, epoch);
  double lossSum = 0;
  int64_t correct = 0, batch = spec.batch;
  auto start = std::chrono::steady_clock::now();
  for (int64_t b = 0; b < run.steps; ++b) {
    ++run.step;
    int64_t key = int64_t(splitmix64(seed * 0x100000001B3ull + uint64_t(run.step)) >> 1);
    llvm::Expected<BatchResult> result = run.session->trainStep(
        batchImages(run.session->imageSpec(), run.train, order, b * batch,
                    (b + 1) * batch, shift),
        batchLabels(run.train, order, b * batch, (b + 1) * batch), key,
        float(lr), run.step);
    if (!result)
      return result.takeError();
    if (!std::isfinite(result->loss))
      return divergence(run, result->loss, epoch, b, lr);
    lossSum += result->loss;
    correct += result->correct;
    double ips = double((b + 1) * batch) / std::max(secondsSince(start), 1e-9);
    observer.progressed({epoch + 1, spec.epochs, b + 1, run.steps,
                         lossSum / double(b + 1), ips,
                         double(run.steps - b - 1) * double(batch) / ips});
  }
  double seconds = secondsSince(start);
  report.metrics.epoch = int(epoch + 1);
  report.metrics.trainLoss = lossSum / double(run.steps);
  report.metrics.imagesPerSecond = double(run.steps * batch) / seconds;
  report.metrics.seconds = seconds;
  report.epochs = spec.epochs;
  report.trainAccuracy = double(correct) / double(run.steps * batch);
  report.learningRate = lr;
  return llvm::Error::success();
}

/// The run log's epoch line.
std::string epochLine(const EpochReport &r) {
  return llvm::formatv(
             "epoch {0}/{1}: train loss {2:f6}, train accuracy {3:f2}%, test "
             "loss {4:f6}, test accuracy {5:f2}% ({6}/{7}), lr {8}, {9:f0} "
             "images/s, {10:f1} s",
             r.metrics.epoch, r.epochs, r.metrics.trainLoss,
             100 * r.trainAccuracy, r.test.loss, 100 * r.test.accuracy,
             r.test.correct, r.test.total, shortNumber(r.learningRate),
             r.metrics.imagesPerSecond, r.metrics.seconds)
      .str();
}

/// A state that is not finite (a running variance that overflowed while the
/// loss stayed finite) would make a checkpoint that no run can load.
llvm::Error checkFiniteState(TrainingRun &run, const data::Checkpoint &state,
                             int64_t epoch) {
  for (const auto &[name, tensor] : state.tensors) {
    auto bad = llvm::find_if(tensor.values,
                             [](float v) { return !std::isfinite(v); });
    if (bad == tensor.values.end())
      continue;
    const char *value = std::isnan(*bad) ? "nan" : *bad > 0 ? "inf" : "-inf";
    *run.log << "error: " << name << " holds " << value << " after epoch "
             << epoch << "\n";
    run.log->flush();
    return err(llvm::formatv(
        "after epoch {0}, '{1}' holds {2} (element {3}) although the loss "
        "stayed finite; stopping without writing a checkpoint. Lower the "
        "learning rate (--lr) or check the data; the last checkpoint is {4}",
        epoch, name, value, bad - tensor.values.begin(),
        run.history.size() <= 1 && run.config.resume.empty()
            ? "none"
            : run.checkpointPath));
  }
  return llvm::Error::success();
}

/// After an epoch: the checkpoint (every parameter and the optimizer
/// state, with where the run stands), the metrics and the run log.
llvm::Error saveEpoch(TrainingRun &run, const EpochReport &report) {
  run.history.push_back(report.metrics);
  *run.log << epochLine(report) << "\n";
  run.log->flush();
  llvm::Expected<data::Checkpoint> checkpoint = run.session->saveParameters();
  if (!checkpoint)
    return checkpoint.takeError();
  if (llvm::Error e =
          checkFiniteState(run, *checkpoint, report.metrics.epoch))
    return e;
  checkpoint->metadata = {{"format", "syna-checkpoint-1"},
                          {"model", run.spec.name},
                          {"epoch", std::to_string(report.metrics.epoch)},
                          {"step", std::to_string(run.step)},
                          {"seed", std::to_string(run.spec.seed)},
                          {"config", run.configLine}};
  if (llvm::Error e = data::writeSafetensors(run.checkpointPath, *checkpoint))
    return e;
  // Metrics of this run (a resumed run starts its own table).
  if (llvm::Error e = data::writeMetricsCsv(run.path("metrics.csv"), run.history))
    return e;
  return data::writeMetricsSvg(
      run.path("metrics.svg"),
      run.spec.name + " (seed " + std::to_string(run.spec.seed) + ")",
      run.history);
}

/// Where the run writes: OUT (default runs/MODEL) and its checkpoint.
llvm::Error makeOutputDirectory(TrainingRun &run) {
  const std::string &name = run.spec.name;
  run.outDir = run.config.outDir.empty()
                   ? "runs/" + (name.empty() ? std::string("model") : name)
                   : run.config.outDir;
  if (std::error_code ec = llvm::sys::fs::create_directories(run.outDir))
    return err("cannot create " + run.outDir + ": " + ec.message());
  run.checkpointPath = run.config.checkpoint.empty()
                           ? run.path("checkpoint.safetensors")
                           : run.config.checkpoint;
  return llvm::Error::success();
}

} // namespace

llvm::Expected<TrainSummary> train(const TrainConfig &config,
                                   TrainObserver &observer) {
  TrainingRun run(config);
  if (llvm::Error e = openRun(run))
    return std::move(e);
  if (llvm::Error e = makeOutputDirectory(run))
    return std::move(e);
  if (!config.resume.empty())
    if (llvm::Error e = readResume(run))
      return std::move(e);
  if (llvm::Error e = startRun(run, observer))
    return std::move(e);
  TrainSummary summary;
  summary.epochs = run.spec.epochs;
  summary.startEpoch = run.startEpoch;
  summary.compileSeconds = run.compileSeconds;
  summary.checkpoint = run.checkpointPath;
  int64_t images = 0;
  for (int64_t epoch = run.startEpoch; epoch < run.spec.epochs; ++epoch) {
    EpochReport report;
    if (llvm::Error e = trainEpoch(run, epoch, report, observer))
      return std::move(e);
    llvm::Expected<EvalResult> test =
        evaluate(*run.session, run.test, run.spec.batch);
    if (!test)
      return test.takeError();
    report.test = *test;
    report.metrics.testLoss = test->loss;
    report.metrics.testAccuracy = test->accuracy;
    if (llvm::Error e = saveEpoch(run, report))
      return std::move(e);
    observer.epochFinished(report);
    summary.test = *test;
    summary.trainSeconds += report.metrics.seconds;
    images += run.steps * run.spec.batch;
    ++summary.epochsRun;
  }
  summary.imagesPerSecond =
      double(images) / std::max(summary.trainSeconds, 1e-9);
  *run.log << summaryLine(summary) << "\n";
  return summary;
}

std::string summaryLine(const TrainSummary &s) {
  if (s.epochsRun == 0)
    return "done: the checkpoint already has " + std::to_string(s.startEpoch) +
           " epochs (--epochs " + std::to_string(s.epochs) + ")";
  return llvm::formatv(
             "done: {0} epochs, test accuracy {1:f2}% ({2}/{3}), test loss "
             "{4:f6}, {5:f0} images/s, {6:f1} s training + {7:f1} s compile; "
             "checkpoint {8}",
             s.epochsRun, 100 * s.test.accuracy, s.test.correct, s.test.total,
             s.test.loss, s.imagesPerSecond, s.trainSeconds, s.compileSeconds,
             s.checkpoint)
      .str();
}

//===----------------------------------------------------------------------===//
// Evaluation and prediction
//===----------------------------------------------------------------------===//

llvm::Expected<std::unique_ptr<ModelSession>>
openWithCheckpoint(const EvalConfig &config, ModelSession::Mode mode) {
  if (config.checkpoint.empty())
    return err("--checkpoint FILE is required");
  auto session = ModelSession::open(config.file, mode);
  if (!session)
    return session.takeError();
  llvm::Expected<data::Checkpoint> checkpoint =
      data::readSafetensors(config.checkpoint);
  if (!checkpoint)
    return checkpoint.takeError();
  if (llvm::Error e = (*session)->compile(config.compile, nullptr))
    return std::move(e);
  if (llvm::Error e =
          (*session)->restoreParameters(*checkpoint, config.checkpoint))
    return std::move(e);
  return session;
}

llvm::Expected<data::LabelledImages>
loadTestSet(const ModelSession &session, const EvalConfig &config) {
  llvm::Expected<std::string> dir = data::resolveDataDirectory(
      session.spec().data, config.dataDir, config.dataset);
  if (!dir)
    return dir.takeError();
  llvm::Expected<data::LabelledImages> test =
      data::loadSplit(*dir, "t10k", config.limitTest);
  if (!test)
    return test.takeError();
  if (llvm::Error e = checkImageShape(session, *test, *dir))
    return std::move(e);
  return test;
}


llvm::Expected<EvalResult> evaluateCheckpoint(const EvalConfig &config) {
  auto session = openWithCheckpoint(config, ModelSession::Mode::Inference);
  if (!session)
    return session.takeError();
  llvm::Expected<data::LabelledImages> test = loadTestSet(**session, config);
  if (!test)
    return test.takeError();
  return evaluate(**session, *test,
                  config.batch.value_or((*session)->spec().batch));
}

/// The images of one .npy file as the graph's input.
static llvm::Expected<HostArray> readImages(const ModelSession &session,
                                            const std::string &path) {
  llvm::Expected<HostArray> array = readNpy(path);
  if (!array)
    return err(path + ": " + llvm::toString(array.takeError()));
  const ValueSpec &spec = session.imageSpec();
  int64_t perImage = session.valuesPerImage();
  int64_t n = array->shape.empty() ? 0 : array->shape[0];
  if (array->shape.empty() || n == 0 || array->numElements() != n * perImage)
    return err(path + ": expected N images of " + llvm::Twine(perImage) +
               " values, got shape " + array->shapeString());
  if (llvm::Error e = checkLosslessConversion(*array, spec.dtype, path))
    return std::move(e);
  HostArray x = array->convertedTo(spec.dtype);
  for (int64_t i = 0, e = x.numElements(); i < e; ++i)
    if (!(x.at(i) >= 0 && x.at(i) <= 1))
      return err(path + ": pixel values must be in [0, 1] (element " +
                 llvm::Twine(i) + " is " + std::to_string(x.at(i)) + ")");
  x.shape.assign(spec.shape.begin(), spec.shape.end());
  x.shape[0] = n;
  return x;
}

llvm::Expected<std::vector<ImagePredictions>>
predictImages(const EvalConfig &config, llvm::ArrayRef<std::string> files) {
  if (files.empty())
    return err("predict: give images with -i FILE.npy (N×784 or N×28×28 "
               "values in [0, 1])");
  auto session = openWithCheckpoint(config, ModelSession::Mode::Inference);
  if (!session)
    return session.takeError();
  std::vector<ImagePredictions> all;
  for (const std::string &file : files) {
    llvm::Expected<HostArray> images = readImages(**session, file);
    if (!images)
      return images.takeError();
    llvm::Expected<std::vector<Prediction>> predictions =
        (*session)->predict(std::move(*images));
    if (!predictions)
      return predictions.takeError();
    all.push_back({file, std::move(*predictions)});
  }
  return all;
}

} // namespace syna
