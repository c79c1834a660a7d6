//===- RunCommand.cpp - syna-run run --------------------------------------===//
//
//   syna-run run FILE [--graph NAME] [-i INPUT]... [--output-dir DIR]
//                [--checkpoint F] [--param NAME=FILE.npy]... [--timing]
//                [--benchmark N]
//
// INPUT is a .npy file or an array literal ("[[0.1, 0.2]]", "0.5"), one per
// graph argument in order. Results are printed and, with --output-dir,
// written as DIR/NAME.<i>.npy. Parameters are initialised from their
// #syna.init with --seed, or read from a checkpoint (--checkpoint) or from
// --param NAME=FILE.npy (θ, the raw unconstrained value). --graph may be
// left out when the module has one graph.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/Timing.h"
#include "syna/Conversion/ParamInit.h"
#include "syna/Execution/Backend.h"
#include "syna/Execution/ExtentCheck.h"
#include "syna/Execution/ModelSession.h"
#include "syna/InitAll.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>

using namespace mlir;
namespace cl = llvm::cl;

namespace syna::tool {
namespace {

cl::SubCommand command("run", "compile a module and execute one graph");
cl::opt<std::string> file(cl::Positional, cl::desc("<module>"), cl::Required,
                          cl::sub(command));
cl::opt<std::string> graph("graph",
                           cl::desc("graph (func.func) to run; may be left "
                                    "out when the module has one"),
                           cl::sub(command));
cl::list<std::string>
    inputs("input", cl::desc("graph input: a .npy file or an array literal, in "
                             "argument order, or NAME=VALUE for the argument "
                             "NAME (repeat)"),
           cl::sub(command));
cl::alias inputsShort("i", cl::aliasopt(inputs));
cl::opt<std::string> outputDir("output-dir",
                               cl::desc("write results as DIR/GRAPH.<i>.npy"),
                               cl::sub(command));
cl::opt<std::string>
    checkpoint("checkpoint",
               cl::desc("θ of every parameter from a checkpoint "
                        "(.safetensors, as syna-run train writes)"),
               cl::sub(command));
cl::list<std::string> params("param",
                             cl::desc("NAME=FILE.npy: θ of a parameter (repeat)"),
                             cl::sub(command));
cl::opt<unsigned> benchmark("benchmark",
                            cl::desc("time N calls after one warm-up call"),
                            cl::init(0), cl::sub(command));
cl::opt<bool> quiet("quiet", cl::desc("do not print results"), cl::sub(command));

/// Whether `-i TEXT` names a file rather than spelling an array literal: it
/// ends in .npy, holds a path separator, or names something on disk that is
/// not a literal (a directory, or a .npy file by another name).
bool namesFile(llvm::StringRef text) {
  if (text.ends_with(".npy") || text.contains('/') ||
      llvm::sys::fs::is_directory(text))
    return true;
  if (!llvm::sys::fs::exists(text))
    return false;
  llvm::Expected<HostArray> literal = parseLiteral(text, /*preferInt=*/true);
  if (literal)
    return false;
  llvm::consumeError(literal.takeError());
  return true;
}

/// One input: a .npy file, whose values must convert to the graph's element
/// type exactly, or an array literal (text, converted as written).
llvm::Expected<HostArray> readInput(llvm::StringRef text, const ValueSpec *spec) {
  // A literal is text: rounding its decimals to float32 is expected, but
  // integers must still fit.
  bool literal = !namesFile(text);
  llvm::Expected<HostArray> array =
      literal ? parseLiteral(text, /*preferInt=*/true) : readNpy(text);
  if (literal && array && spec && isFloat(array->dtype))
    return array;
  if (!array || !spec || isFloat(array->dtype) != isFloat(spec->dtype))
    return array;
  if (llvm::Error e = checkLosslessConversion(*array, spec->dtype, text))
    return std::move(e);
  return array;
}

/// The text of each input: `-i NAME=VALUE` goes to the argument named
/// NAME, the other -i values to the remaining arguments in order. Without
/// named inputs, the -i values as given (validateInputs checks the count).
llvm::Expected<std::vector<std::string>>
assignInputs(const GraphSignature &signature) {
  auto fail = [](const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   message.str());
  };
  std::vector<std::optional<std::string>> slots(signature.inputs.size());
  std::vector<std::string> positional;
  bool named = false;
  for (const std::string &text : inputs) {
    auto [name, value] = llvm::StringRef(text).split('=');
    auto input = llvm::find_if(signature.inputs, [&](const ValueSpec &spec) {
      return !spec.name.empty() && spec.name == name;
    });
    if (!llvm::StringRef(text).contains('=') || input == signature.inputs.end()) {
      positional.push_back(text);
      continue;
    }
    std::optional<std::string> &slot = slots[input - signature.inputs.begin()];
    if (slot)
      return fail("input '" + name + "' is given twice");
    slot = value.str();
    named = true;
  }
  if (!named)
    return positional;
  auto next = positional.begin();
  std::vector<std::string> texts;
  for (auto [slot, spec] : llvm::zip(slots, signature.inputs)) {
    if (!slot && next == positional.end())
      return fail("no value for input '" + spec.name + "' of @" +
                  signature.name + " (give -i " + spec.name + "=VALUE)");
    texts.push_back(slot ? *slot : *next++);
  }
  if (next != positional.end())
    return fail("@" + signature.name + " takes " +
                llvm::Twine(signature.inputs.size()) +
                " inputs; '" + *next + "' is one too many");
  return texts;
}

llvm::Expected<std::vector<HostArray>>
readInputs(const GraphSignature &signature) {
  llvm::Expected<std::vector<std::string>> texts = assignInputs(signature);
  if (!texts)
    return texts.takeError();
  std::vector<HostArray> values;
  for (auto [i, text] : llvm::enumerate(*texts)) {
    const ValueSpec *spec =
        i < signature.inputs.size() ? &signature.inputs[i] : nullptr;
    llvm::Expected<HostArray> value = readInput(text, spec);
    if (!value)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "input " + std::to_string(i) + " ('" + text +
              "'): " + llvm::toString(value.takeError()));
    values.push_back(std::move(*value));
  }
  return values;
}

/// --param NAME=FILE.npy: the initial θ of a parameter.
llvm::Error applyParameterFile(ModuleOp module, llvm::StringRef flag) {
  auto [name, path] = flag.split('=');
  auto fail = [&](const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--param " + flag + ": " + message);
  };
  auto param = module.lookupSymbol<ParamOp>(name);
  if (!param)
    return fail("no syna.param @" + name);
  llvm::Expected<HostArray> array = readNpy(path);
  if (!array)
    return fail(llvm::toString(array.takeError()));
  RankedTensorType type = param.getTensorType();
  if (llvm::ArrayRef<int64_t>(array->shape) != type.getShape() ||
      !isFloat(array->dtype))
    return fail("@" + name + " is " + llvm::formatv("{0}", type).str() +
                " but the file holds " + dtypeName(array->dtype) +
                " of shape " + array->shapeString());
  bool f64 = type.getElementType().isF64();
  if (llvm::Error e = checkLosslessConversion(
          *array, f64 ? DType::F64 : DType::F32, path))
    return fail(llvm::toString(std::move(e)));
  HostArray values = array->convertedTo(f64 ? DType::F64 : DType::F32);
  DenseElementsAttr theta =
      f64 ? DenseElementsAttr::get(
                type, llvm::ArrayRef(reinterpret_cast<const double *>(
                                         values.data.data()),
                                     size_t(values.numElements())))
          : DenseElementsAttr::get(
                type, llvm::ArrayRef(reinterpret_cast<const float *>(
                                         values.data.data()),
                                     size_t(values.numElements())));
  param->setAttr(kThetaAttrName, theta);
  return llvm::Error::success();
}

llvm::Error benchmarkCalls(Executable &executable,
                           const GraphSignature &signature,
                           const std::vector<HostArray> &values) {
  auto start = std::chrono::steady_clock::now();
  for (unsigned i = 0; i < benchmark; ++i)
    if (auto results = executable.call(signature, values); !results)
      return results.takeError();
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  double perCall = seconds / benchmark;
  int64_t batch = values.empty() || values[0].shape.empty() ? 1
                                                            : values[0].shape[0];
  llvm::outs() << llvm::formatv(
      "benchmark: {0} calls, {1:f4} ms per call, {2:f0} samples/s\n",
      benchmark.getValue(), perCall * 1e3, batch / perCall);
  return llvm::Error::success();
}

llvm::Error reportResults(llvm::StringRef graphName,
                          const std::vector<HostArray> &results) {
  for (auto [i, r] : llvm::enumerate(results)) {
    bool nonFinite = false;
    for (int64_t k = 0, e = r.numElements(); k < e && !nonFinite; ++k)
      nonFinite = !std::isfinite(r.at(k));
    if (nonFinite)
      llvm::errs() << "syna-run: warning: result " << i
                   << " contains NaN or infinite values\n";
    if (!quiet) {
      llvm::outs() << "result " << i << ": " << r.shapeString() << " "
                   << dtypeName(r.dtype) << "\n";
      printArray(llvm::outs(), r);
      llvm::outs() << "\n";
    }
    if (outputDir.empty())
      continue;
    llvm::sys::fs::create_directories(outputDir);
    llvm::SmallString<128> path(outputDir);
    llvm::sys::path::append(path, graphName + "." + std::to_string(i) + ".npy");
    if (llvm::Error e = writeNpy(path, r))
      return e;
  }
  return llvm::Error::success();
}

int runMain() {
  CompileOptions options = compileOptionsFromFlags();
  // Each timed call runs the whole graph: a million of them is hours.
  if (llvm::Error e = llvm::joinErrors(
          checkFlag("benchmark", benchmark,
                    flagRule(FieldType::Int, Range::closed(0, 1000000))),
          options.validate()))
    return fail(std::move(e));
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  DefaultTimingManager timingManager;
  timingManager.setEnabled(options.timing);
  TimingScope root = timingManager.getRootScope();

  TimingScope loadTime = root.nest("load module");
  OwningOpRef<ModuleOp> module = loadModule(file, context);
  if (!module)
    return 1;
  loadTime.stop();
  llvm::Expected<std::string> selected = selectGraph(*module, graph);
  if (!selected)
    return fail(selected.takeError());
  llvm::Expected<GraphSignature> signature = graphSignature(*module, *selected);
  if (!signature)
    return fail(signature.takeError());
  llvm::Expected<std::vector<HostArray>> values = readInputs(*signature);
  if (!values)
    return fail(values.takeError());
  if (llvm::Error e = validateInputs(*signature, *values))
    return fail(std::move(e));
  if (llvm::Error e = checkExtents(*module, *selected, *values))
    return fail(std::move(e));
  if (!checkpoint.empty()) {
    llvm::Expected<data::Checkpoint> parameters =
        data::readSafetensors(checkpoint);
    if (!parameters)
      return fail(parameters.takeError());
    if (llvm::Error e = setThetaFromCheckpoint(*module, *parameters, checkpoint))
      return fail(std::move(e));
  }
  for (const std::string &flag : params)
    if (llvm::Error e = applyParameterFile(*module, flag))
      return fail(std::move(e));

  llvm::Expected<std::unique_ptr<Backend>> backend =
      createBackend(options.target);
  if (!backend)
    return fail(backend.takeError());
  TimingScope compileTime = root.nest("compile");
  auto executable = (*backend)->compile(*module, options,
                                        options.timing ? &compileTime : nullptr);
  if (!executable)
    return fail(executable.takeError());
  compileTime.stop();
  TimingScope runTime = root.nest("execute");
  auto results = (*executable)->call(*signature, *values);
  if (!results)
    return fail(results.takeError());
  runTime.stop();
  if (benchmark > 0)
    if (llvm::Error e = benchmarkCalls(**executable, *signature, *values))
      return fail(std::move(e));
  if (llvm::Error e = reportResults(*selected, *results))
    return fail(std::move(e));
  return 0;
}

} // namespace

Subcommand runCommand() { return {command, runMain}; }

} // namespace syna::tool
