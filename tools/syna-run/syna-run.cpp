//===- syna-run.cpp - JIT-compile and execute syna graphs -----------------===//
//
//   syna-run run FILE --graph NAME [-i INPUT]... [--output-dir DIR]
//   syna-run gradcheck FILE --graph NAME [--seed S] [--batch B] [--rtol R]
//                      [--atol A] [--eps H] [--samples N]
//
// INPUT is a .npy file or an array literal ("[[0.1, 0.2]]", "0.5"), one per
// graph argument in order. Results are printed and, with --output-dir,
// written as DIR/NAME.<i>.npy. Parameters are initialised from their
// #syna.init with --seed, or read from --param NAME=FILE.npy (θ, the raw
// unconstrained value). --timing reports where compile time goes;
// --print-ir-after-all prints the IR after each pass.
//
//===----------------------------------------------------------------------===//
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/Timing.h"
#include "syna/Conversion/ParamInit.h"
#include "syna/Execution/GradCheck.h"
#include "syna/Execution/Runner.h"
#include "syna/InitAll.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

using namespace mlir;
namespace cl = llvm::cl;

static cl::SubCommand runCmd("run", "JIT-compile a module and execute one graph");
static cl::opt<std::string> inputFile(cl::Positional, cl::desc("<module.mlir>"),
                                      cl::Required, cl::sub(runCmd));
static cl::opt<std::string> graphName("graph", cl::desc("graph (func.func) to run"),
                                      cl::Required, cl::sub(runCmd));
static cl::list<std::string>
    inputs("input", cl::desc("graph input: a .npy file or an array literal, in "
                             "argument order (repeat)"),
           cl::sub(runCmd));
static cl::alias inputsShort("i", cl::aliasopt(inputs));
static cl::opt<std::string> outputDir("output-dir",
                                      cl::desc("write results as DIR/GRAPH.<i>.npy"),
                                      cl::sub(runCmd));
static cl::list<std::string>
    params("param", cl::desc("NAME=FILE.npy: θ of a parameter (repeat)"),
           cl::sub(runCmd));
static cl::opt<uint64_t> seed("seed", cl::desc("parameter initialisation seed"),
                              cl::init(0), cl::sub(runCmd));
static cl::opt<bool> surprisal("surprisal",
                               cl::desc("rewrite synapses into surprisal space"),
                               cl::sub(runCmd));
static cl::opt<bool> noFuse("no-fuse", cl::desc("disable elementwise fusion"),
                            cl::sub(runCmd));
static cl::opt<bool> noVectorize("no-vectorize", cl::desc("disable vectorization"),
                                 cl::sub(runCmd));
static cl::opt<bool> noOmp("no-omp", cl::desc("run on one thread, no OpenMP"),
                           cl::sub(runCmd));
static cl::opt<int64_t> vectorWidth("vector-width",
                                    cl::desc("vector width in f32 elements (0: the host's)"),
                                    cl::init(0), cl::sub(runCmd));
static cl::opt<int64_t> productBlock(
    "product-block",
    cl::desc("synapse tensor: ∏(1 − β·x) as mantissa·2^exponent, K <= 4 "
             "factors per step (1: one log1p per term)"),
    cl::init(4), cl::sub(runCmd));
static cl::list<int64_t> tileSizes("tile-sizes", cl::desc("batch tile sizes"),
                                   cl::CommaSeparated, cl::sub(runCmd));
static cl::opt<bool> printIR("print-ir-after-all",
                             cl::desc("print the IR after every pass"),
                             cl::sub(runCmd));
static cl::opt<bool> printLLVM("print-llvm-ir",
                               cl::desc("print the optimized LLVM IR"),
                               cl::sub(runCmd));
static cl::opt<bool> timing("timing", cl::desc("report compile and run times"),
                            cl::sub(runCmd));
static cl::opt<unsigned> benchmark("benchmark",
                                   cl::desc("time N calls after one warm-up call"),
                                   cl::init(0), cl::sub(runCmd));
static cl::opt<bool> quiet("quiet", cl::desc("do not print results"),
                           cl::sub(runCmd));

static cl::SubCommand gradcheckCmd(
    "gradcheck", "compare a graph's input and parameter gradients (syna-autodiff) "
                 "with central finite differences in float64");
static cl::opt<std::string> gcFile(cl::Positional, cl::desc("<module>"),
                                   cl::Required, cl::sub(gradcheckCmd));
static cl::opt<std::string> gcGraph("graph", cl::desc("graph (func.func) to check"),
                                    cl::Required, cl::sub(gradcheckCmd));
static cl::opt<uint64_t> gcSeed("seed", cl::desc("seed of inputs, θ and result seeds"),
                                cl::init(0), cl::sub(gradcheckCmd));
static cl::opt<int64_t> gcBatch("batch", cl::desc("extent of dynamic dimensions"),
                                cl::init(3), cl::sub(gradcheckCmd));
static cl::opt<double> gcRtol("rtol", cl::desc("relative tolerance"), cl::init(1e-5),
                              cl::sub(gradcheckCmd));
static cl::opt<double> gcAtol("atol", cl::desc("absolute tolerance"), cl::init(1e-7),
                              cl::sub(gradcheckCmd));
static cl::opt<double> gcEps("eps", cl::desc("relative step h = eps·max(1, |v|)"),
                             cl::init(1e-6), cl::sub(gradcheckCmd));
static cl::opt<int64_t> gcSamples("samples",
                                  cl::desc("elements checked per tensor (a seeded sample "
                                           "when the tensor is larger)"),
                                  cl::init(64), cl::sub(gradcheckCmd));
static cl::opt<bool> gcNoOmp("no-omp", cl::desc("run on one thread, no OpenMP"),
                             cl::sub(gradcheckCmd));

static int fail(const llvm::Twine &msg) {
  llvm::errs() << "syna-run: error: " << msg << "\n";
  return 1;
}

static llvm::Expected<::syna::HostArray> readInput(llvm::StringRef text) {
  if (text.ends_with(".npy"))
    return ::syna::readNpy(text);
  return ::syna::parseLiteral(text, /*preferInt=*/true);
}

static int runMain() {
  DialectRegistry registry;
  ::syna::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();

  DefaultTimingManager tm;
  tm.setEnabled(timing);
  TimingScope root = tm.getRootScope();

  TimingScope parseTime = root.nest("load module");
  OwningOpRef<ModuleOp> module = ::syna::loadModule(inputFile, context);
  if (!module)
    return 1;
  parseTime.stop();

  auto sig = ::syna::graphSignature(*module, graphName);
  if (!sig)
    return fail(llvm::toString(sig.takeError()));

  std::vector<::syna::HostArray> values;
  for (auto [i, text] : llvm::enumerate(inputs)) {
    auto a = readInput(text);
    if (!a)
      return fail("input " + llvm::Twine(i) + " ('" + text +
                  "'): " + llvm::toString(a.takeError()));
    values.push_back(std::move(*a));
  }
  if (auto e = ::syna::validateInputs(*sig, values))
    return fail(llvm::toString(std::move(e)));
  if (auto e = ::syna::checkDomains(*module, graphName, values))
    return fail(llvm::toString(std::move(e)));

  for (const std::string &p : params) {
    auto [name, file] = llvm::StringRef(p).split('=');
    auto param = module->lookupSymbol<syna::ParamOp>(name);
    if (!param)
      return fail("--param " + p + ": no syna.param @" + name);
    auto a = ::syna::readNpy(file);
    if (!a)
      return fail("--param " + p + ": " + llvm::toString(a.takeError()));
    RankedTensorType type = param.getTensorType();
    if (llvm::ArrayRef<int64_t>(a->shape) != type.getShape() || !(a->dtype == ::syna::DType::F32 || a->dtype == ::syna::DType::F64))
      return fail("--param " + p + ": @" + name + " is " +
                  llvm::Twine(std::string(llvm::formatv("{0}", type))) +
                  " but the file holds " + ::syna::dtypeName(a->dtype) +
                  " of shape " + a->shapeString());
    ::syna::HostArray c = a->convertedTo(type.getElementType().isF64()
                                           ? ::syna::DType::F64
                                           : ::syna::DType::F32);
    DenseElementsAttr theta =
        type.getElementType().isF64()
            ? DenseElementsAttr::get(
                  type, llvm::ArrayRef<double>(
                            reinterpret_cast<const double *>(c.data.data()),
                            c.numElements()))
            : DenseElementsAttr::get(
                  type, llvm::ArrayRef<float>(
                            reinterpret_cast<const float *>(c.data.data()),
                            c.numElements()));
    param->setAttr(::syna::kThetaAttrName, theta);
  }

  ::syna::CompileOptions options;
  options.surprisal = surprisal;
  options.fuse = !noFuse;
  options.vectorize = !noVectorize;
  options.omp = !noOmp;
  options.vectorWidth = vectorWidth;
  if (!tileSizes.empty())
    options.tileSizes.assign(tileSizes.begin(), tileSizes.end());
  options.seed = seed;
  options.productBlock = productBlock;
  options.printIRAfterAll = printIR;
  options.printLLVMIR = printLLVM;
  TimingScope compileTime = root.nest("compile");
  auto compiled = ::syna::CompiledModule::compile(*module, options,
                                                timing ? &compileTime : nullptr);
  if (!compiled)
    return fail(llvm::toString(compiled.takeError()));
  compileTime.stop();

  TimingScope runTime = root.nest("execute");
  auto results = (*compiled)->invoke(*sig, values);
  if (!results)
    return fail(llvm::toString(results.takeError()));
  runTime.stop();

  if (benchmark > 0) {
    auto start = std::chrono::steady_clock::now();
    for (unsigned i = 0; i < benchmark; ++i) {
      auto r = (*compiled)->invoke(*sig, values);
      if (!r)
        return fail(llvm::toString(r.takeError()));
    }
    double seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - start)
                         .count();
    double perCall = seconds / benchmark;
    int64_t batch = values.empty() || values[0].shape.empty() ? 1 : values[0].shape[0];
    llvm::outs() << llvm::formatv(
        "benchmark: {0} calls, {1:f4} ms per call, {2:f0} samples/s\n",
        benchmark.getValue(), perCall * 1e3, batch / perCall);
  }

  for (auto [i, r] : llvm::enumerate(*results)) {
    bool nonFinite = false;
    for (int64_t k = 0, e = r.numElements(); k < e && !nonFinite; ++k)
      nonFinite = !std::isfinite(r.at(k));
    if (nonFinite)
      llvm::errs() << "syna-run: warning: result " << i
                   << " contains NaN or infinite values\n";
    if (!quiet) {
      llvm::outs() << "result " << i << ": " << r.shapeString() << " "
                   << ::syna::dtypeName(r.dtype) << "\n";
      ::syna::printArray(llvm::outs(), r);
      llvm::outs() << "\n";
    }
    if (!outputDir.empty()) {
      llvm::sys::fs::create_directories(outputDir);
      llvm::SmallString<128> path(outputDir);
      llvm::sys::path::append(path, graphName + "." + std::to_string(i) + ".npy");
      if (auto e = ::syna::writeNpy(path, r))
        return fail(llvm::toString(std::move(e)));
    }
  }
  return 0;
}

static int gradcheckMain() {
  DialectRegistry registry;
  ::syna::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  OwningOpRef<ModuleOp> module = ::syna::loadModule(gcFile, context);
  if (!module)
    return 1;
  ::syna::GradCheckOptions options;
  options.graph = gcGraph;
  options.seed = gcSeed;
  options.batch = gcBatch;
  options.rtol = gcRtol;
  options.atol = gcAtol;
  options.eps = gcEps;
  options.maxSamples = gcSamples;
  options.compile.omp = !gcNoOmp;
  if (gcBatch < 1 || gcSamples < 1 || !(gcEps > 0))
    return fail("--batch and --samples must be at least 1, --eps positive");
  auto failed = ::syna::gradCheck(*module, options, llvm::outs());
  if (!failed)
    return fail(llvm::toString(failed.takeError()));
  return *failed == 0 ? 0 : 1;
}

int synaRunTrainingMain(bool &handled); // Train.cpp

int main(int argc, char **argv) {
  llvm::InitLLVM y(argc, argv);
  ::syna::registerAllPasses();
  cl::ParseCommandLineOptions(
      argc, argv,
      "syna-run: JIT-compile and execute syna graphs and circuits\n\n"
      "  syna-run run FILE.mlir --graph NAME [-i INPUT]... [--output-dir DIR]\n"
      "  syna-run gradcheck FILE.mlir --graph NAME [--seed S] [--batch B]\n"
      "  syna-run train FILE.syna [--epochs N] [--batch N] [--lr X] [--seed N] "
      "[--data DIR|--dataset mnist|fashion] [--checkpoint F] [--resume F]\n"
      "  syna-run eval FILE.syna --checkpoint F [--data DIR]\n"
      "  syna-run predict FILE.syna --checkpoint F -i IMAGES.npy\n");
  if (gradcheckCmd)
    return gradcheckMain();
  bool handled = false;
  int rc = synaRunTrainingMain(handled);
  if (handled)
    return rc;
  if (!runCmd)
    return fail("expected a subcommand: syna-run run|gradcheck|train|eval|"
                "predict FILE ... (see --help)");
  return runMain();
}
