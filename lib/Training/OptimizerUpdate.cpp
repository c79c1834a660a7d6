//===- OptimizerUpdate.cpp - one optimizer step of one parameter ----------===//
//
// θ and the optimizer state are the destinations of one linalg.generic that
// reads and rewrites them (read-modify-write). Destinations that the payload
// did not read would be canonicalized into tensor.empty, CSE'd into one
// value, and one-shot bufferization would then give the results a single
// buffer.
//
//===----------------------------------------------------------------------===//
#include "OptimizerUpdate.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "syna/Training/Passes.h"

using namespace mlir;

namespace syna {

static Value constantOf(OpBuilder &b, Location loc, Type type, double v) {
  return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, v));
}

/// The names of the buffers that hold the state of `optimizer` for `name`.
static SmallVector<std::string> stateNames(const OptimizerSpec &optimizer,
                                           StringRef name) {
  std::string prefix = kOptPrefix.str();
  if (optimizer.kind == OptimizerKind::Adam)
    return {prefix + "m_" + name.str(), prefix + "v_" + name.str()};
  if (optimizer.momentum > 0)
    return {prefix + "m_" + name.str()};
  return {};
}

/// Adam's bias corrections from the step count t ≥ 1:
/// lr_t = lr·√(1 − β2^t)/(1 − β1^t) and √(1 − β2^t), which scales ε.
static std::pair<Value, Value> adamCorrections(OpBuilder &b, Location loc,
                                               Type type, Value lr, Value step,
                                               const OptimizerSpec &opt) {
  Value t = arith::SIToFPOp::create(b, loc, type, step);
  Value one = constantOf(b, loc, type, 1.0);
  Value p1 = math::PowFOp::create(b, loc, constantOf(b, loc, type, opt.beta1), t);
  Value p2 = math::PowFOp::create(b, loc, constantOf(b, loc, type, opt.beta2), t);
  Value c1 = arith::SubFOp::create(b, loc, one, p1);
  Value c2 = math::SqrtOp::create(b, loc, arith::SubFOp::create(b, loc, one, p2));
  Value lrT = arith::DivFOp::create(b, loc, arith::MulFOp::create(b, loc, lr, c2), c1);
  return {lrT, c2};
}

/// The payload: a = (g, θ, state...) → (θ', state'...).
static SmallVector<Value> updatePayload(OpBuilder &b, Location l, Type type,
                                        ValueRange a, Value lr, Value epsScale,
                                        const OptimizerSpec &opt) {
  auto c = [&](double v) { return constantOf(b, l, type, v); };
  auto add = [&](Value p, Value q) -> Value { return arith::AddFOp::create(b, l, p, q); };
  auto mul = [&](Value p, Value q) -> Value { return arith::MulFOp::create(b, l, p, q); };
  Value g = a[0], theta = a[1];
  if (opt.weightDecay > 0)
    g = add(g, mul(c(opt.weightDecay), theta));
  SmallVector<Value> yields(1);
  Value direction = g;
  if (opt.kind == OptimizerKind::Adam) {
    Value m = add(mul(c(opt.beta1), a[2]), mul(c(1 - opt.beta1), g));
    Value v = add(mul(c(opt.beta2), a[3]), mul(c(1 - opt.beta2), mul(g, g)));
    Value denominator = add(math::SqrtOp::create(b, l, v), mul(c(opt.eps), epsScale));
    direction = arith::DivFOp::create(b, l, m, denominator);
    yields.append({m, v});
  } else if (opt.momentum > 0) {
    Value m = add(mul(c(opt.momentum), a[2]), g);
    direction = opt.nesterov ? add(g, mul(c(opt.momentum), m)) : m;
    yields.push_back(m);
  }
  yields[0] = arith::SubFOp::create(b, l, theta, mul(lr, direction));
  return yields;
}

void buildOptimizerUpdate(OpBuilder &b, ModuleOp module, Operation *stateAnchor,
                          ParamOp param, const UpdateInputs &inputs,
                          const OptimizerSpec &opt) {
  MLIRContext *ctx = module.getContext();
  Location loc = param.getLoc();
  RankedTensorType type = param.getTensorType();
  Type elementType = type.getElementType();
  Value lr = inputs.learningRate;
  if (lr.getType() != elementType)
    lr = arith::ExtFOp::create(b, loc, elementType, lr);
  Value epsScale;
  if (opt.kind == OptimizerKind::Adam)
    std::tie(lr, epsScale) =
        adamCorrections(b, loc, elementType, lr, inputs.step, opt);

  SmallVector<std::string> states = stateNames(opt, param.getSymName());
  SmallVector<Value> outs{ParamReadOp::create(b, loc, type, param.getSymName())};
  OpBuilder declare(stateAnchor);
  for (const std::string &state : states) {
    if (!module.lookupSymbol(state))
      ParamOp::create(declare, loc, state, type,
                      InitializerAttr::get(ctx, InitKind::Zeros,
                                           DenseF64ArrayAttr::get(ctx, {})),
                      Domain::Real, /*buffer=*/true);
    outs.push_back(ParamReadOp::create(b, loc, type, state));
  }
  SmallVector<AffineMap> maps(1 + outs.size(),
                              b.getMultiDimIdentityMap(type.getRank()));
  SmallVector<utils::IteratorType> iterators(type.getRank(),
                                             utils::IteratorType::parallel);
  auto update = linalg::GenericOp::create(
      b, loc, TypeRange(ValueRange(outs)), ValueRange{inputs.gradient}, outs,
      maps, iterators, [&](OpBuilder &nb, Location l, ValueRange a) {
        linalg::YieldOp::create(
            nb, l, updatePayload(nb, l, elementType, a, lr, epsScale, opt));
      });
  ParamWriteOp::create(b, loc, param.getSymName(), update.getResult(0));
  for (auto [i, state] : llvm::enumerate(states))
    ParamWriteOp::create(b, loc, state, update.getResult(1 + i));
}

} // namespace syna
