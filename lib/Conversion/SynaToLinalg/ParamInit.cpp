//===- ParamInit.cpp - initial values of syna parameters ------------------===//
#include "syna/Conversion/ParamInit.h"

#include "llvm/ADT/APFloat.h"
#include <cmath>
#include <random>

using namespace mlir;

/// FNV-1a of the name: decorrelates the streams of different parameters.
static uint64_t nameHash(llvm::StringRef name) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::vector<double> (::syna::drawTheta)(syna::ParamOp param, uint64_t seed) {
  RankedTensorType type = param.getTensorType();
  int64_t count = type.getNumElements();
  syna::InitializerAttr init = param.getInit();
  llvm::ArrayRef<double> args = init.getArgs().asArrayRef();
  // Fans as documented on #syna.init: fan-in = product of all dimensions but
  // the first; fan-out = first dimension times the receptive field.
  ArrayRef<int64_t> shape = type.getShape();
  double fanIn = 1, receptive = 1;
  for (size_t d = 1; d < shape.size(); ++d)
    fanIn *= shape[d];
  for (size_t d = 2; d < shape.size(); ++d)
    receptive *= shape[d];
  double fanOut = shape.empty() ? 1 : shape[0] * receptive;

  // mt19937_64's stream is fixed by the C++ standard; the distributions are
  // written out here (not std::*_distribution, whose algorithms differ
  // between standard libraries) so θ is the same everywhere.
  std::mt19937_64 gen(seed ^ nameHash(param.getSymName()));
  auto unit = [&] { return (gen() >> 11) * 0x1.0p-53; }; // [0, 1)
  std::vector<double> v(count);
  auto uniform = [&](double lo, double hi) {
    for (double &x : v)
      x = lo + (hi - lo) * unit();
  };
  auto normal = [&](double mean, double stddev) {
    // Box–Muller; 1 − u lies in (0, 1].
    for (double &x : v)
      x = mean + stddev * std::sqrt(-2.0 * std::log(1.0 - unit())) *
                     std::cos(2.0 * M_PI * unit());
  };
  switch (init.getKind()) {
  case syna::InitKind::Zeros:
    std::fill(v.begin(), v.end(), 0.0);
    break;
  case syna::InitKind::Ones:
    std::fill(v.begin(), v.end(), 1.0);
    break;
  case syna::InitKind::Constant:
    std::fill(v.begin(), v.end(), args.empty() ? 0.0 : args[0]);
    break;
  case syna::InitKind::Uniform:
    uniform(args.size() > 0 ? args[0] : 0.0, args.size() > 1 ? args[1] : 1.0);
    break;
  case syna::InitKind::Normal:
    normal(args.size() > 0 ? args[0] : 0.0, args.size() > 1 ? args[1] : 1.0);
    break;
  case syna::InitKind::KaimingUniform: {
    double bound = std::sqrt(6.0 / fanIn);
    uniform(-bound, bound);
    break;
  }
  case syna::InitKind::KaimingNormal:
    normal(0.0, std::sqrt(2.0 / fanIn));
    break;
  case syna::InitKind::XavierUniform: {
    double bound = std::sqrt(6.0 / (fanIn + fanOut));
    uniform(-bound, bound);
    break;
  }
  }
  return v;
}

DenseElementsAttr (::syna::parameterTheta)(syna::ParamOp param, uint64_t seed) {
  RankedTensorType type = param.getTensorType();
  if (Attribute explicitTheta = param->getAttr(::syna::kThetaAttrName)) {
    auto dense = dyn_cast<DenseElementsAttr>(explicitTheta);
    if (!dense || dense.getType() != type)
      return {};
    return dense;
  }
  std::vector<double> v = drawTheta(param, seed);
  if (type.getElementType().isF64())
    return DenseElementsAttr::get(type, llvm::ArrayRef<double>(v));
  std::vector<float> f(v.begin(), v.end());
  return DenseElementsAttr::get(type, llvm::ArrayRef<float>(f));
}
