//===- TypeInference.cpp - shape, type and domain rules of the ops --------===//
//
// The rules of the syna ops (TypeInference.h). Messages name arguments by
// their ODS names and print types with the caller's printer; they read as
// clauses that the dialect prefixes with the op and the front end with the
// built-in's name.
//
//===----------------------------------------------------------------------===//
#include "syna/Dialect/Syna/IR/TypeInference.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace syna {

//===----------------------------------------------------------------------===//
// Value domains
//===----------------------------------------------------------------------===//

Interval intervalOf(ValueDomain domain, int64_t classes) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  switch (domain) {
  case ValueDomain::Probability: return {0, 1, false, false, false};
  case ValueDomain::ProbabilityBelowOne: return {0, 1, false, true, false};
  case ValueDomain::Positive: return {0, inf, true, true, false};
  case ValueDomain::NonNegative: return {0, inf, false, true, false};
  case ValueDomain::ClassIndex:
    return {0, classes < 0 ? inf : double(classes), false, true, true};
  }
  return {-inf, inf, true, true, false};
}

bool contains(const Interval &interval, double value) {
  bool above = interval.lowOpen ? value > interval.low : value >= interval.low;
  bool below =
      interval.highOpen ? value < interval.high : value <= interval.high;
  return above && below && (!interval.integral || value == std::floor(value));
}

/// Numbers as users write them: 1, 0.5, 1e-05.
static std::string number(double value) {
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  std::ostringstream os;
  os.precision(17);
  for (int precision = 1; precision <= 17; ++precision) {
    os.str("");
    os.precision(precision);
    os << value;
    if (std::stod(os.str()) == value)
      break;
  }
  return os.str();
}

std::string describe(const Interval &interval) {
  std::string text = (interval.lowOpen ? "(" : "[") + number(interval.low) +
                     ", " + number(interval.high) +
                     (interval.highOpen ? ")" : "]");
  return interval.integral ? "integers in " + text : text;
}

std::string requirement(const Interval &interval) {
  Interval real = interval;
  real.integral = false;
  return (interval.integral ? "be an integer in " : "lie in ") + describe(real);
}

std::vector<std::string> parameterDomainsFor(ValueDomain domain) {
  switch (domain) {
  case ValueDomain::Probability:
  case ValueDomain::ProbabilityBelowOne: return {"unit"};
  case ValueDomain::Positive:
  case ValueDomain::NonNegative: return {"at_least_one", "positive"};
  case ValueDomain::ClassIndex: return {};
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Rule context
//===----------------------------------------------------------------------===//

std::nullopt_t RuleContext::fail(int argument, std::string message) {
  if (!error)
    error = RuleError{argument, std::move(message)};
  return std::nullopt;
}


//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

namespace rules {

using Operands = std::initializer_list<std::pair<int, const TensorDesc *>>;

bool sameElementType(RuleContext &ctx, Operands operands) {
  const TensorDesc *first = nullptr;
  for (auto [argument, type] : operands) {
    if (!type)
      continue;
    if (!first)
      first = type;
    else if (type->elem != first->elem) {
      ctx.fail(argument, std::string("operands mix element types ") +
                             spell(first->elem) + " and " + spell(type->elem));
      return false;
    }
  }
  return true;
}

bool hasRank(RuleContext &ctx, int argument, const char *name,
             const TensorDesc &type, std::initializer_list<size_t> ranks) {
  std::string expected;
  size_t index = 0;
  for (size_t rank : ranks) {
    if (type.rank() == rank)
      return true;
    expected += (index == 0 ? "" : index + 1 == ranks.size() ? " or " : ", ") +
                std::to_string(rank);
    ++index;
  }
  ctx.fail(argument, std::string(name) + " must have rank " + expected +
                         ", got " + ctx.show(type));
  return false;
}

bool isVector(RuleContext &ctx, int argument, const char *name,
              const TensorDesc *type, const Dim &size, const char *meaning) {
  if (!type || (type->rank() == 1 && compatible(type->dims[0], size)))
    return true;
  ctx.fail(argument, std::string(name) + " must be a vector of " +
                         toString(size) + " (" + meaning + "), got " +
                         ctx.show(*type));
  return false;
}

std::optional<std::vector<Dim>> broadcast(RuleContext &ctx, Operands operands,
                                          std::initializer_list<const char *> names) {
  std::vector<Dim> shape;
  for (auto [argument, type] : operands) {
    if (!type)
      continue;
    const std::vector<Dim> &dims = type->dims;
    std::vector<Dim> next(std::max(shape.size(), dims.size()));
    for (size_t k = 0; k < next.size(); ++k) {
      // NumPy rule: align at the trailing dimension; a static 1 stretches.
      const Dim *a = k < shape.size() ? &shape[shape.size() - 1 - k] : nullptr;
      const Dim *b = k < dims.size() ? &dims[dims.size() - 1 - k] : nullptr;
      Dim &out = next[next.size() - 1 - k];
      if (!a || !b)
        out = a ? *a : *b;
      else if (a->isStatic() && a->size == 1)
        out = *b;
      else if (b->isStatic() && b->size == 1)
        out = *a;
      else if (compatible(*a, *b))
        out = refine(*a, *b);
      else {
        std::string shapes;
        auto name = names.begin();
        for (auto [arg, t] : operands) {
          if (t)
            shapes += (shapes.empty() ? "" : ", ") + std::string(*name) + " " +
                      ctx.show(*t);
          ++name;
        }
        ctx.fail(argument, "shapes do not broadcast (" + shapes +
                               "): dimension " + toString(*a) + " vs " +
                               toString(*b));
        return std::nullopt;
      }
    }
    shape = std::move(next);
  }
  return shape;
}

RuleResult sameAsInput(const TensorDesc &input) { return InferredTypes{input}; }

RuleResult alongAxis(RuleContext &ctx, int axisArgument, const TensorDesc &input,
                     int64_t axis) {
  auto rank = static_cast<int64_t>(input.rank());
  if (axis < -rank || axis >= rank)
    return ctx.fail(axisArgument, "axis " + std::to_string(axis) +
                                      " is out of range for " +
                                      ctx.show(input) + " (rank " +
                                      std::to_string(rank) + ")");
  return InferredTypes{input};
}

RuleResult loss(RuleContext &ctx, int inputArgument, int labelsArgument,
                const TensorDesc &input, const TensorDesc &labels) {
  if (!hasRank(ctx, inputArgument, "input", input, {2}) ||
      !hasRank(ctx, labelsArgument, "labels", labels, {1}))
    return std::nullopt;
  if (!compatible(input.dims[0], labels.dims[0]))
    return ctx.fail(labelsArgument,
                    "the batch of " + toString(input.dims[0]) + " samples (" +
                        ctx.show(input) + ") has " + toString(labels.dims[0]) +
                        " labels (" + ctx.show(labels) + ")");
  return InferredTypes{TensorDesc{input.elem, {}}};
}

/// The largest window entry, and the largest extent a rule creates: the
/// front end's limit on written sizes (docs/robustness.md).
constexpr int64_t kMaxWindowEntry = (int64_t{1} << 31) - 1;

bool isWindowPair(RuleContext &ctx, int argument, const char *name,
                  const std::vector<int64_t> &values, int64_t minimum) {
  if (values.size() != 2) {
    ctx.fail(argument, std::string(name) + " must have 2 entries (h, w), got " +
                           std::to_string(values.size()));
    return false;
  }
  for (int64_t value : values)
    if (value < minimum || value > kMaxWindowEntry) {
      ctx.fail(argument, std::string(name) + " entries must lie in [" +
                             std::to_string(minimum) + ", " +
                             std::to_string(kMaxWindowEntry) + "], got " +
                             std::to_string(value));
      return false;
    }
  return true;
}

/// Whether the extents that the CPU lowering of a window op needs as
/// numbers are static: the input's height and width and, for a convolution,
/// the weight's output channels, height and width. Only the batch (and the
/// channels of a pooling) may vary (docs/language.md).
static bool hasStaticWindow(RuleContext &ctx, int inputArgument,
                            const TensorDesc &input, int weightArgument,
                            const TensorDesc *weight) {
  auto isStatic = [](const Dim &d) { return d.isStatic(); };
  if (weight && !(isStatic(weight->dims[0]) && isStatic(weight->dims[2]) &&
                  isStatic(weight->dims[3]))) {
    ctx.fail(weightArgument, "the output channels, height and width of the weight " +
                           ctx.show(*weight) + " must be static");
    return false;
  }
  if (isStatic(input.dims[2]) && isStatic(input.dims[3]))
    return true;
  ctx.fail(inputArgument, "the height and width of the input " + ctx.show(input) +
                         " must be static: only the batch and channels may "
                         "vary");
  return false;
}

std::optional<std::vector<Dim>>
windowShape(RuleContext &ctx, int argument, const TensorDesc &input,
            const Dim &channels, const Dim &kernelH, const Dim &kernelW,
            const std::vector<int64_t> &strides,
            const std::vector<int64_t> &padding) {
  std::vector<Dim> shape = {input.dims[0], channels};
  const Dim *kernel[2] = {&kernelH, &kernelW};
  for (int d = 0; d < 2; ++d) {
    const Dim &in = input.dims[2 + d];
    if (!in.isStatic() || !kernel[d]->isStatic()) {
      shape.push_back(Dim::unknown());
      continue;
    }
    int64_t padded = in.size + 2 * padding[d];
    if (kernel[d]->size > padded)
      return ctx.fail(argument, "the " + toString(kernelH) + "x" +
                                    toString(kernelW) +
                                    " window is larger than the " +
                                    (padding[d] ? "padded " : "") + "input " +
                                    ctx.show(input));
    shape.push_back(Dim::fixed((padded - kernel[d]->size) / strides[d] + 1));
  }
  return shape;
}

} // namespace rules

//===----------------------------------------------------------------------===//
// Synapses
//===----------------------------------------------------------------------===//

using namespace rules;
constexpr int64_t kMaxDimSize = kMaxWindowEntry;

RuleResult inferSynapse(const SynapseArgs &a, RuleContext &ctx) {
  if (!sameElementType(ctx, {{a.kX, a.x}, {a.kY, a.y}, {a.kBeta, a.beta},
                             {a.kAlpha, a.alpha}}))
    return std::nullopt;
  auto shape = broadcast(ctx, {{a.kX, a.x}, {a.kY, a.y}, {a.kBeta, a.beta},
                               {a.kAlpha, a.alpha}},
                         {"x", "y", "beta", "alpha"});
  if (!shape)
    return std::nullopt;
  return InferredTypes{{a.x->elem, *shape}};
}

RuleResult inferSurprisalSynapse(const SurprisalSynapseArgs &a,
                                 RuleContext &ctx) {
  return inferSynapse({a.x, a.y, a.beta, a.alpha, a.results}, ctx);
}

/// x : B×n, a square β : n×n, α : n → B×n (docs/math.md §4).
static RuleResult synapseTensor(RuleContext &ctx, const TensorDesc &x,
                                const TensorDesc &beta, const TensorDesc *alpha,
                                int xArg, int betaArg, int alphaArg) {
  if (!sameElementType(ctx, {{xArg, &x}, {betaArg, &beta}, {alphaArg, alpha}}) ||
      !hasRank(ctx, xArg, "x", x, {2}) ||
      !hasRank(ctx, betaArg, "beta", beta, {2}))
    return std::nullopt;
  if (!compatible(beta.dims[0], beta.dims[1]))
    return ctx.fail(betaArg, "beta must be square (n x n): the synapse tensor "
                             "has as many outputs as inputs, got " +
                                 ctx.show(beta));
  Dim n = refine(beta.dims[0], beta.dims[1]);
  if (!compatible(x.dims[1], n))
    return ctx.fail(xArg, "x " + ctx.show(x) + " has " + toString(x.dims[1]) +
                              " features but beta " + ctx.show(beta) + " has " +
                              toString(n));
  n = refine(n, x.dims[1]);
  if (!isVector(ctx, alphaArg, "alpha", alpha, n, "one gain per unit"))
    return std::nullopt;
  return InferredTypes{{x.elem, {x.dims[0], n}}};
}

RuleResult inferSynapseDense(const SynapseDenseArgs &a, RuleContext &ctx) {
  return synapseTensor(ctx, *a.x, *a.beta, a.alpha, a.kX, a.kBeta, a.kAlpha);
}

RuleResult inferSurprisalSynapseDense(const SurprisalSynapseDenseArgs &a,
                                      RuleContext &ctx) {
  return synapseTensor(ctx, *a.x, *a.beta, a.alpha, a.kX, a.kBeta, a.kAlpha);
}

RuleResult inferFlipCircuit(const FlipCircuitArgs &a, RuleContext &ctx) {
  if (!sameElementType(ctx, {{a.kX0, a.x0}, {a.kY0, a.y0},
                             {a.kAlpha1, a.alpha1}, {a.kAlpha2, a.alpha2},
                             {a.kBeta1, a.beta1}, {a.kBeta2, a.beta2}}))
    return std::nullopt;
  // One state type: the circuit updates x and y in place, side by side.
  bool sameType = compatible(*a.x0, *a.y0);
  for (size_t d = 0; sameType && d < a.x0->rank(); ++d)
    sameType = a.x0->dims[d].isStatic() == a.y0->dims[d].isStatic();
  if (!sameType)
    return ctx.fail(a.kY0, "x0 and y0 must have the same type, got " +
                               ctx.show(*a.x0) + " and " + ctx.show(*a.y0));
  TensorDesc state = *a.x0;
  for (size_t d = 0; d < state.rank(); ++d)
    state.dims[d] = refine(state.dims[d], a.y0->dims[d]);
  std::pair<int, const TensorDesc *> parameters[] = {{a.kAlpha1, a.alpha1},
                                                     {a.kAlpha2, a.alpha2},
                                                     {a.kBeta1, a.beta1},
                                                     {a.kBeta2, a.beta2}};
  const char *names[] = {"alpha1", "alpha2", "beta1", "beta2"};
  for (int i = 0; i < 4; ++i) {
    const TensorDesc &type = *parameters[i].second;
    if (type.rank() != 0 && !compatible(type, state))
      return ctx.fail(parameters[i].first,
                      std::string(names[i]) +
                          " must be a scalar or have the state's type " +
                          ctx.show(state) + ", got " + ctx.show(type));
  }
  if (a.steps < 0)
    return ctx.fail(a.kSteps, "steps must not be negative, got " +
                                  std::to_string(a.steps));
  InferredTypes results = {state, state};
  if (a.results.size() == 3) {
    // The trajectory holds steps + 1 states.
    if (a.steps >= kMaxDimSize)
      return ctx.fail(a.kSteps, "a trajectory of " + std::to_string(a.steps) +
                                    " steps has too many states");
    TensorDesc trajectory{state.elem, {Dim::fixed(a.steps + 1), Dim::fixed(2)}};
    trajectory.dims.insert(trajectory.dims.end(), state.dims.begin(),
                           state.dims.end());
    results.push_back(trajectory);
  }
  return results;
}

/// Both swap ratios: operands broadcast (docs/math.md §5).
static RuleResult swapRatio(RuleContext &ctx, const TensorDesc *x,
                            const TensorDesc *y, const TensorDesc *beta) {
  if (!sameElementType(ctx, {{0, x}, {1, y}, {2, beta}}))
    return std::nullopt;
  auto shape = broadcast(ctx, {{0, x}, {1, y}, {2, beta}}, {"x", "y", "beta"});
  if (!shape)
    return std::nullopt;
  return InferredTypes{{x->elem, *shape}};
}

RuleResult inferSwapRatio(const SwapRatioArgs &a, RuleContext &ctx) {
  return swapRatio(ctx, a.x, a.y, a.beta);
}

RuleResult inferLogSwapRatio(const LogSwapRatioArgs &a, RuleContext &ctx) {
  return swapRatio(ctx, a.x, a.y, a.beta);
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

RuleResult inferDense(const DenseArgs &a, RuleContext &ctx) {
  if (!sameElementType(ctx, {{a.kInput, a.input}, {a.kWeight, a.weight},
                             {a.kBias, a.bias}}) ||
      !hasRank(ctx, a.kInput, "input", *a.input, {2}) ||
      !hasRank(ctx, a.kWeight, "weight", *a.weight, {2}))
    return std::nullopt;
  const TensorDesc &x = *a.input, &w = *a.weight;
  if (!compatible(x.dims[1], w.dims[1]))
    return ctx.fail(a.kWeight, "input " + ctx.show(x) + " has " +
                                   toString(x.dims[1]) +
                                   " features but the weight " + ctx.show(w) +
                                   " (out x in) expects " + toString(w.dims[1]));
  if (!isVector(ctx, a.kBias, "bias", a.bias, w.dims[0], "one per output"))
    return std::nullopt;
  return InferredTypes{{x.elem, {x.dims[0], w.dims[0]}}};
}

RuleResult inferConv2D(const Conv2DArgs &a, RuleContext &ctx) {
  if (!sameElementType(ctx, {{a.kInput, a.input}, {a.kWeight, a.weight},
                             {a.kBias, a.bias}}) ||
      !hasRank(ctx, a.kInput, "input (NCHW)", *a.input, {4}) ||
      !hasRank(ctx, a.kWeight, "weight (OCHW)", *a.weight, {4}) ||
      !isWindowPair(ctx, a.kStrides, "strides", a.strides, 1) ||
      !isWindowPair(ctx, a.kPadding, "padding", a.padding, 0))
    return std::nullopt;
  const TensorDesc &x = *a.input, &w = *a.weight;
  if (!compatible(x.dims[1], w.dims[1]))
    return ctx.fail(a.kWeight, "input " + ctx.show(x) + " has " +
                                   toString(x.dims[1]) +
                                   " channels but the weight " + ctx.show(w) +
                                   " (out x in x kh x kw) expects " +
                                   toString(w.dims[1]));
  if (!isVector(ctx, a.kBias, "bias", a.bias, w.dims[0],
                "one per output channel"))
    return std::nullopt;
  if (!hasStaticWindow(ctx, a.kInput, x, a.kWeight, &w))
    return std::nullopt;
  auto shape = windowShape(ctx, a.kWeight, x, w.dims[0], w.dims[2], w.dims[3],
                           a.strides, a.padding);
  if (!shape)
    return std::nullopt;
  return InferredTypes{{x.elem, *shape}};
}

RuleResult inferMaxPool2D(const MaxPool2DArgs &a, RuleContext &ctx) {
  if (!hasRank(ctx, a.kInput, "input (NCHW)", *a.input, {4}) ||
      !isWindowPair(ctx, a.kKernel, "kernel", a.kernel, 1))
    return std::nullopt;
  const std::vector<int64_t> &strides = a.strides ? *a.strides : a.kernel;
  if (a.strides && !isWindowPair(ctx, a.kStrides, "strides", strides, 1))
    return std::nullopt;
  const TensorDesc &x = *a.input;
  if (!hasStaticWindow(ctx, a.kInput, x, a.kInput, nullptr))
    return std::nullopt;
  auto shape = windowShape(ctx, a.kKernel, x, x.dims[1],
                           Dim::fixed(a.kernel[0]), Dim::fixed(a.kernel[1]),
                           strides, {0, 0});
  if (!shape)
    return std::nullopt;
  return InferredTypes{{x.elem, *shape}};
}

RuleResult inferBatchNorm(const BatchNormArgs &a, RuleContext &ctx) {
  if (!sameElementType(ctx, {{a.kInput, a.input}, {a.kScale, a.scale},
                             {a.kShift, a.shift},
                             {a.kRunningMean, a.runningMean},
                             {a.kRunningVar, a.runningVar}}) ||
      !hasRank(ctx, a.kInput, "input", *a.input, {2, 4}))
    return std::nullopt;
  const Dim &channels = a.input->dims[1];
  std::pair<int, const TensorDesc *> vectors[] = {
      {a.kScale, a.scale}, {a.kShift, a.shift},
      {a.kRunningMean, a.runningMean}, {a.kRunningVar, a.runningVar}};
  const char *names[] = {"scale", "shift", "running_mean", "running_var"};
  for (int i = 0; i < 4; ++i) {
    if (!isVector(ctx, vectors[i].first, names[i], vectors[i].second, channels,
                  "one per channel"))
      return std::nullopt;
    // One type for the four, static or not: they are updated in place.
    const TensorDesc &first = *a.scale, &type = *vectors[i].second;
    if (type.dims[0].isStatic() != first.dims[0].isStatic())
      return ctx.fail(vectors[i].first,
                      "scale, shift, running_mean and running_var must have "
                      "one type, got " +
                          ctx.show(first) + " and " + ctx.show(type));
  }
  if (!(a.epsilon > 0))
    return ctx.fail(a.kEpsilon, "epsilon must be positive, got " +
                                    number(a.epsilon));
  if (!(a.momentum >= 0 && a.momentum <= 1))
    return ctx.fail(a.kMomentum, "momentum must lie in [0, 1], got " +
                                     number(a.momentum));
  return InferredTypes{*a.input, *a.scale, *a.scale};
}

RuleResult inferDropout(const DropoutArgs &a, RuleContext &ctx) {
  if (!(a.rate >= 0 && a.rate < 1))
    return ctx.fail(a.kRate, "rate must lie in [0, 1), got " + number(a.rate));
  if (a.training && !a.key)
    return ctx.fail(a.kTraining,
                    "training mode needs a key, or every step drops the same "
                    "elements: dropout(x, rate, key = k, training = true)");
  return InferredTypes{*a.input};
}

RuleResult inferReshape(const ReshapeArgs &a, RuleContext &ctx) {
  // The front end passes its shape argument, the dialect the op's result.
  if (a.results.size() != 1)
    return ctx.fail(kStatedResults, "internal error: no target shape");
  const TensorDesc &in = *a.input, &out = a.results[0];
  std::vector<const Dim *> inDynamic, outDynamic;
  for (const Dim &d : in.dims)
    if (!d.isStatic())
      inDynamic.push_back(&d);
  for (const Dim &d : out.dims)
    if (!d.isStatic())
      outDynamic.push_back(&d);
  if (inDynamic.size() > 1 || outDynamic.size() != inDynamic.size())
    return ctx.fail(kStatedResults,
                    "input and target may each have one dynamic dimension, "
                    "and as many: " +
                            ctx.show(in) + " has " +
                            std::to_string(inDynamic.size()) + ", the target " +
                            ctx.show(out) + " has " +
                            std::to_string(outDynamic.size()));
  if (!inDynamic.empty() && !compatible(*inDynamic[0], *outDynamic[0]))
    return ctx.fail(kStatedResults,
                    "the target must keep the dimension " +
                        toString(*inDynamic[0]) +
                            " of " + ctx.show(in) + ", got " +
                            ctx.show(out));
  std::optional<int64_t> inCount = staticElementCount(in.dims);
  std::optional<int64_t> outCount = staticElementCount(out.dims);
  if (!inCount || !outCount)
    return ctx.fail(kStatedResults, "the shape has too many elements");
  if (*inCount != *outCount) {
    std::string times = inDynamic.empty() ? "" : "x";
    return ctx.fail(kStatedResults, "cannot reshape " + ctx.show(in) + " (" +
                                        times +
                            std::to_string(*inCount) + " elements) to " +
                            ctx.show(out) + " (" + times +
                            std::to_string(*outCount) + " elements)");
  }
  return InferredTypes{{in.elem, out.dims}};
}

RuleResult inferFlatten(const FlattenArgs &a, RuleContext &ctx) {
  const TensorDesc &in = *a.input;
  if (!hasRank(ctx, a.kInput, "input", in, {2, 3, 4, 5}))
    return std::nullopt;
  std::vector<Dim> features(in.dims.begin() + 1, in.dims.end());
  Dim flat = Dim::unknown();
  bool allStatic = true;
  for (const Dim &d : features)
    allStatic &= d.isStatic();
  if (allStatic) {
    std::optional<int64_t> count =
        staticElementCount(features, (int64_t{1} << 31) - 1);
    if (!count)
      return ctx.fail(a.kInput, "flattening " + ctx.show(in) +
                                    " gives too many features");
    flat = Dim::fixed(*count);
  }
  return InferredTypes{{in.elem, {in.dims[0], flat}}};
}

} // namespace syna
