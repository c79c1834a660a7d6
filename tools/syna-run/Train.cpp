//===- Train.cpp - syna-run train / eval / predict ------------------------===//
//
//   syna-run train FILE.syna [--epochs N] [--batch N] [--lr X] [--seed N]
//                  [--data DIR | --dataset mnist|fashion] [--out DIR]
//                  [--checkpoint FILE] [--resume FILE] [--limit-train N]
//                  [--limit-test N] [--no-progress]
//   syna-run eval FILE.syna --checkpoint FILE [--data DIR | --dataset ...]
//   syna-run predict FILE.syna --checkpoint FILE -i IMAGES.npy ...
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/Trainer.h"
#include "llvm/Support/CommandLine.h"

namespace cl = llvm::cl;

static cl::SubCommand trainCmd("train", "train a model (a .syna file with a "
                                        "`model` block) on an IDX data set");
static cl::SubCommand evalCmd("eval", "test accuracy of a checkpoint");
static cl::SubCommand predictCmd("predict", "classify images with a checkpoint");

static cl::opt<std::string> file(cl::Positional, cl::desc("<model.syna>"),
                                 cl::Required, cl::sub(trainCmd),
                                 cl::sub(evalCmd), cl::sub(predictCmd));
static cl::opt<int64_t> epochs("epochs", cl::desc("override the model's epochs"),
                               cl::sub(trainCmd));
static cl::opt<int64_t> batch("batch", cl::desc("override the model's batch size"),
                              cl::sub(trainCmd), cl::sub(evalCmd));
static cl::opt<double> lr("lr", cl::desc("override the optimizer's learning rate"),
                          cl::sub(trainCmd));
static cl::opt<uint64_t> seed("seed",
                              cl::desc("override the model's seed (initialisation, "
                                       "shuffles, dropout)"),
                              cl::sub(trainCmd));
static cl::opt<std::string> dataDir("data",
                                    cl::desc("IDX directory (train-/t10k-images-idx3-ubyte"
                                             "[.gz], ...-labels-idx1-ubyte[.gz])"),
                                    cl::sub(trainCmd), cl::sub(evalCmd));
static cl::opt<std::string> dataset(
    "dataset",
    cl::desc("mnist (the embedded default, build/data/mnist) or fashion "
             "(Debian's dataset-fashion-mnist)"),
    cl::sub(trainCmd), cl::sub(evalCmd));
static cl::opt<std::string> outDir("out",
                                   cl::desc("directory of run.log, metrics.csv, "
                                            "metrics.svg (default runs/MODEL)"),
                                   cl::sub(trainCmd));
static cl::opt<std::string> checkpoint(
    "checkpoint",
    cl::desc("train: where to write the checkpoint each epoch (default "
             "OUT/checkpoint.safetensors); eval/predict: the checkpoint to use"),
    cl::sub(trainCmd), cl::sub(evalCmd), cl::sub(predictCmd));
static cl::opt<std::string> resume("resume",
                                   cl::desc("continue training from a checkpoint"),
                                   cl::sub(trainCmd));
static cl::opt<int64_t> limitTrain("limit-train",
                                   cl::desc("use only the first N training images"),
                                   cl::init(0), cl::sub(trainCmd));
static cl::opt<int64_t> limitTest("limit-test",
                                  cl::desc("use only the first N test images"),
                                  cl::init(0), cl::sub(trainCmd), cl::sub(evalCmd));
static cl::opt<bool> noProgress("no-progress", cl::desc("no progress output"),
                                cl::sub(trainCmd));
static cl::opt<bool> noOmp("no-omp", cl::desc("run on one thread"),
                           cl::sub(trainCmd), cl::sub(evalCmd), cl::sub(predictCmd));
static cl::list<std::string> images("input", cl::desc("images to classify (.npy)"),
                                    cl::sub(predictCmd));
static cl::alias imagesShort("i", cl::aliasopt(images));

int synaRunTrainingMain(bool &handled) {
  handled = true;
  if (trainCmd) {
    syna::TrainOptions o;
    o.file = file;
    if (epochs.getNumOccurrences())
      o.epochs = epochs;
    if (batch.getNumOccurrences())
      o.batch = batch;
    if (lr.getNumOccurrences())
      o.lr = lr;
    if (seed.getNumOccurrences())
      o.seed = seed;
    o.dataDir = dataDir;
    o.dataset = dataset;
    o.outDir = outDir;
    o.checkpoint = checkpoint;
    o.resume = resume;
    o.limitTrain = limitTrain;
    o.limitTest = limitTest;
    o.progress = !noProgress;
    o.compile.omp = !noOmp;
    return syna::runTraining(o);
  }
  if (evalCmd || predictCmd) {
    syna::EvalOptions o;
    o.file = file;
    o.checkpoint = checkpoint;
    o.dataDir = dataDir;
    o.dataset = dataset;
    if (batch.getNumOccurrences())
      o.batch = batch;
    o.limitTest = limitTest;
    o.images.assign(images.begin(), images.end());
    o.compile.omp = !noOmp;
    return evalCmd ? syna::runEvaluation(o) : syna::runPrediction(o);
  }
  handled = false;
  return 0;
}
