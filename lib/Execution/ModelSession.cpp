//===- ModelSession.cpp - a model compiled for one target -----------------===//
#include "syna/Execution/ModelSession.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "syna/Conversion/DomainMaps.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/InitAll.h"
#include "syna/Training/Passes.h"

#include <cmath>
#include <cstring>
#include <optional>

using namespace mlir;

namespace syna {

static llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// A scalar argument, stored bit for bit (a 63-bit key does not survive a
/// round trip through double).
template <typename T> static HostArray scalarOf(DType type, T value) {
  static_assert(sizeof(T) == 4 || sizeof(T) == 8);
  HostArray array;
  array.dtype = type;
  array.data.resize(sizeof(T));
  std::memcpy(array.data.data(), &value, sizeof(T));
  return array;
}

static mlir::DialectRegistry allDialects() {
  DialectRegistry registry;
  registerAllDialects(registry);
  return registry;
}

ModelSession::ModelSession() : context_(allDialects()) {
  context_.loadAllAvailableDialects();
}
ModelSession::~ModelSession() = default;

llvm::Expected<std::unique_ptr<ModelSession>>
ModelSession::open(llvm::StringRef file, Mode mode) {
  std::unique_ptr<ModelSession> session(new ModelSession());
  if (llvm::Error e = session->build(file, mode))
    return std::move(e);
  return session;
}

llvm::Error ModelSession::build(llvm::StringRef file, Mode mode) {
  mode_ = mode;
  module_ = loadModule(file, context_);
  if (!module_)
    return err("cannot load " + file);
  // Loading verified the model and that its graph fits the training loop
  // (SynaDialect::verifyOperationAttribute).
  auto model = (*module_)->getAttrOfType<ModelAttr>(kModelAttrName);
  if (!model)
    return err("the module has no syna.model attribute: train a .syna file "
               "with a `model` block (docs/language.md)");
  spec_ = model.getSpec();
  PassManager pm(&context_);
  if (mode == Mode::Training)
    pm.addPass(createSynaBuildTrainStep());
  pm.addPass(createSynaBuildEvalStep());
  if (mode == Mode::Explain)
    pm.addPass(createSynaBuildProbeStep());
  pm.addPass(createSynaExposeParams());
  if (failed(pm.run(*module_)))
    return err("building the model's steps failed (see the diagnostics "
               "above)");
  auto signature = [&](llvm::StringRef name, GraphSignature &out) -> llvm::Error {
    llvm::Expected<GraphSignature> sig = graphSignature(*module_, name);
    if (!sig)
      return sig.takeError();
    out = std::move(*sig);
    return llvm::Error::success();
  };
  if (mode == Mode::Training)
    if (llvm::Error e = signature(kTrainStepFn, train_))
      return e;
  if (llvm::Error e = signature(kEvalStepFn, eval_))
    return e;
  if (llvm::Error e = signature(kPredictFn, predict_))
    return e;
  if (mode == Mode::Explain) {
    if (llvm::Error e = signature(kProbeFn, probe_))
      return e;
    for (Operation *op :
         probedSynapses(module_->lookupSymbol<func::FuncOp>(kProbeFn)))
      probedParameters_.push_back(
          cast<SynapseDenseOp>(op).getBeta().getDefiningOp<ParamRefOp>()
              .getName().str());
  }
  for (ParamOp param : module_->getOps<ParamOp>()) {
    Parameter &p = parameters_[param.getSymName().str()];
    p.shape.assign(param.getTensorType().getShape().begin(),
                   param.getTensorType().getShape().end());
    p.domain = param.getDomain();
    if (llvm::Error e = signature((kGetPrefix + param.getSymName()).str(), p.get))
      return e;
    if (llvm::Error e = signature((kSetPrefix + param.getSymName()).str(), p.set))
      return e;
  }
  extents_ = ExtentChecker(*module_);
  return llvm::Error::success();
}

int64_t ModelSession::valuesPerImage() const {
  int64_t values = 1;
  for (int64_t extent : llvm::ArrayRef(imageSpec().shape).drop_front())
    values *= extent;
  return values;
}

llvm::Error ModelSession::compile(const CompileOptions &options,
                                  TimingScope *timing) {
  // --timing without a caller's scope: a report of its own, printed when
  // the compile ends.
  std::optional<DefaultTimingManager> manager;
  std::optional<TimingScope> root, compileTime;
  if (!timing && options.timing) {
    manager.emplace();
    manager->setEnabled(true);
    root.emplace(manager->getRootScope());
    compileTime.emplace(root->nest("compile"));
    timing = &*compileTime;
  }
  llvm::Expected<std::unique_ptr<Backend>> backend =
      createBackend(options.target);
  if (!backend)
    return backend.takeError();
  llvm::Expected<std::unique_ptr<Executable>> executable =
      (*backend)->compile(*module_, options, timing);
  if (!executable)
    return executable.takeError();
  executable_ = std::move(*executable);
  return llvm::Error::success();
}

llvm::Expected<std::vector<HostArray>>
ModelSession::call(const GraphSignature &function,
                   std::vector<HostArray> inputs) {
  if (!executable_)
    return err("the model is not compiled");
  if (llvm::Error e = validateInputs(function, inputs))
    return std::move(e);
  if (llvm::Error e = extents_.check(function.name, inputs))
    return std::move(e);
  return executable_->call(function, inputs);
}

llvm::Expected<BatchResult> ModelSession::trainStep(HostArray images,
                                                    HostArray labels,
                                                    int64_t key,
                                                    float learningRate,
                                                    int64_t step) {
  if (mode_ != Mode::Training)
    return err("the model was opened for inference");
  std::vector<HostArray> inputs;
  inputs.push_back(std::move(images));
  inputs.push_back(std::move(labels));
  inputs.push_back(scalarOf<int64_t>(DType::I64, key));
  inputs.push_back(scalarOf<float>(DType::F32, learningRate));
  inputs.push_back(scalarOf<int64_t>(DType::I64, step));
  llvm::Expected<std::vector<HostArray>> results = call(train_, std::move(inputs));
  if (!results)
    return results.takeError();
  return BatchResult{(*results)[0].at(0), int64_t((*results)[1].at(0))};
}

llvm::Expected<BatchResult> ModelSession::evalStep(HostArray images,
                                                   HostArray labels) {
  std::vector<HostArray> inputs;
  inputs.push_back(std::move(images));
  inputs.push_back(std::move(labels));
  llvm::Expected<std::vector<HostArray>> results = call(eval_, std::move(inputs));
  if (!results)
    return results.takeError();
  return BatchResult{(*results)[0].at(0), int64_t((*results)[1].at(0))};
}

llvm::Expected<std::vector<Prediction>> ModelSession::predict(HostArray images) {
  std::vector<HostArray> inputs;
  inputs.push_back(std::move(images));
  llvm::Expected<std::vector<HostArray>> results =
      call(predict_, std::move(inputs));
  if (!results)
    return results.takeError();
  std::vector<Prediction> predictions((*results)[0].numElements());
  for (auto [i, prediction] : llvm::enumerate(predictions))
    prediction = {int64_t((*results)[0].at(i)), (*results)[1].at(i)};
  return predictions;
}

llvm::Expected<std::vector<HostArray>> ModelSession::probe(HostArray images) {
  if (mode_ != Mode::Explain)
    return err("the model was not opened to be explained");
  std::vector<HostArray> inputs;
  inputs.push_back(std::move(images));
  return call(probe_, std::move(inputs));
}

llvm::Expected<HostArray> ModelSession::parameterValue(llvm::StringRef name) {
  auto it = parameters_.find(name.str());
  if (it == parameters_.end())
    return err("no parameter @" + name);
  llvm::Expected<std::vector<HostArray>> theta = call(it->second.get, {});
  if (!theta)
    return theta.takeError();
  HostArray value = (*theta)[0].convertedTo(DType::F64);
  for (int64_t i = 0, e = value.numElements(); i < e; ++i)
    value.set(i, mapOntoDomain(value.at(i), it->second.domain));
  return value;
}

llvm::Expected<data::Checkpoint> ModelSession::saveParameters() {
  data::Checkpoint checkpoint;
  for (auto &[name, parameter] : parameters_) {
    llvm::Expected<std::vector<HostArray>> theta = call(parameter.get, {});
    if (!theta)
      return theta.takeError();
    HostArray values = (*theta)[0].convertedTo(DType::F32);
    data::Tensor &tensor = checkpoint.tensors[name];
    tensor.shape.assign(values.shape.begin(), values.shape.end());
    tensor.values.resize(values.numElements());
    std::memcpy(tensor.values.data(), values.data.data(),
                tensor.values.size() * sizeof(float));
  }
  return checkpoint;
}

static std::string shapeText(llvm::ArrayRef<int64_t> dims) {
  std::string text;
  for (int64_t d : dims)
    text += (text.empty() ? "" : ", ") + std::to_string(d);
  return "[" + text + "]";
}

llvm::Error checkCheckpoint(const data::Checkpoint &checkpoint,
                            const ParameterShapes &parameters,
                            llvm::StringRef source) {
  auto fail = [&](const llvm::Twine &message) {
    return err(source + ": " + message);
  };
  for (const auto &entry : checkpoint.tensors)
    if (!parameters.count(entry.first) &&
        !llvm::StringRef(entry.first).starts_with(kOptPrefix))
      return fail("tensor '" + entry.first + "' is not a parameter of the model");
  for (const auto &[name, shape] : parameters) {
    auto it = checkpoint.tensors.find(name);
    if (it == checkpoint.tensors.end())
      return fail("no tensor '" + name + "' (the model's parameter @" + name +
                  (llvm::StringRef(name).starts_with(kOptPrefix)
                       ? "; the checkpoint has no optimizer state of this "
                         "optimizer)"
                       : ")"));
    if (it->second.shape != shape)
      return fail("tensor '" + name + "' has shape " +
                  shapeText(it->second.shape) + " but the parameter is " +
                  shapeText(shape));
    for (float v : it->second.values)
      if (!std::isfinite(v))
        return fail("tensor '" + name + "' holds NaN or infinite values");
  }
  return llvm::Error::success();
}

llvm::Error setThetaFromCheckpoint(ModuleOp module,
                                   const data::Checkpoint &checkpoint,
                                   llvm::StringRef source) {
  ParameterShapes shapes;
  for (ParamOp param : module.getOps<ParamOp>())
    shapes[param.getSymName().str()].assign(
        param.getTensorType().getShape().begin(),
        param.getTensorType().getShape().end());
  if (llvm::Error e = checkCheckpoint(checkpoint, shapes, source))
    return e;
  for (ParamOp param : module.getOps<ParamOp>()) {
    const data::Tensor &tensor =
        checkpoint.tensors.at(param.getSymName().str());
    RankedTensorType type = param.getTensorType();
    const llvm::fltSemantics &semantics =
        cast<FloatType>(type.getElementType()).getFloatSemantics();
    std::vector<APFloat> values;
    values.reserve(tensor.values.size());
    for (float v : tensor.values) {
      APFloat value(v);
      bool lost; // f32 widens to f64 exactly
      value.convert(semantics, APFloat::rmNearestTiesToEven, &lost);
      values.push_back(value);
    }
    param->setAttr(kThetaAttrName, DenseElementsAttr::get(type, values));
  }
  return llvm::Error::success();
}

llvm::Error ModelSession::restoreParameters(const data::Checkpoint &checkpoint,
                                            llvm::StringRef source) {
  ParameterShapes shapes;
  for (const auto &[name, parameter] : parameters_)
    shapes[name] = parameter.shape;
  if (llvm::Error e = checkCheckpoint(checkpoint, shapes, source))
    return e;
  for (auto &[name, parameter] : parameters_) {
    const data::Tensor &tensor = checkpoint.tensors.at(name);
    HostArray theta;
    theta.dtype = DType::F32;
    theta.shape.assign(tensor.shape.begin(), tensor.shape.end());
    theta.data.resize(tensor.values.size() * sizeof(float));
    std::memcpy(theta.data.data(), tensor.values.data(), theta.data.size());
    if (llvm::Expected<std::vector<HostArray>> done =
            call(parameter.set, {std::move(theta)});
        !done)
      return done.takeError();
  }
  return llvm::Error::success();
}

} // namespace syna
