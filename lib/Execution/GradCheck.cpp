//===- GradCheck.cpp - gradients against central finite differences -------===//
//
// One module holds three functions, compiled once:
//   @NAME                 the graph (float64), run once to get result shapes;
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

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "syna/Autodiff/Passes.h"
#include "syna/Conversion/ParamInit.h"
#include "syna/Dialect/Syna/IR/SynaOps.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

using namespace mlir;

namespace syna {
namespace {

llvm::Error err(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

//===----------------------------------------------------------------------===//
// float64 conversion
//===----------------------------------------------------------------------===//

Type toF64(Type t) {
  MLIRContext *ctx = t.getContext();
  if (t.isF32() || t.isF16() || t.isBF16())
    return Float64Type::get(ctx);
  if (auto rt = dyn_cast<RankedTensorType>(t))
    return RankedTensorType::get(rt.getShape(), toF64(rt.getElementType()),
                                 rt.getEncoding());
  if (auto ft = dyn_cast<FunctionType>(t)) {
    SmallVector<Type> ins, outs;
    for (Type i : ft.getInputs())
      ins.push_back(toF64(i));
    for (Type o : ft.getResults())
      outs.push_back(toF64(o));
    return FunctionType::get(ctx, ins, outs);
  }
  return t;
}

Attribute attrToF64(Attribute a) {
  if (auto ta = dyn_cast<TypeAttr>(a))
    return TypeAttr::get(toF64(ta.getValue()));
  if (auto fa = dyn_cast<FloatAttr>(a)) {
    Type t = toF64(fa.getType());
    return t == fa.getType() ? a : FloatAttr::get(t, fa.getValueAsDouble());
  }
  if (auto dense = dyn_cast<DenseFPElementsAttr>(a)) {
    auto type = cast<ShapedType>(dense.getType());
    auto newType = cast<ShapedType>(toF64(type));
    if (newType == type)
      return a;
    SmallVector<double> values;
    for (APFloat v : dense.getValues<APFloat>())
      values.push_back(v.convertToDouble());
    return DenseElementsAttr::get(newType, ArrayRef<double>(values));
  }
  return a;
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

HostArray makeArray(DType dtype, ArrayRef<int64_t> shape) {
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
  auto bn = v.getDefiningOp<syna::BatchNormOp>();
  return bn && bn.getTraining() && cast<OpResult>(v).getResultNumber() > 0;
}

//===----------------------------------------------------------------------===//
// The finite-difference clone
//===----------------------------------------------------------------------===//

/// Domain map of a raw θ, as tensor arithmetic (lowered elementwise):
/// unit σ(θ), positive softplus θ, at_least_one 1 + softplus θ.
Value domainMap(OpBuilder &b, Location loc, Value theta, syna::Domain domain) {
  auto type = cast<RankedTensorType>(theta.getType());
  auto splat = [&](double v) -> Value {
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(type, b.getFloatAttr(type.getElementType(), v)));
  };
  auto softplus = [&](Value x) -> Value {
    Value relu = arith::MaximumFOp::create(b, loc, x, splat(0.0));
    Value e = math::ExpOp::create(
        b, loc, arith::NegFOp::create(b, loc, math::AbsFOp::create(b, loc, x)));
    return arith::AddFOp::create(b, loc, relu, math::Log1pOp::create(b, loc, e));
  };
  switch (domain) {
  case syna::Domain::Unit: {
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, theta));
    return arith::DivFOp::create(b, loc, splat(1.0),
                                 arith::AddFOp::create(b, loc, splat(1.0), e));
  }
  case syna::Domain::Positive:
    return softplus(theta);
  case syna::Domain::AtLeastOne:
    return arith::AddFOp::create(b, loc, splat(1.0), softplus(theta));
  default:
    return theta;
  }
}

func::FuncOp buildFdClone(ModuleOp module, func::FuncOp f,
                          ArrayRef<syna::ParamOp> params, StringRef name) {
  func::FuncOp fd = f.clone();
  fd.setName(name);
  fd->removeAttr(kDifferentiateAttrName);
  module.push_back(fd);
  Block &entry = fd.getBody().front();
  llvm::StringMap<Value> thetaArg;
  for (syna::ParamOp p : params)
    thetaArg[p.getSymName()] = entry.addArgument(p.getTensorType(), p.getLoc());
  SmallVector<syna::ParamRefOp> refs;
  fd.walk([&](syna::ParamRefOp r) { refs.push_back(r); });
  for (syna::ParamRefOp r : refs) {
    auto p = module.lookupSymbol<syna::ParamOp>(r.getName());
    OpBuilder b(r);
    Value v = domainMap(b, r.getLoc(), thetaArg[r.getName()], p.getDomain());
    r.getResult().replaceAllUsesWith(v);
    r.erase();
  }
  fd.setFunctionType(FunctionType::get(module.getContext(), entry.getArgumentTypes(),
                                       f.getFunctionType().getResults()));
  return fd;
}

std::string indexString(ArrayRef<int64_t> shape, int64_t flat) {
  SmallVector<int64_t> idx(shape.size());
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    idx[d] = flat % shape[d];
    flat /= shape[d];
  }
  std::string s = "[";
  for (auto [i, v] : llvm::enumerate(idx))
    s += (i ? ", " : "") + std::to_string(v);
  return s + "]";
}

} // namespace

LogicalResult convertModuleToF64(ModuleOp module) {
  module.walk([](Operation *op) {
    for (Value r : op->getResults())
      r.setType(toF64(r.getType()));
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument a : block.getArguments())
          a.setType(toF64(a.getType()));
    for (NamedAttribute attr : op->getAttrs()) {
      Attribute converted = attrToF64(attr.getValue());
      if (converted != attr.getValue())
        op->setAttr(attr.getName(), converted);
    }
  });
  return verify(module);
}

llvm::Expected<int> gradCheck(ModuleOp module, const GradCheckOptions &opt,
                              llvm::raw_ostream &os) {
  MLIRContext *ctx = module.getContext();
  auto f = module.lookupSymbol<func::FuncOp>(opt.graph);
  if (!f || f.isExternal())
    return err("no graph @" + opt.graph + " in the module");
  if (failed(convertModuleToF64(module)))
    return err("the module does not verify after conversion to f64");

  // Parameters read by the graph, by name (the order of @NAME_grad's dθ).
  std::set<std::string> paramNames;
  f.walk([&](syna::ParamRefOp r) { paramNames.insert(r.getName().str()); });
  SmallVector<syna::ParamOp> params;
  std::mt19937_64 rng(opt.seed * 0x9E3779B97F4A7C15ULL + 1);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> prob(0.05, 0.95);
  std::vector<HostArray> thetas;
  for (const std::string &n : paramNames) {
    auto p = module.lookupSymbol<syna::ParamOp>(n);
    if (!p)
      return err("@" + opt.graph + " reads @" + n + ", which is no syna.param");
    params.push_back(p);
    // θ: the seeded initialiser plus a little noise, so that zero-initialised
    // biases and scales of one are not special points.
    std::vector<double> theta = drawTheta(p, opt.seed);
    for (double &t : theta)
      t += 0.05 * normal(rng);
    RankedTensorType type = p.getTensorType();
    p->setAttr(kThetaAttrName, DenseElementsAttr::get(type, ArrayRef<double>(theta)));
    HostArray a = makeArray(DType::F64, type.getShape());
    for (size_t i = 0; i < theta.size(); ++i)
      a.set(i, theta[i]);
    thetas.push_back(std::move(a));
  }

  // Inputs: probabilities in (0.05, 0.95) for every float (inside the domain
  // of every synapse, surprisal and odds op), labels in [0, C), fixed keys.
  auto sigF = graphSignature(module, opt.graph);
  if (!sigF)
    return sigF.takeError();
  std::vector<HostArray> inputs;
  std::vector<size_t> floatArgs;
  for (auto [i, spec] : llvm::enumerate(sigF->inputs)) {
    SmallVector<int64_t> shape;
    for (int64_t s : spec.shape)
      shape.push_back(ShapedType::isDynamic(s) ? opt.batch : s);
    HostArray a = makeArray(spec.dtype, shape);
    if (isFloat(spec.dtype)) {
      if (spec.kind == ValueSpec::Tensor)
        floatArgs.push_back(i);
      for (int64_t k = 0; k < a.numElements(); ++k)
        a.set(k, prob(rng));
    } else if (int64_t classes = labelClasses(f.getArgument(i))) {
      for (int64_t k = 0; k < a.numElements(); ++k)
        a.set(k, static_cast<double>(rng() % classes));
    } else {
      for (int64_t k = 0; k < a.numElements(); ++k)
        a.set(k, 12345 + static_cast<double>(i)); // dropout keys: a fixed mask
    }
    inputs.push_back(std::move(a));
  }
  // Which results get a seed: float tensors that are not state updates.
  auto ret = cast<func::ReturnOp>(f.getBody().front().getTerminator());
  std::vector<bool> seeded;
  for (auto [k, spec] : llvm::enumerate(sigF->results))
    seeded.push_back(isFloat(spec.dtype) && !isStateUpdate(ret.getOperand(k)));
  bool isLoss = sigF->results.size() == 1 && sigF->results[0].shape.empty() &&
                isFloat(sigF->results[0].dtype);

  // Differentiate, then add the finite-difference clone.
  PassManager pm(ctx, ModuleOp::getOperationName());
  ::syna::SynaAutodiffOptions adOptions;
  adOptions.functions = {opt.graph};
  pm.addPass(::syna::createSynaAutodiff(adOptions));
  if (failed(pm.run(module)))
    return err("syna-autodiff failed on @" + opt.graph);
  std::string gradName = opt.graph + "_grad", fdName = opt.graph + "__gradcheck_fd";
  buildFdClone(module, module.lookupSymbol<func::FuncOp>(opt.graph), params, fdName);
  auto sigG = graphSignature(module, gradName);
  if (!sigG)
    return sigG.takeError();
  auto sigFd = graphSignature(module, fdName);
  if (!sigFd)
    return sigFd.takeError();

  auto compiled = CompiledModule::compile(module, opt.compile, nullptr);
  if (!compiled)
    return compiled.takeError();
  CompiledModule &cm = **compiled;

  std::vector<HostArray> fdInputs = inputs;
  llvm::append_range(fdInputs, thetas);
  auto primal = cm.invoke(*sigFd, fdInputs);
  if (!primal)
    return primal.takeError();
  std::vector<HostArray> seeds;
  for (auto [k, r] : llvm::enumerate(*primal)) {
    if (!isFloat(sigF->results[k].dtype))
      continue;
    HostArray s = makeArray(DType::F64, r.shape);
    if (seeded[k] && !isLoss)
      for (int64_t e = 0; e < s.numElements(); ++e)
        s.set(e, normal(rng));
    seeds.push_back(std::move(s));
  }
  // L and Σ|terms| (the scale of its rounding error).
  auto loss = [&](const std::vector<HostArray> &results, double *mag) {
    long double l = 0, m = 0;
    size_t si = 0;
    for (auto [k, r] : llvm::enumerate(results)) {
      if (!isFloat(sigF->results[k].dtype))
        continue;
      const HostArray &s = seeds[si++];
      for (int64_t e = 0; e < r.numElements(); ++e) {
        long double t = isLoss ? r.at(e) : (long double)s.at(e) * r.at(e);
        l += t;
        m += std::fabs((double)t);
      }
    }
    if (mag)
      *mag = static_cast<double>(m);
    return static_cast<double>(l);
  };
  double lossMag = 0;
  double l0 = loss(*primal, &lossMag);

  std::vector<HostArray> gradInputs = inputs;
  if (!isLoss)
    llvm::append_range(gradInputs, seeds);
  auto grads = cm.invoke(*sigG, gradInputs);
  if (!grads)
    return grads.takeError();
  size_t nResults = sigF->results.size();
  if (grads->size() != nResults + floatArgs.size() + params.size())
    return err(llvm::formatv("@{0} returns {1} values, expected {2} results, {3} "
                             "input and {4} parameter gradients",
                             gradName, grads->size(), nResults, floatArgs.size(),
                             params.size())
                   .str());

  os << llvm::formatv("gradcheck @{0}: L = {1:e}, {2} inputs, {3} parameters, "
                      "h = {4:e}·max(1, |v|), tolerance atol {5:e} + rtol {6:e}·max(|a|, |n|) "
                      "+ 32·u·Σ|L terms|/h\n",
                      opt.graph, l0, floatArgs.size(), params.size(), opt.eps,
                      opt.atol, opt.rtol);
  int passed = 0, failedCount = 0;
  constexpr double u = 0x1p-53;
  // Checks one tensor; `target` is the array perturbed in fdInputs.
  auto checkTensor = [&](const std::string &label, size_t fdIndex,
                         const HostArray &analytic) -> llvm::Error {
    HostArray &target = fdInputs[fdIndex];
    int64_t n = target.numElements();
    std::vector<int64_t> elems(n);
    for (int64_t e = 0; e < n; ++e)
      elems[e] = e;
    if (n > opt.maxSamples) {
      std::shuffle(elems.begin(), elems.end(), rng);
      elems.resize(opt.maxSamples);
      std::sort(elems.begin(), elems.end());
    }
    double maxAbs = 0, maxRel = 0, worstExcess = -INFINITY;
    int64_t worst = elems.empty() ? 0 : elems[0];
    double worstA = 0, worstN = 0;
    bool ok = true;
    for (int64_t e : elems) {
      double v = target.at(e);
      double h = opt.eps * std::max(1.0, std::fabs(v));
      target.set(e, v + h);
      auto rp = cm.invoke(*sigFd, fdInputs);
      target.set(e, v - h);
      auto rm = cm.invoke(*sigFd, fdInputs);
      target.set(e, v);
      if (!rp)
        return rp.takeError();
      if (!rm)
        return rm.takeError();
      double numeric = (loss(*rp, nullptr) - loss(*rm, nullptr)) / (2 * h);
      double a = analytic.at(e);
      double diff = std::fabs(a - numeric);
      double tol = opt.atol + opt.rtol * std::max(std::fabs(a), std::fabs(numeric)) +
                   32 * u * lossMag / h;
      bool good = std::isfinite(a) && std::isfinite(numeric) && diff <= tol;
      ok &= good;
      maxAbs = std::max(maxAbs, diff);
      maxRel = std::max(maxRel, diff / std::max(std::max(std::fabs(a), std::fabs(numeric)), 1e-300));
      double excess = good ? diff - tol : INFINITY;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = e;
        worstA = a;
        worstN = numeric;
      }
    }
    os << llvm::formatv("{0} {1} ({2}): {3}/{4} elements, max abs err {5:e}, "
                        "max rel err {6:e}; worst {7}: analytic {8:e} numeric {9:e}\n",
                        ok ? "PASS" : "FAIL", label, target.shapeString(),
                        elems.size(), n, maxAbs, maxRel,
                        indexString(target.shape, worst), worstA, worstN);
    (ok ? passed : failedCount) += 1;
    return llvm::Error::success();
  };
  for (auto [j, i] : llvm::enumerate(floatArgs))
    if (auto e = checkTensor("d input " + std::to_string(i), i, (*grads)[nResults + j]))
      return std::move(e);
  // (The syna.param ops are gone after lowering: use the names.)
  for (auto [j, name] : llvm::enumerate(paramNames))
    if (auto e = checkTensor("d @" + name, inputs.size() + j,
                             (*grads)[nResults + floatArgs.size() + j]))
      return std::move(e);
  os << passed << " passed, " << failedCount << " failed\n";
  return failedCount;
}

} // namespace syna
