//===- GradCheck.cpp - gradients against central finite differences -------===//
//
// One module holds three functions, compiled once:
//   @NAME                 the graph (float64);
//   @NAME_grad            from syna-autodiff, with θ compiled in;
//   @NAME__gradcheck_fd   a clone of @NAME that takes each parameter's raw θ
//                         as an extra argument (sorted by name, as in
//                         @NAME_grad) and applies the domain map itself, so
//                         that θ ± h needs no recompilation.
// L = Σ_k ⟨s_k, r_k⟩ over the float results with seeded s_k (or the loss
// itself when the graph returns one scalar), evaluated on the host in
// double; each checked element v gets (L(v + h) − L(v − h))/2h.
//
//===----------------------------------------------------------------------===//
#include "syna/Execution/GradCheck.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Conversion/DomainMaps.h"
#include "syna/Conversion/ParamInit.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "syna/Execution/Backend.h"
#include "syna/Execution/ExtentCheck.h"
#include "syna/Execution/MemoryBudget.h"
#include "syna/Transforms/Passes.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace mlir;

namespace syna {

int GradCheckReport::failures() const {
  return int(llvm::count_if(tensors, [](const TensorCheck &t) { return !t.passed; }));
}

namespace {

llvm::Error err(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

HostArray zeros(DType dtype, ArrayRef<int64_t> shape) {
  HostArray a;
  a.dtype = dtype;
  a.shape.assign(shape.begin(), shape.end());
  a.data.assign(a.numElements() * dtypeSize(dtype), 0);
  return a;
}

/// The number of classes of an argument used as class indices (its
/// operand domain, ODS), or 0; 2 when the class count is dynamic.
int64_t labelClasses(BlockArgument arg) {
  for (OpOperand &use : arg.getUses()) {
    std::optional<OperandDomain> domain =
        getOperandDomain(use.getOwner(), use.getOperandNumber());
    if (!domain || domain->domain != ValueDomain::ClassIndex)
      continue;
    Interval classes = operandInterval(use.getOwner(), *domain);
    return std::isinf(classes.high) ? 2 : int64_t(classes.high);
  }
  return 0;
}

/// A result that is a running statistic of a training batch_norm: a state
/// update that syna-autodiff does not differentiate, so it gets no seed.
bool isStateUpdate(Value v) {
  auto bn = v.getDefiningOp<BatchNormOp>();
  return bn && bn.getTraining() && cast<OpResult>(v).getResultNumber() > 0;
}

/// The clone of `f` that reads θ from arguments (see the file comment).
void buildFdClone(ModuleOp module, func::FuncOp f, ArrayRef<ParamOp> params,
                  StringRef name) {
  func::FuncOp fd = f.clone();
  fd.setName(name);
  fd->removeAttr(kDifferentiateAttrName);
  fd->removeAttr(kDimNamesAttrName); // it gains arguments below
  fd->removeAttr(kResultDimNamesAttrName);
  module.push_back(fd);
  Block &entry = fd.getBody().front();
  llvm::StringMap<Value> thetaArg;
  for (ParamOp p : params)
    thetaArg[p.getSymName()] = entry.addArgument(p.getTensorType(), p.getLoc());
  SmallVector<ParamRefOp> refs;
  fd.walk([&](ParamRefOp r) { refs.push_back(r); });
  for (ParamRefOp r : refs) {
    auto p = module.lookupSymbol<ParamOp>(r.getName());
    OpBuilder b(r);
    r.getResult().replaceAllUsesWith(
        buildDomainMap(b, r.getLoc(), thetaArg[r.getName()], p.getDomain()));
    r.erase();
  }
  fd.setFunctionType(FunctionType::get(module.getContext(),
                                       entry.getArgumentTypes(),
                                       f.getFunctionType().getResults()));
}

std::string indexString(ArrayRef<int64_t> shape, int64_t flat) {
  SmallVector<int64_t> index(shape.size());
  for (int64_t d = int64_t(shape.size()) - 1; d >= 0; --d) {
    index[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::string s = "[";
  for (auto [i, v] : llvm::enumerate(index))
    s += (i ? ", " : "") + std::to_string(v);
  return s + "]";
}

class GradChecker {
public:
  GradChecker(ModuleOp module, const GradCheckOptions &options)
      : module(module), opt(options),
        rng(options.compile.seed * 0x9E3779B97F4A7C15ULL + 1) {}

  llvm::Expected<GradCheckReport> run();

private:
  llvm::Error drawParameters(func::FuncOp f);
  llvm::Error drawInputs(func::FuncOp f);
  llvm::Error prepareFunctions();
  llvm::Error drawSeeds();
  double loss(const std::vector<HostArray> &results, double *magnitude);
  llvm::Expected<TensorCheck> check(const std::string &label, size_t fdIndex,
                                    const HostArray &analytic);

  ModuleOp module;
  const GradCheckOptions &opt;
  std::mt19937_64 rng;
  std::normal_distribution<double> normal{0.0, 1.0};
  std::set<std::string> paramNames; // the order of @NAME_grad's dθ
  SmallVector<ParamOp> params;
  std::vector<HostArray> thetas, inputs, fdInputs, seeds;
  std::vector<size_t> floatArgs;
  std::vector<bool> seeded;
  bool isLoss = false;
  GraphSignature graph, gradient, fd;
  std::unique_ptr<Executable> executable;
  double primalLoss = 0, lossMagnitude = 0;
};

/// θ: the seeded initialiser plus a little noise, so that zero-initialised
/// biases and scales of one are not special points.
llvm::Error GradChecker::drawParameters(func::FuncOp f) {
  f.walk([&](ParamRefOp r) { paramNames.insert(r.getName().str()); });
  for (const std::string &name : paramNames) {
    auto p = module.lookupSymbol<ParamOp>(name);
    if (!p)
      return err("@" + opt.graph + " reads @" + name + ", which is no syna.param");
    params.push_back(p);
    std::vector<double> theta = drawTheta(p, opt.compile.seed);
    for (double &t : theta)
      t += 0.05 * normal(rng);
    RankedTensorType type = p.getTensorType();
    p->setAttr(kThetaAttrName,
               DenseElementsAttr::get(type, ArrayRef<double>(theta)));
    HostArray a = zeros(DType::F64, type.getShape());
    for (size_t i = 0; i < theta.size(); ++i)
      a.set(i, theta[i]);
    thetas.push_back(std::move(a));
  }
  return llvm::Error::success();
}

/// Probabilities in (0.05, 0.95) for every float (inside every float
/// operand domain), labels in [0, C), fixed keys (a fixed dropout mask).
llvm::Error GradChecker::drawInputs(func::FuncOp f) {
  llvm::Expected<GraphSignature> signature = graphSignature(module, opt.graph);
  if (!signature)
    return signature.takeError();
  graph = std::move(*signature);
  std::uniform_real_distribution<double> probability(0.05, 0.95);
  for (auto [i, spec] : llvm::enumerate(graph.inputs)) {
    SmallVector<int64_t> shape;
    for (int64_t s : spec.shape)
      shape.push_back(ShapedType::isDynamic(s) ? opt.batch : s);
    HostArray a = zeros(spec.dtype, shape);
    int64_t classes = labelClasses(f.getArgument(i));
    for (int64_t k = 0; k < a.numElements(); ++k)
      a.set(k, isFloat(spec.dtype) ? probability(rng)
               : classes           ? double(rng() % classes)
                                   : 12345 + double(i));
    if (isFloat(spec.dtype) && spec.kind == ValueSpec::Tensor)
      floatArgs.push_back(i);
    inputs.push_back(std::move(a));
  }
  // Which results get a seed: float tensors that are not state updates.
  auto ret = cast<func::ReturnOp>(f.getBody().front().getTerminator());
  for (auto [k, spec] : llvm::enumerate(graph.results))
    seeded.push_back(isFloat(spec.dtype) && !isStateUpdate(ret.getOperand(k)));
  isLoss = graph.results.size() == 1 && graph.results[0].shape.empty() &&
           isFloat(graph.results[0].dtype);
  return llvm::Error::success();
}

/// Differentiates the graph, adds the finite-difference clone, compiles.
llvm::Error GradChecker::prepareFunctions() {
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  SynaAutodiffOptions autodiff;
  autodiff.functions = {opt.graph};
  pm.addPass(createSynaAutodiff(autodiff));
  if (failed(pm.run(module)))
    return err("syna-autodiff failed on @" + opt.graph);
  std::string gradName = opt.graph + "_grad";
  std::string fdName = opt.graph + "__gradcheck_fd";
  buildFdClone(module, module.lookupSymbol<func::FuncOp>(opt.graph), params,
               fdName);
  for (auto [name, out] : {std::pair{gradName, &gradient}, {fdName, &fd}}) {
    llvm::Expected<GraphSignature> signature = graphSignature(module, name);
    if (!signature)
      return signature.takeError();
    *out = std::move(*signature);
  }
  llvm::Expected<std::unique_ptr<Backend>> backend =
      createBackend(opt.compile.target);
  if (!backend)
    return backend.takeError();
  llvm::Expected<std::unique_ptr<Executable>> compiled =
      (*backend)->compile(module, opt.compile, nullptr);
  if (!compiled)
    return compiled.takeError();
  executable = std::move(*compiled);
  return llvm::Error::success();
}

/// The seeds s_k of L, drawn at the primal point.
llvm::Error GradChecker::drawSeeds() {
  fdInputs = inputs;
  llvm::append_range(fdInputs, thetas);
  llvm::Expected<std::vector<HostArray>> primal = executable->call(fd, fdInputs);
  if (!primal)
    return primal.takeError();
  for (auto [k, result] : llvm::enumerate(*primal)) {
    if (!isFloat(graph.results[k].dtype))
      continue;
    HostArray seed = zeros(DType::F64, result.shape);
    if (seeded[k] && !isLoss)
      for (int64_t e = 0; e < seed.numElements(); ++e)
        seed.set(e, normal(rng));
    seeds.push_back(std::move(seed));
  }
  primalLoss = loss(*primal, &lossMagnitude);
  return llvm::Error::success();
}

/// L and Σ|terms| (the scale of its rounding error).
double GradChecker::loss(const std::vector<HostArray> &results,
                         double *magnitude) {
  long double l = 0, m = 0;
  size_t seedIndex = 0;
  for (auto [k, r] : llvm::enumerate(results)) {
    if (!isFloat(graph.results[k].dtype))
      continue;
    const HostArray &seed = seeds[seedIndex++];
    for (int64_t e = 0; e < r.numElements(); ++e) {
      long double term = isLoss ? r.at(e) : (long double)seed.at(e) * r.at(e);
      l += term;
      m += std::fabs(double(term));
    }
  }
  if (magnitude)
    *magnitude = double(m);
  return double(l);
}

/// Compares `analytic` with central differences of fdInputs[fdIndex] at up
/// to maxSamples seeded elements.
llvm::Expected<TensorCheck> GradChecker::check(const std::string &label,
                                               size_t fdIndex,
                                               const HostArray &analytic) {
  constexpr double unitRoundoff = 0x1p-53;
  HostArray &target = fdInputs[fdIndex];
  int64_t n = target.numElements();
  std::vector<int64_t> elements(n);
  std::iota(elements.begin(), elements.end(), 0);
  if (n > opt.maxSamples) {
    std::shuffle(elements.begin(), elements.end(), rng);
    elements.resize(opt.maxSamples);
    std::sort(elements.begin(), elements.end());
  }
  TensorCheck result{label, target.shapeString(), int64_t(elements.size()), n};
  double worstExcess = -INFINITY;
  for (int64_t e : elements) {
    double v = target.at(e);
    double h = opt.eps * std::max(1.0, std::fabs(v));
    target.set(e, v + h);
    auto plus = executable->call(fd, fdInputs);
    target.set(e, v - h);
    auto minus = executable->call(fd, fdInputs);
    target.set(e, v);
    if (!plus)
      return plus.takeError();
    if (!minus)
      return minus.takeError();
    double numeric = (loss(*plus, nullptr) - loss(*minus, nullptr)) / (2 * h);
    double a = analytic.at(e), difference = std::fabs(a - numeric);
    double scale = std::max(std::fabs(a), std::fabs(numeric));
    double tolerance = opt.atol + opt.rtol * scale +
                       32 * unitRoundoff * lossMagnitude / h;
    bool good = std::isfinite(a) && std::isfinite(numeric) &&
                difference <= tolerance;
    result.passed &= good;
    result.maxAbsError = std::max(result.maxAbsError, difference);
    result.maxRelError =
        std::max(result.maxRelError, difference / std::max(scale, 1e-300));
    double excess = good ? difference - tolerance : INFINITY;
    if (excess > worstExcess) {
      worstExcess = excess;
      result.worstIndex = indexString(target.shape, e);
      result.worstAnalytic = a;
      result.worstNumeric = numeric;
    }
  }
  return result;
}

llvm::Expected<GradCheckReport> GradChecker::run() {
  auto f = module.lookupSymbol<func::FuncOp>(opt.graph);
  if (!f || f.isExternal())
    return err("no graph @" + opt.graph + " in the module");
  PassManager toF64(module.getContext(), ModuleOp::getOperationName());
  toF64.addPass(createConvertToF64());
  if (failed(toF64.run(module)))
    return err("the module does not verify after conversion to f64");
  // θ is drawn on the host before anything compiles.
  if (failed(checkTensorsFit(module, hostMemoryBytes())))
    return err("the graph does not fit this machine's memory (see the "
               "diagnostics above)");
  if (llvm::Error e = drawParameters(f))
    return std::move(e);
  if (llvm::Error e = drawInputs(f))
    return std::move(e);
  // Every dynamic size is --batch: a graph that relates them otherwise
  // cannot be checked this way.
  if (llvm::Error e = checkExtents(module, opt.graph, inputs))
    return err(llvm::toString(std::move(e)) +
               " (gradcheck gives every dynamic size the value of --batch)");
  if (llvm::Error e = prepareFunctions())
    return std::move(e);
  if (llvm::Error e = drawSeeds())
    return std::move(e);
  std::vector<HostArray> gradientInputs = inputs;
  if (!isLoss)
    llvm::append_range(gradientInputs, seeds);
  llvm::Expected<std::vector<HostArray>> gradients =
      executable->call(gradient, gradientInputs);
  if (!gradients)
    return gradients.takeError();
  size_t results = graph.results.size();
  if (gradients->size() != results + floatArgs.size() + params.size())
    return err("@" + gradient.name + " returns " +
               llvm::Twine(gradients->size()) + " values, expected " +
               llvm::Twine(results) + " results, " +
               llvm::Twine(floatArgs.size()) + " input and " +
               llvm::Twine(params.size()) + " parameter gradients");
  GradCheckReport report;
  report.inputs = floatArgs.size();
  report.parameters = params.size();
  report.loss = primalLoss;
  auto add = [&](const std::string &label, size_t fdIndex,
                 const HostArray &analytic) -> llvm::Error {
    llvm::Expected<TensorCheck> tensor = check(label, fdIndex, analytic);
    if (!tensor)
      return tensor.takeError();
    report.tensors.push_back(std::move(*tensor));
    return llvm::Error::success();
  };
  for (auto [j, i] : llvm::enumerate(floatArgs))
    if (llvm::Error e = add("d input " + std::to_string(i), i,
                            (*gradients)[results + j]))
      return std::move(e);
  for (auto [j, name] : llvm::enumerate(paramNames))
    if (llvm::Error e = add("d @" + name, inputs.size() + j,
                            (*gradients)[results + floatArgs.size() + j]))
      return std::move(e);
  return report;
}

} // namespace

llvm::Expected<GradCheckReport> gradCheck(ModuleOp module,
                                          const GradCheckOptions &options) {
  return GradChecker(module, options).run();
}

} // namespace syna
