//===- Trainer.cpp - the host loop of `syna-run train/eval/predict` -------===//
//
// Decisions (docs/training.md):
// - Training drops the last partial batch of an epoch (every step has the
//   batch size the learning rate was tuned for); evaluation covers every
//   test sample (the graph takes a dynamic batch).
// - One seed drives everything: parameter initialisation (the compiled
//   module's initial θ), the shuffle of each epoch (Fisher–Yates over
//   splitmix64 of seed and epoch) and the dropout key of each step
//   (splitmix64 of seed and step), and the offsets of the `shift`
//   augmentation (lib/Data/Augment.cpp).
// - Learning-rate schedules are per epoch (PyTorch's schedulers stepped once
//   per epoch); the rate is an argument of the compiled step.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/Trainer.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "syna/Conversion/ParamInit.h"
#include "syna/Data/Augment.h"
#include "syna/Data/Idx.h"
#include "syna/Data/Metrics.h"
#include "syna/Data/Safetensors.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/InitAll.h"
#include "syna/Training/Passes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <numeric>

using namespace mlir;

namespace syna {

static int fail(const llvm::Twine &msg) {
  llvm::errs() << "syna-run: error: " << msg << "\n";
  return 1;
}

static uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

//===----------------------------------------------------------------------===//
// Data
//===----------------------------------------------------------------------===//

static std::string defaultMnistDir() {
  if (const char *env = std::getenv("SYNA_DATA_DIR"))
    return env;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(dir, "data", "mnist");
  return std::string(dir);
}

/// Debian's dataset-fashion-mnist (60,000 / 10,000 images); SYNA_FASHION_DIR
/// overrides the location.
static std::string fashionDir() {
  if (const char *env = std::getenv("SYNA_FASHION_DIR"))
    return env;
  return "/usr/share/datasets/fashion-mnist";
}

static llvm::Expected<std::string>
resolveDataDir(const std::string &dataDir, std::string dataset,
               const DataSpec &data) {
  auto e = [](const llvm::Twine &m) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), m.str());
  };
  if (!dataDir.empty())
    return dataDir;
  if (dataset.empty())
    dataset = data.kind == DataKind::FashionMnist ? "fashion" : "mnist";
  if (dataset == "fashion" || dataset == "fashion_mnist") {
    std::string dir = fashionDir();
    if (!llvm::sys::fs::is_directory(dir))
      return e("Fashion-MNIST is not installed: " + dir +
               " does not exist. Install it with `sudo apt-get install "
               "dataset-fashion-mnist` (Debian, 30 MB; tools/setup.sh does "
               "not install it), or pass a directory of its IDX files with "
               "--data DIR");
    return dir;
  }
  if (dataset != "mnist")
    return e("--dataset must be mnist or fashion, not '" + dataset + "'");
  if (!data.path.empty())
    return data.path;
  std::string dir = defaultMnistDir();
  if (!llvm::sys::fs::is_directory(dir))
    return e("the embedded MNIST data is not at " + dir +
             " (run tools/setup.sh, which converts it, or pass --data DIR "
             "with train-/t10k-{images-idx3,labels-idx1}-ubyte[.gz])");
  return dir;
}

static void truncate(data::LabelledImages &d, int64_t limit) {
  if (limit <= 0 || limit >= d.size())
    return;
  d.labels.resize(limit);
  d.pixels.resize(limit * d.pixelsPerImage());
}

//===----------------------------------------------------------------------===//
// Compiled model
//===----------------------------------------------------------------------===//

namespace {
struct Session {
  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  ModelSpec model;
  GraphSignature graph, step;
  std::vector<std::pair<std::string, GraphSignature>> exports;
  std::map<std::string, std::vector<int64_t>> paramShapes;
  std::unique_ptr<CompiledModule> compiled;
  bool hasKey = false;

  Session(DialectRegistry &registry) : context(registry) {
    context.loadAllAvailableDialects();
  }
};
} // namespace

static std::unique_ptr<Session> newSession() {
  DialectRegistry registry;
  registerAllDialects(registry);
  return std::make_unique<Session>(registry);
}

/// Loads `file`, reads its model; with `train`, builds the training step.
static llvm::Error prepare(Session &s, const std::string &file, bool train) {
  auto e = [](const llvm::Twine &m) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), m.str());
  };
  s.module = loadModule(file, s.context);
  if (!s.module)
    return e("cannot load " + file);
  auto model = (*s.module)->getAttrOfType<ModelAttr>(kModelAttrName);
  if (!model)
    return e("the module has no syna.model attribute: train a .syna file with "
             "a `model` block (docs/language.md)");
  // Loading verified the model and that its graph fits the training loop
  // (SynaDialect::verifyOperationAttribute).
  s.model = model.getSpec();
  auto g = graphSignature(*s.module, s.model.graph);
  if (!g)
    return g.takeError();
  s.graph = *g;
  s.hasKey = s.graph.inputs.size() == 2;
  if (train) {
    PassManager pm(&s.context);
    pm.addPass(createSynaBuildTrainStep());
    if (failed(pm.run(*s.module)))
      return e("building the training step failed (see the diagnostics above)");
    auto st = graphSignature(*s.module, kTrainStepFn);
    if (!st)
      return st.takeError();
    s.step = *st;
    for (auto p : s.module->getOps<syna::ParamOp>()) {
      std::string fn = (kExportPrefix + p.getSymName()).str();
      auto sig = graphSignature(*s.module, fn);
      if (!sig)
        return sig.takeError();
      s.exports.emplace_back(p.getSymName().str(), *sig);
    }
  }
  for (auto p : s.module->getOps<syna::ParamOp>())
    s.paramShapes[p.getSymName().str()] =
        std::vector<int64_t>(p.getTensorType().getShape().begin(),
                             p.getTensorType().getShape().end());
  return llvm::Error::success();
}

/// Sets θ of every parameter from `ckpt`, after checking names and shapes.
/// Optimizer state (`__opt_*`) is required only when the module has it.
static llvm::Error applyCheckpoint(Session &s, const data::Checkpoint &ckpt,
                                   const std::string &path) {
  auto e = [&](const llvm::Twine &m) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   (path + ": " + m).str());
  };
  for (auto &[name, t] : ckpt.tensors) {
    if (!s.paramShapes.count(name) && !llvm::StringRef(name).starts_with(kOptPrefix))
      return e("tensor '" + name + "' is not a parameter of the model");
  }
  for (auto p : s.module->getOps<syna::ParamOp>()) {
    std::string name = p.getSymName().str();
    auto it = ckpt.tensors.find(name);
    if (it == ckpt.tensors.end())
      return e("no tensor '" + name + "' (the model's parameter @" + name +
               (llvm::StringRef(name).starts_with(kOptPrefix)
                    ? "; the checkpoint has no optimizer state of this optimizer)"
                    : ")"));
    RankedTensorType type = p.getTensorType();
    if (llvm::ArrayRef<int64_t>(it->second.shape) != type.getShape()) {
      std::string want, got;
      for (int64_t d : type.getShape())
        want += (want.empty() ? "" : ", ") + std::to_string(d);
      for (int64_t d : it->second.shape)
        got += (got.empty() ? "" : ", ") + std::to_string(d);
      return e("tensor '" + name + "' has shape [" + got +
               "] but the parameter is [" + want + "]");
    }
    for (float v : it->second.values)
      if (!std::isfinite(v))
        return e("tensor '" + name + "' holds NaN or infinite values");
    DenseElementsAttr theta;
    if (type.getElementType().isF64()) {
      std::vector<double> d(it->second.values.begin(), it->second.values.end());
      theta = DenseElementsAttr::get(type, llvm::ArrayRef<double>(d));
    } else {
      theta = DenseElementsAttr::get(type,
                                     llvm::ArrayRef<float>(it->second.values));
    }
    p->setAttr(kThetaAttrName, theta);
  }
  return llvm::Error::success();
}

static llvm::Expected<data::Checkpoint> exportCheckpoint(Session &s) {
  data::Checkpoint ckpt;
  for (auto &[name, sig] : s.exports) {
    auto r = s.compiled->invoke(sig, {});
    if (!r)
      return r.takeError();
    HostArray a = (*r)[0].convertedTo(DType::F32);
    data::Tensor t;
    t.shape.assign(a.shape.begin(), a.shape.end());
    t.values.resize(a.numElements());
    std::memcpy(t.values.data(), a.data.data(), t.values.size() * 4);
    ckpt.tensors[name] = std::move(t);
  }
  return ckpt;
}

/// How training images of one epoch are shifted (pixels = 0: not at all).
struct ShiftAugment {
  int64_t pixels = 0;
  uint64_t seed = 0;
  int64_t epoch = 0;
};

/// Images [n0, n) as the graph's first input.
static HostArray batchImages(const ValueSpec &spec, const data::LabelledImages &d,
                             const std::vector<int64_t> &order, int64_t n0,
                             int64_t n, const ShiftAugment &aug = {}) {
  HostArray x;
  x.dtype = spec.dtype;
  x.shape.assign(spec.shape.begin(), spec.shape.end());
  x.shape[0] = n - n0;
  int64_t ppi = d.pixelsPerImage();
  size_t es = dtypeSize(spec.dtype);
  x.data.resize((n - n0) * ppi * es);
  std::vector<float> shifted(aug.pixels ? ppi : 0);
  for (int64_t i = n0; i < n; ++i) {
    const float *src = &d.pixels[order[i] * ppi];
    if (aug.pixels) {
      data::shiftImage(src, shifted.data(), d.rows, d.cols,
                       data::randomShift(aug.seed, aug.epoch, order[i],
                                         aug.pixels));
      src = shifted.data();
    }
    if (spec.dtype == DType::F32) {
      std::memcpy(x.data.data() + (i - n0) * ppi * 4, src, ppi * 4);
    } else {
      for (int64_t k = 0; k < ppi; ++k)
        x.set((i - n0) * ppi + k, src[k]);
    }
  }
  return x;
}

static HostArray scalarI64(int64_t v) {
  HostArray a;
  a.dtype = DType::I64;
  a.data.resize(8);
  std::memcpy(a.data.data(), &v, 8);
  return a;
}

static llvm::Error checkImageShape(const Session &s,
                                   const data::LabelledImages &d,
                                   const std::string &dir) {
  int64_t per = 1;
  for (size_t k = 1; k < s.graph.inputs[0].shape.size(); ++k)
    per *= s.graph.inputs[0].shape[k];
  if (per != d.pixelsPerImage())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the images of " + dir + " have " + std::to_string(d.pixelsPerImage()) +
            " pixels but graph @" + s.graph.name + " takes " +
            std::to_string(per) + " values per sample");
  return llvm::Error::success();
}

/// Per-sample loss (from the graph's output row) and whether it is right.
static double sampleLoss(LossKind loss, const HostArray &out,
                         int64_t row, int32_t label, bool &correct) {
  int64_t c = out.shape[1];
  int64_t best = 0;
  double mx = -INFINITY;
  for (int64_t k = 0; k < c; ++k) {
    double v = out.at(row * c + k);
    if (v > mx) {
      mx = v;
      best = k;
    }
  }
  correct = best == label;
  double y = out.at(row * c + label);
  if (loss == LossKind::Nll)
    return -y;
  double sum = 0;
  for (int64_t k = 0; k < c; ++k)
    sum += std::exp(out.at(row * c + k) - mx);
  return mx + std::log(sum) - y;
}

struct EvalResult {
  double loss = 0, accuracy = 0;
  int64_t correct = 0, total = 0;
};

static llvm::Expected<EvalResult> evaluate(Session &s,
                                           const data::LabelledImages &test,
                                           int64_t batch) {
  std::vector<int64_t> order(test.size());
  std::iota(order.begin(), order.end(), 0);
  EvalResult r;
  for (int64_t n0 = 0; n0 < test.size(); n0 += batch) {
    int64_t n = std::min(test.size(), n0 + batch);
    std::vector<HostArray> in{batchImages(s.graph.inputs[0], test, order, n0, n)};
    if (s.hasKey)
      in.push_back(scalarI64(0));
    auto out = s.compiled->invoke(s.graph, in);
    if (!out)
      return out.takeError();
    for (int64_t i = n0; i < n; ++i) {
      bool ok;
      r.loss += sampleLoss(s.model.loss, (*out)[0], i - n0, test.labels[i], ok);
      r.correct += ok;
    }
  }
  r.total = test.size();
  if (r.total) {
    r.loss /= double(r.total);
    r.accuracy = double(r.correct) / double(r.total);
  }
  return r;
}

static std::string g(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

static std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return "?";
  int64_t s = int64_t(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", (long long)(s / 3600),
                  (long long)((s / 60) % 60));
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", (long long)(s / 60),
                  (long long)(s % 60));
  return buf;
}

//===----------------------------------------------------------------------===//
// syna-run train
//===----------------------------------------------------------------------===//

int runTraining(const TrainOptions &o) {
  auto s = newSession();
  if (auto err = prepare(*s, o.file, /*train=*/true))
    return fail(llvm::toString(std::move(err)));
  const ModelSpec &mc = s->model;
  int64_t epochs = o.epochs.value_or(mc.epochs);
  int64_t batch = o.batch.value_or(mc.batch);
  double lr = o.lr.value_or(mc.optimizer.lr);
  uint64_t seed = o.seed.value_or(uint64_t(mc.seed));
  if (epochs < 1 || batch < 1 || !(lr > 0))
    return fail("--epochs and --batch must be ≥ 1 and --lr > 0");

  auto dir = resolveDataDir(o.dataDir, o.dataset, mc.data);
  if (!dir)
    return fail(llvm::toString(dir.takeError()));
  auto train = data::readIdxDirectory(*dir, "train");
  if (!train)
    return fail(llvm::toString(train.takeError()));
  auto test = data::readIdxDirectory(*dir, "t10k");
  if (!test)
    return fail(llvm::toString(test.takeError()));
  truncate(*train, o.limitTrain);
  truncate(*test, o.limitTest);
  if (auto err = checkImageShape(*s, *train, *dir))
    return fail(llvm::toString(std::move(err)));
  int64_t steps = train->size() / batch;
  if (steps == 0)
    return fail("the training set (" + llvm::Twine(train->size()) +
                " images) is smaller than one batch (" + llvm::Twine(batch) + ")");

  std::string outDir = o.outDir.empty()
                           ? "runs/" + (mc.name.empty() ? "model" : mc.name)
                           : o.outDir;
  if (auto ec = llvm::sys::fs::create_directories(outDir))
    return fail("cannot create " + outDir + ": " + ec.message());
  auto outPath = [&](llvm::StringRef f) {
    llvm::SmallString<256> p(outDir);
    llvm::sys::path::append(p, f);
    return std::string(p);
  };
  std::string ckptPath =
      o.checkpoint.empty() ? outPath("checkpoint.safetensors") : o.checkpoint;

  int64_t startEpoch = 0, step = 0;
  std::vector<data::EpochMetrics> history;
  if (!o.resume.empty()) {
    auto ck = data::readSafetensors(o.resume);
    if (!ck)
      return fail(llvm::toString(ck.takeError()));
    if (auto err = applyCheckpoint(*s, *ck, o.resume))
      return fail(llvm::toString(std::move(err)));
    auto meta = [&](const char *k) -> std::optional<int64_t> {
      auto it = ck->metadata.find(k);
      int64_t v;
      if (it == ck->metadata.end() || llvm::StringRef(it->second).getAsInteger(10, v))
        return std::nullopt;
      return v;
    };
    auto ep = meta("epoch"), st = meta("step");
    if (!ep || !st)
      return fail(o.resume + ": not a syna training checkpoint (no epoch/step "
                  "metadata)");
    startEpoch = *ep;
    step = *st;
  }

  CompileOptions co = o.compile;
  co.seed = seed;
  auto t0 = std::chrono::steady_clock::now();
  auto compiled = CompiledModule::compile(*s->module, co, nullptr);
  if (!compiled)
    return fail(llvm::toString(compiled.takeError()));
  s->compiled = std::move(*compiled);
  double compileSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  // The run log: configuration first (the setup with the options applied),
  // then one line per epoch.
  ModelSpec run = mc;
  run.epochs = epochs;
  run.batch = batch;
  run.optimizer.lr = lr;
  run.seed = int64_t(seed);
  if (!o.dataset.empty())
    run.data.kind =
        o.dataset == "mnist" ? DataKind::Mnist : DataKind::FashionMnist;
  run.data.path = *dir;
  std::string config = llvm::formatv(
      "{0} file={1} train={2} test={3} steps_per_epoch={4} "
      "last_partial_batch=dropped",
      formatSpec(run), o.file, train->size(), test->size(), steps).str();
  std::error_code ec;
  llvm::raw_fd_ostream log(outPath("run.log"), ec,
                           o.resume.empty() ? llvm::sys::fs::OF_Text
                                            : llvm::sys::fs::OF_Append);
  if (ec)
    return fail("cannot write " + outPath("run.log") + ": " + ec.message());
  log << (o.resume.empty() ? "start " : "resume from " + o.resume + " ")
      << config << "\n";
  log.flush();
  if (!o.quiet)
    llvm::outs() << "syna-run train: " << config << "\n"
                 << llvm::formatv("compiled in {0:f1} s; writing {1}\n",
                                  compileSeconds, outDir);
  llvm::outs().flush();

  bool tty = o.progress && llvm::sys::Process::StandardErrIsDisplayed();
  int64_t shiftPixels =
      mc.augment.kind == AugmentKind::Shift ? mc.augment.pixels : 0;
  std::vector<int64_t> order(train->size());
  const ValueSpec &xSpec = s->step.inputs[0];
  double totalTrainSeconds = 0;
  int64_t totalImages = 0;
  EvalResult last;
  for (int64_t epoch = startEpoch; epoch < epochs; ++epoch) {
    // Seeded shuffle of this epoch.
    std::iota(order.begin(), order.end(), 0);
    uint64_t state = splitmix64(seed ^ splitmix64(uint64_t(epoch) + 1));
    for (int64_t i = int64_t(order.size()) - 1; i > 0; --i) {
      state = splitmix64(state);
      std::swap(order[i], order[state % uint64_t(i + 1)]);
    }
    double epochLr = scheduledLr(mc.schedule, lr, epoch);
    HostArray lrArg;
    lrArg.dtype = DType::F32;
    lrArg.data.resize(4);
    float lrF = float(epochLr);
    std::memcpy(lrArg.data.data(), &lrF, 4);
    double lossSum = 0;
    int64_t correct = 0;
    auto start = std::chrono::steady_clock::now();
    int64_t lastReport = -1;
    for (int64_t b = 0; b < steps; ++b) {
      ++step;
      std::vector<HostArray> in;
      in.push_back(batchImages(xSpec, *train, order, b * batch, (b + 1) * batch,
                               {shiftPixels, seed, epoch}));
      HostArray labels;
      labels.dtype = DType::I32;
      labels.shape = {batch};
      labels.data.resize(batch * 4);
      for (int64_t i = 0; i < batch; ++i)
        std::memcpy(labels.data.data() + i * 4, &train->labels[order[b * batch + i]], 4);
      in.push_back(std::move(labels));
      in.push_back(scalarI64(int64_t(splitmix64(seed * 0x100000001B3ull + uint64_t(step)) >> 1)));
      in.push_back(lrArg);
      in.push_back(scalarI64(step));
      auto out = s->compiled->invoke(s->step, in);
      if (!out)
        return fail(llvm::toString(out.takeError()));
      double loss = (*out)[0].at(0);
      if (!std::isfinite(loss)) {
        if (tty)
          llvm::errs() << "\n";
        log << "error: loss " << loss << " at step " << step << "\n";
        return fail(llvm::formatv(
            "the training loss is {0} at step {1} (epoch {2}, batch {3} of {4}, "
            "lr {5}); stopping. Lower the learning rate (--lr) or check the "
            "data; the last checkpoint is {6}",
            loss, step, epoch + 1, b + 1, steps, g(epochLr),
            history.empty() && o.resume.empty() ? "none" : ckptPath));
      }
      lossSum += loss;
      const HostArray &pred = (*out)[1];
      for (int64_t i = 0; i < batch; ++i) {
        bool ok;
        sampleLoss(mc.loss, pred, i, train->labels[order[b * batch + i]], ok);
        correct += ok;
      }
      double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      double ips = double((b + 1) * batch) / std::max(el, 1e-9);
      double eta = double(steps - b - 1) * batch / ips;
      if (tty) {
        int width = 30, filled = int(width * (b + 1) / steps);
        llvm::errs() << llvm::formatv(
            "\repoch {0}/{1} [{2}{3}] {4}/{5} loss {6:f4} {7:f0} img/s ETA {8}  ",
            epoch + 1, epochs, std::string(filled, '#'),
            std::string(width - filled, '.'), b + 1, steps, lossSum / (b + 1),
            ips, formatDuration(eta));
      } else if (o.progress) {
        int64_t quarter = (b + 1) * 4 / steps;
        if (quarter != lastReport && quarter > 0 && b + 1 < steps) {
          lastReport = quarter;
          llvm::errs() << llvm::formatv(
              "epoch {0}/{1}: {2}/{3} batches, loss {4:f4}, {5:f0} img/s, ETA {6}\n",
              epoch + 1, epochs, b + 1, steps, lossSum / (b + 1), ips,
              formatDuration(eta));
        }
      }
    }
    double trainSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (tty)
      llvm::errs() << "\n";
    totalTrainSeconds += trainSeconds;
    totalImages += steps * batch;
    auto ev = evaluate(*s, *test, batch);
    if (!ev)
      return fail(llvm::toString(ev.takeError()));
    last = *ev;
    data::EpochMetrics m;
    m.epoch = int(epoch + 1);
    m.trainLoss = lossSum / double(steps);
    m.testLoss = ev->loss;
    m.testAccuracy = ev->accuracy;
    m.imagesPerSecond = double(steps * batch) / trainSeconds;
    m.seconds = trainSeconds;
    history.push_back(m);
    std::string line = llvm::formatv(
        "epoch {0}/{1}: train loss {2:f6}, train accuracy {3:f2}%, test loss "
        "{4:f6}, test accuracy {5:f2}% ({6}/{7}), lr {8}, {9:f0} images/s, {10:f1} s",
        epoch + 1, epochs, m.trainLoss, 100.0 * double(correct) / double(steps * batch),
        m.testLoss, 100 * m.testAccuracy, ev->correct, ev->total, g(epochLr),
        m.imagesPerSecond, trainSeconds).str();
    llvm::outs() << line << "\n";
    llvm::outs().flush();
    log << line << "\n";
    log.flush();

    auto ck = exportCheckpoint(*s);
    if (!ck)
      return fail(llvm::toString(ck.takeError()));
    ck->metadata["format"] = "syna-checkpoint-1";
    ck->metadata["model"] = mc.name;
    ck->metadata["epoch"] = std::to_string(epoch + 1);
    ck->metadata["step"] = std::to_string(step);
    ck->metadata["seed"] = std::to_string(seed);
    ck->metadata["config"] = config;
    if (auto err = data::writeSafetensors(ckptPath, *ck))
      return fail(llvm::toString(std::move(err)));
    // Metrics of this run (a resumed run starts its own table).
    if (auto err = data::writeMetricsCsv(outPath("metrics.csv"), history))
      return fail(llvm::toString(std::move(err)));
    if (auto err = data::writeMetricsSvg(outPath("metrics.svg"),
                                         mc.name + " (seed " + std::to_string(seed) + ")",
                                         history))
      return fail(llvm::toString(std::move(err)));
  }
  std::string summary = llvm::formatv(
      "done: {0} epochs, test accuracy {1:f2}% ({2}/{3}), test loss {4:f6}, "
      "{5:f0} images/s, {6:f1} s training + {7:f1} s compile; checkpoint {8}",
      epochs - startEpoch, 100 * last.accuracy, last.correct, last.total,
      last.loss, double(totalImages) / std::max(totalTrainSeconds, 1e-9),
      totalTrainSeconds, compileSeconds, ckptPath).str();
  if (startEpoch >= epochs)
    summary = "done: the checkpoint already has " + std::to_string(startEpoch) +
              " epochs (--epochs " + std::to_string(epochs) + ")";
  llvm::outs() << summary << "\n";
  log << summary << "\n";
  return 0;
}

//===----------------------------------------------------------------------===//
// syna-run eval / predict
//===----------------------------------------------------------------------===//

static llvm::Error prepareInference(Session &s, const EvalOptions &o) {
  if (auto err = prepare(s, o.file, /*train=*/false))
    return err;
  if (o.checkpoint.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--checkpoint FILE is required");
  auto ck = data::readSafetensors(o.checkpoint);
  if (!ck)
    return ck.takeError();
  if (auto err = applyCheckpoint(s, *ck, o.checkpoint))
    return err;
  auto compiled = CompiledModule::compile(*s.module, o.compile, nullptr);
  if (!compiled)
    return compiled.takeError();
  s.compiled = std::move(*compiled);
  return llvm::Error::success();
}

int runEvaluation(const EvalOptions &o) {
  auto s = newSession();
  if (auto err = prepareInference(*s, o))
    return fail(llvm::toString(std::move(err)));
  auto dir = resolveDataDir(o.dataDir, o.dataset, s->model.data);
  if (!dir)
    return fail(llvm::toString(dir.takeError()));
  auto test = data::readIdxDirectory(*dir, "t10k");
  if (!test)
    return fail(llvm::toString(test.takeError()));
  truncate(*test, o.limitTest);
  if (auto err = checkImageShape(*s, *test, *dir))
    return fail(llvm::toString(std::move(err)));
  auto ev = evaluate(*s, *test, o.batch.value_or(s->model.batch));
  if (!ev)
    return fail(llvm::toString(ev.takeError()));
  llvm::outs() << llvm::formatv(
      "test accuracy {0:f2}% ({1}/{2}), test loss {3:f6}\n", 100 * ev->accuracy,
      ev->correct, ev->total, ev->loss);
  return 0;
}

int runPrediction(const EvalOptions &o) {
  auto s = newSession();
  if (auto err = prepareInference(*s, o))
    return fail(llvm::toString(std::move(err)));
  if (o.images.empty())
    return fail("predict: give images with -i FILE.npy (N×784 or N×28×28 "
                "values in [0, 1])");
  for (const std::string &path : o.images) {
    auto a = readNpy(path);
    if (!a)
      return fail(path + ": " + llvm::toString(a.takeError()));
    const ValueSpec &spec = s->graph.inputs[0];
    int64_t per = 1;
    for (size_t k = 1; k < spec.shape.size(); ++k)
      per *= spec.shape[k];
    int64_t n = a->shape.empty() ? 0 : a->shape[0];
    if (a->shape.empty() || n == 0 || a->numElements() != n * per)
      return fail(path + ": expected N images of " + llvm::Twine(per) +
                  " values, got shape " + a->shapeString());
    HostArray x = a->convertedTo(spec.dtype);
    for (int64_t i = 0, e = x.numElements(); i < e; ++i)
      if (!(x.at(i) >= 0 && x.at(i) <= 1))
        return fail(path + ": pixel values must be in [0, 1] (element " +
                    llvm::Twine(i) + " is " + std::to_string(x.at(i)) + ")");
    x.shape.assign(spec.shape.begin(), spec.shape.end());
    x.shape[0] = n;
    std::vector<HostArray> in{x};
    if (s->hasKey)
      in.push_back(scalarI64(0));
    auto out = s->compiled->invoke(s->graph, in);
    if (!out)
      return fail(llvm::toString(out.takeError()));
    const HostArray &r = (*out)[0];
    int64_t c = r.shape[1];
    for (int64_t i = 0; i < n; ++i) {
      int64_t best = 0;
      double mx = -INFINITY, sum = 0;
      for (int64_t k = 0; k < c; ++k)
        if (r.at(i * c + k) > mx) {
          mx = r.at(i * c + k);
          best = k;
        }
      for (int64_t k = 0; k < c; ++k)
        sum += std::exp(r.at(i * c + k) - mx);
      llvm::outs() << llvm::formatv("{0}[{1}]: class {2} (probability {3:f4})\n",
                                    path, i, best, 1.0 / sum);
    }
  }
  return 0;
}

} // namespace syna
