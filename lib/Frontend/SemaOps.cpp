//===- SemaOps.cpp - argument and shape rules of the built-in ops ---------===//
//
// These rules mirror the syna dialect's verifiers (dialect/Syna/IR/
// SynaOps.cpp) on the front end's richer shapes, where a dimension may be
// a name: a static size never matches a name, so `f32[B, 64]` and
// `f32[100, 64]` are reported as a mismatch rather than deferred to run time.
//
//===----------------------------------------------------------------------===//
#include "SemaImpl.h"

#include <cmath>
#include <set>

namespace syna::frontend {

class OpChecker {
public:
  OpChecker(Sema &sema, CallExpr &call, const OpSignature &op)
      : sema_(sema), diags_(sema.diags_), call_(call), op_(op) {}

  std::vector<Type> run();

private:
  Expr *arg(size_t i) const { return call_.bound[i]; }
  std::string argName(size_t i) const {
    return concat("argument '", op_.args[i].name, "' of '", op_.name, "'");
  }
  Loc locOf(size_t i) const {
    return arg(i) ? arg(i)->loc : call_.callee.loc;
  }
  void fail(Loc loc, std::string message) {
    diags_.error(loc, std::move(message));
    ok_ = false;
  }

  void evaluate(size_t i);
  std::optional<int64_t> constInt(Expr &expr, size_t i);
  std::optional<double> constFloat(Expr &expr, size_t i);
  void decodePair(Expr &expr, size_t i, std::vector<int64_t> &out);
  void decodeShape(Expr &expr, size_t i);

  bool hasRank(size_t i, std::initializer_list<size_t> ranks);
  bool isVector(size_t i, const Dim &size, const char *meaning);
  std::optional<std::vector<Dim>> broadcast(std::initializer_list<size_t> args);
  std::optional<std::vector<Dim>> window(const Type &input, const Dim &channels,
                                         const Dim &kh, const Dim &kw,
                                         const std::vector<int64_t> &strides,
                                         const std::vector<int64_t> &padding);
  /// Domain and constant-range checks for β (unit) and α (positive).
  void checkBeta(size_t i, bool surprisal = false);
  void checkAlpha(size_t i);

  std::vector<Type> infer();

  Sema &sema_;
  DiagnosticEngine &diags_;
  CallExpr &call_;
  const OpSignature &op_;
  std::vector<Type> types_;
  std::vector<Dim> shape_; // reshape's target
  bool ok_ = true;
};

std::vector<Type> OpChecker::run() {
  std::vector<std::string_view> names;
  std::vector<bool> required;
  std::string signature = concat(op_.name, "(");
  for (const OpArg &arg : op_.args) {
    signature += concat(names.empty() ? "" : ", ", arg.name,
                        arg.required ? "" : " = ...");
    names.push_back(arg.name);
    required.push_back(arg.required);
  }
  signature += ")";
  std::vector<Type> errors(op_.numResults, Type::error());
  call_.op = &op_;
  if (!sema_.bindArguments(call_, names, required, signature))
    return errors;

  types_.assign(op_.args.size(), Type::error());
  for (size_t i = 0; i < op_.args.size(); ++i)
    if (arg(i))
      evaluate(i);
  if (!ok_)
    return errors;

  // Constants among the operands take the element type of the first tensor
  // operand, as scalar tensors (the ops broadcast them).
  DType elem = DType::F32;
  for (size_t i = 0; i < op_.args.size(); ++i)
    if (op_.args[i].kind == ArgKind::Tensor && types_[i].isTensor()) {
      elem = types_[i].elem;
      break;
    }
  for (size_t i = 0; i < op_.args.size(); ++i) {
    if (op_.args[i].kind != ArgKind::Tensor || !types_[i].isNumber())
      continue;
    Type scalar = Type::tensor(elem, {});
    if (sema_.coerce(*arg(i), scalar, argName(i)))
      types_[i] = scalar;
    else
      ok_ = false;
  }
  for (size_t i = 0; i < op_.args.size(); ++i)
    if (op_.args[i].kind == ArgKind::Tensor && types_[i].isTensor() &&
        types_[i].elem != elem)
      fail(locOf(i), concat("'", op_.name, "' mixes element types ",
                            spell(elem), " and ", spell(types_[i].elem)));
  if (!ok_)
    return errors;

  std::vector<Type> results = infer();
  if (!ok_ || results.size() != op_.numResults)
    return errors;
  // Large strides and padding can inflate a window's output: keep results
  // within the limits of written types.
  for (const Type &result : results) {
    int64_t elements = 1;
    for (const Dim &dim : result.dims) {
      std::optional<int64_t> product =
          dim.isStatic() ? checkedMul(elements, dim.size) : elements;
      if (dim.size > kMaxDimSize || !product || *product > (int64_t{1} << 48)) {
        fail(call_.callee.loc, concat("the result of '", op_.name, "', ",
                                      toString(result),
                                      ", would have too many elements"));
        return errors;
      }
      elements = *product;
    }
  }
  call_.results = results;
  return results;
}

//===----------------------------------------------------------------------===//
// Arguments
//===----------------------------------------------------------------------===//

std::optional<int64_t> OpChecker::constInt(Expr &expr, size_t i) {
  Type type = sema_.checkExpr(expr);
  if (type.isError()) {
    ok_ = false;
    return std::nullopt;
  }
  if (!type.isNumber() || !type.integral || std::fabs(type.number) > 9.0e15) {
    fail(expr.loc, concat(argName(i), " must be an integer constant"));
    return std::nullopt;
  }
  return static_cast<int64_t>(type.number);
}

std::optional<double> OpChecker::constFloat(Expr &expr, size_t i) {
  Type type = sema_.checkExpr(expr);
  if (type.isError()) {
    ok_ = false;
    return std::nullopt;
  }
  if (!type.isNumber()) {
    fail(expr.loc, concat(argName(i), " must be a numeric constant"));
    return std::nullopt;
  }
  return type.number;
}

void OpChecker::decodePair(Expr &expr, size_t i, std::vector<int64_t> &out) {
  auto *list = as<ListExpr>(&expr);
  if (!list || list->elements.size() != 2) {
    fail(expr.loc, concat(argName(i),
                          " must be a pair of integers such as [2, 2]"));
    return;
  }
  out.clear();
  for (ExprPtr &element : list->elements) {
    std::optional<int64_t> value = constInt(*element, i);
    if (!value)
      return;
    out.push_back(*value);
  }
}

void OpChecker::decodeShape(Expr &expr, size_t i) {
  auto *list = as<ListExpr>(&expr);
  if (!list) {
    fail(expr.loc, concat(argName(i),
                          " must be a list of sizes and dimension names, "
                          "such as [B, 20, 4, 4]"));
    return;
  }
  if (list->elements.size() > kMaxRank) {
    fail(expr.loc, concat(argName(i), " has rank ", list->elements.size(),
                          " (at most ", kMaxRank, ")"));
    return;
  }
  for (ExprPtr &element : list->elements) {
    if (auto *name = as<NameExpr>(element.get());
        name && sema_.scope_ && sema_.scope_->dims.count(name->name)) {
      shape_.push_back(Dim::named(name->name));
      continue;
    }
    if (auto *name = as<NameExpr>(element.get());
        name && !(sema_.scope_ && sema_.scope_->locals.count(name->name))) {
      fail(name->loc, concat("unknown dimension '", name->name, "' in ",
                             argName(i)));
      continue;
    }
    std::optional<int64_t> size = constInt(*element, i);
    if (!size)
      continue;
    if (*size <= 0 || *size > kMaxDimSize) {
      fail(element->loc, concat("dimension size ", *size, " in ", argName(i),
                                " must lie in [1, ", kMaxDimSize, "]"));
      continue;
    }
    shape_.push_back(Dim::fixed(*size));
  }
}

void OpChecker::evaluate(size_t i) {
  Expr &expr = *arg(i);
  OpAttrs &attrs = call_.attrs;
  switch (op_.args[i].kind) {
  case ArgKind::Tensor: {
    Type type = sema_.checkExpr(expr);
    types_[i] = type;
    if (type.isError())
      ok_ = false;
    else if (!type.isNumber() && !type.isFloatTensor())
      fail(expr.loc, concat(argName(i), " must be a float tensor, got ",
                            toString(type)));
    return;
  }
  case ArgKind::Labels: {
    Type type = sema_.checkExpr(expr);
    types_[i] = type;
    if (type.isError())
      ok_ = false;
    else if (!type.isTensor() || isFloat(type.elem))
      fail(expr.loc, concat(argName(i), " must be a tensor of class indices "
                                        "(i32[...] or i64[...]), got ",
                            toString(type)));
    return;
  }
  case ArgKind::Key: {
    Type type = sema_.checkExpr(expr);
    types_[i] = type;
    if (type.isError())
      ok_ = false;
    else if (type.isNumber())
      ok_ &= sema_.coerce(expr, Type::key(), argName(i));
    else if (type.kind != Type::Key)
      fail(expr.loc, concat(argName(i), " must be an i64 key, got ",
                            toString(type)));
    return;
  }
  case ArgKind::Int:
    if (std::optional<int64_t> value = constInt(expr, i)) {
      if (op_.kind == OpKind::FlipCircuit)
        attrs.steps = *value;
      else
        attrs.axis = *value;
    }
    return;
  case ArgKind::Float:
    if (std::optional<double> value = constFloat(expr, i)) {
      std::string_view name = op_.args[i].name;
      if (name == "epsilon")
        attrs.epsilon = *value;
      else if (name == "momentum")
        attrs.momentum = *value;
      else
        attrs.rate = *value;
    }
    return;
  case ArgKind::Bool:
    if (auto *flag = as<BoolExpr>(&expr))
      attrs.training = flag->value;
    else
      fail(expr.loc, concat(argName(i), " must be true or false"));
    return;
  case ArgKind::IntPair:
    if (op_.args[i].name == "padding") {
      decodePair(expr, i, attrs.padding);
    } else if (op_.args[i].name == "kernel") {
      decodePair(expr, i, attrs.kernel);
    } else {
      decodePair(expr, i, attrs.strides);
      attrs.hasStrides = true;
    }
    return;
  case ArgKind::Shape:
    decodeShape(expr, i);
    return;
  case ArgKind::Reduction: {
    auto *name = as<NameExpr>(&expr);
    if (name && (name->name == "mean" || name->name == "sum"))
      attrs.sumReduction = name->name == "sum";
    else
      fail(expr.loc, concat(argName(i), " must be mean or sum"));
    return;
  }
  }
}

//===----------------------------------------------------------------------===//
// Shape helpers
//===----------------------------------------------------------------------===//

bool OpChecker::hasRank(size_t i, std::initializer_list<size_t> ranks) {
  for (size_t rank : ranks)
    if (types_[i].rank() == rank)
      return true;
  std::string expected;
  size_t index = 0;
  for (size_t rank : ranks) {
    const char *separator = index == 0                  ? ""
                            : index + 1 == ranks.size() ? " or "
                                                        : ", ";
    expected += concat(separator, rank);
    ++index;
  }
  fail(locOf(i), concat(argName(i), " must have rank ", expected, ", got ",
                        toString(types_[i])));
  return false;
}

bool OpChecker::isVector(size_t i, const Dim &size, const char *meaning) {
  if (!arg(i))
    return true;
  const Type &type = types_[i];
  if (type.rank() == 1 && compatible(type.dims[0], size))
    return true;
  fail(locOf(i), concat(argName(i), " must be ", spell(type.elem), "[",
                        toString(size), "] (", meaning, "), got ",
                        toString(type)));
  return false;
}

std::optional<std::vector<Dim>>
OpChecker::broadcast(std::initializer_list<size_t> args) {
  std::vector<Dim> shape;
  for (size_t i : args) {
    if (!arg(i))
      continue;
    const std::vector<Dim> &dims = types_[i].dims;
    std::vector<Dim> next(std::max(shape.size(), dims.size()));
    for (size_t k = 0; k < next.size(); ++k) {
      // Align at the trailing dimension.
      const Dim *a = k < shape.size() ? &shape[shape.size() - 1 - k] : nullptr;
      const Dim *b = k < dims.size() ? &dims[dims.size() - 1 - k] : nullptr;
      Dim &out = next[next.size() - 1 - k];
      if (!a || !b) {
        out = a ? *a : *b;
      } else if (a->isStatic() && a->size == 1) {
        out = *b;
      } else if (b->isStatic() && b->size == 1) {
        out = *a;
      } else if (compatible(*a, *b)) {
        out = refine(*a, *b);
      } else {
        std::string shapes;
        for (size_t j : args)
          if (arg(j))
            shapes += concat(shapes.empty() ? "" : ", ", op_.args[j].name,
                             " ", toString(types_[j]));
        fail(locOf(i),
             concat("shapes of '", op_.name, "' do not broadcast (", shapes,
                    "): dimension ", toString(*a), " vs ", toString(*b)));
        return std::nullopt;
      }
    }
    shape = std::move(next);
  }
  return shape;
}

std::optional<std::vector<Dim>>
OpChecker::window(const Type &input, const Dim &channels, const Dim &kh,
                  const Dim &kw, const std::vector<int64_t> &strides,
                  const std::vector<int64_t> &padding) {
  std::vector<Dim> shape = {input.dims[0], channels};
  const Dim *kernel[2] = {&kh, &kw};
  for (int d = 0; d < 2; ++d) {
    const Dim &in = input.dims[2 + d];
    if (!in.isStatic() || !kernel[d]->isStatic()) {
      shape.push_back(Dim::unknown());
      continue;
    }
    int64_t padded = in.size + 2 * padding[d];
    if (kernel[d]->size > padded) {
      fail(call_.callee.loc,
           concat("the ", kh.isStatic() ? toString(kh) : "?", "x",
                  kw.isStatic() ? toString(kw) : "?", " window of '", op_.name,
                  "' is larger than the ", padding[d] ? "padded " : "",
                  "input ", toString(input)));
      return std::nullopt;
    }
    shape.push_back(Dim::fixed((padded - kernel[d]->size) / strides[d] + 1));
  }
  return shape;
}

void OpChecker::checkBeta(size_t i, bool surprisal) {
  Expr *expr = arg(i);
  if (!expr)
    return;
  if (auto *name = as<NameExpr>(expr);
      name && name->binding && name->binding->kind == Binding::Param) {
    const std::string &domain = name->binding->param->domainName;
    bool good = surprisal ? (domain == "positive" || domain == "at_least_one")
                          : domain == "unit";
    if (!good)
      fail(expr->loc,
           surprisal
               ? concat("parameter '", name->name, "' is the surprisal -log(beta) of '",
                        op_.name, "' but its domain is ", domain,
                        "; declare it 'in positive' so that it stays >= 0")
               : concat("parameter '", name->name, "' is the beta of '",
                        op_.name, "' but its domain is ", domain,
                        "; declare it 'in unit' so that beta = sigmoid(theta) "
                        "stays in (0, 1)"));
    return;
  }
  if (!expr->type.isNumber())
    return;
  // Check the value the constant will have in its element type.
  double value = expr->type.number;
  if (expr->coerced.elem == DType::F32)
    value = static_cast<float>(value);
  if (surprisal && !(value >= 0))
    fail(expr->loc, concat("the surprisal -log(beta) of '", op_.name,
                           "' must be >= 0, got ", expr->type.number));
  if (!surprisal && !(value >= 0 && value <= 1))
    fail(expr->loc, concat("beta of '", op_.name, "' must lie in [0, 1], got ",
                           expr->type.number));
}

void OpChecker::checkAlpha(size_t i) {
  Expr *expr = arg(i);
  if (!expr)
    return;
  if (auto *name = as<NameExpr>(expr);
      name && name->binding && name->binding->kind == Binding::Param) {
    const std::string &domain = name->binding->param->domainName;
    if (domain != "at_least_one" && domain != "positive")
      fail(expr->loc, concat("parameter '", name->name, "' is the alpha of '",
                             op_.name, "' but its domain is ", domain,
                             "; declare it 'in at_least_one' so that alpha = "
                             "1 + softplus(theta) stays >= 1"));
    return;
  }
  if (!expr->type.isNumber())
    return;
  double value = expr->type.number;
  if (expr->coerced.elem == DType::F32)
    value = static_cast<float>(value);
  if (!(value > 0))
    fail(expr->loc, concat("alpha of '", op_.name, "' must be positive, got ",
                           expr->type.number));
}

//===----------------------------------------------------------------------===//
// Result types
//===----------------------------------------------------------------------===//

std::vector<Type> OpChecker::infer() {
  const std::vector<Type> &t = types_;
  const OpAttrs &attrs = call_.attrs;
  DType elem = t[0].elem;
  auto tensor = [&](std::vector<Dim> dims) {
    return Type::tensor(elem, std::move(dims));
  };

  switch (op_.kind) {
  case OpKind::Surprisal:
  case OpKind::Prob:
  case OpKind::Conjugate:
  case OpKind::BoseEinstein:
  case OpKind::Odds:
  case OpKind::Relu:
  case OpKind::Sigmoid:
    return {t[0]};

  case OpKind::Synapse: {
    checkBeta(2);
    checkAlpha(3);
    auto shape = broadcast({0, 1, 2, 3});
    if (!shape)
      return {};
    return {tensor(*shape)};
  }

  case OpKind::SwapRatio:
  case OpKind::LogSwapRatio: {
    checkBeta(2, op_.kind == OpKind::LogSwapRatio);
    // Operands of one shape, or scalars, which the dialect broadcasts.
    std::optional<std::vector<Dim>> shape;
    for (size_t i = 0; i < 3; ++i) {
      if (t[i].rank() == 0)
        continue;
      if (!shape) {
        shape = t[i].dims;
        continue;
      }
      Type merged = tensor(*shape);
      if (!compatible(merged, t[i])) {
        fail(locOf(i), concat("operands of '", op_.name,
                              "' must have one shape (or be scalars), got ",
                              toString(merged), " and ", toString(t[i])));
        return {};
      }
      for (size_t d = 0; d < shape->size(); ++d)
        (*shape)[d] = refine((*shape)[d], t[i].dims[d]);
    }
    return {tensor(shape ? *shape : std::vector<Dim>{})};
  }

  case OpKind::SynapseDense: {
    checkBeta(1);
    checkAlpha(2);
    if (!hasRank(0, {2}) || !hasRank(1, {2}))
      return {};
    const Type &x = t[0], &beta = t[1];
    if (!compatible(beta.dims[0], beta.dims[1])) {
      fail(locOf(1), concat("beta of 'synapse_dense' must be square (n x n): "
                            "the synapse tensor has as many outputs as "
                            "inputs, got ",
                            toString(beta)));
      return {};
    }
    Dim n = refine(beta.dims[0], beta.dims[1]);
    if (!compatible(x.dims[1], n)) {
      fail(locOf(0), concat("'synapse_dense' input ", toString(x), " has ",
                            toString(x.dims[1]), " features but beta ",
                            toString(beta), " has ", toString(n)));
      return {};
    }
    n = refine(n, x.dims[1]);
    if (!isVector(2, n, "one gain per unit"))
      return {};
    return {tensor({x.dims[0], n})};
  }

  case OpKind::FlipCircuit: {
    checkAlpha(2);
    checkAlpha(3);
    checkBeta(4);
    checkBeta(5);
    if (!compatible(t[0], t[1])) {
      fail(locOf(1), concat("x0 and y0 of 'flip_circuit' must have the same "
                            "type, got ",
                            toString(t[0]), " and ", toString(t[1])));
      return {};
    }
    Type state = t[0];
    for (size_t d = 0; d < state.rank(); ++d)
      state.dims[d] = refine(state.dims[d], t[1].dims[d]);
    for (size_t i = 2; i < 6; ++i)
      if (t[i].rank() != 0 && !compatible(t[i], state))
        fail(locOf(i), concat(argName(i), " must be a scalar or have the "
                                          "state's type ",
                              toString(state), ", got ", toString(t[i])));
    if (attrs.steps < 0)
      fail(locOf(6), "the number of steps must not be negative");
    return {state, state};
  }

  case OpKind::Dense: {
    if (!hasRank(0, {2}) || !hasRank(1, {2}))
      return {};
    const Type &x = t[0], &w = t[1];
    if (!compatible(x.dims[1], w.dims[1])) {
      fail(locOf(1), concat("'dense' input ", toString(x), " has ",
                            toString(x.dims[1]), " features but the weight ",
                            toString(w), " (out x in) expects ",
                            toString(w.dims[1])));
      return {};
    }
    if (!isVector(2, w.dims[0], "one per output"))
      return {};
    return {tensor({x.dims[0], w.dims[0]})};
  }

  case OpKind::Conv2D: {
    if (!hasRank(0, {4}) || !hasRank(1, {4}))
      return {};
    const Type &x = t[0], &w = t[1];
    for (int64_t stride : attrs.strides)
      if (stride < 1 || stride > kMaxDimSize) {
        fail(locOf(3), concat("strides of 'conv2d' must lie in [1, ",
                              kMaxDimSize, "], got ", stride));
        break;
      }
    for (int64_t pad : attrs.padding)
      if (pad < 0 || pad > kMaxDimSize) {
        fail(locOf(4), concat("padding of 'conv2d' must lie in [0, ",
                              kMaxDimSize, "], got ", pad));
        break;
      }
    if (!ok_)
      return {};
    if (!compatible(x.dims[1], w.dims[1])) {
      fail(locOf(1), concat("'conv2d' input ", toString(x), " has ",
                            toString(x.dims[1]), " channels but the weight ",
                            toString(w), " (out x in x kh x kw) expects ",
                            toString(w.dims[1])));
      return {};
    }
    if (!isVector(2, w.dims[0], "one per output channel"))
      return {};
    auto shape = window(x, w.dims[0], w.dims[2], w.dims[3], attrs.strides,
                        attrs.padding);
    if (!shape)
      return {};
    return {tensor(*shape)};
  }

  case OpKind::MaxPool2D: {
    if (!hasRank(0, {4}))
      return {};
    const std::vector<int64_t> &strides =
        attrs.hasStrides ? attrs.strides : attrs.kernel;
    for (int64_t k : attrs.kernel)
      if (k < 1 || k > kMaxDimSize) {
        fail(locOf(1), concat("kernel of 'max_pool2d' must lie in [1, ",
                              kMaxDimSize, "], got ", k));
        break;
      }
    for (int64_t stride : attrs.hasStrides ? strides : std::vector<int64_t>())
      if (stride < 1 || stride > kMaxDimSize) {
        fail(locOf(2), concat("strides of 'max_pool2d' must lie in [1, ",
                              kMaxDimSize, "], got ", stride));
        break;
      }
    if (!ok_)
      return {};
    auto shape = window(t[0], t[0].dims[1], Dim::fixed(attrs.kernel[0]),
                        Dim::fixed(attrs.kernel[1]), strides, {0, 0});
    if (!shape)
      return {};
    return {tensor(*shape)};
  }

  case OpKind::Softmax:
  case OpKind::LogSoftmax: {
    auto rank = static_cast<int64_t>(t[0].rank());
    if (attrs.axis < -rank || attrs.axis >= rank) {
      fail(locOf(1), concat("axis ", attrs.axis, " of '", op_.name,
                            "' is out of range for ", toString(t[0]),
                            " (rank ", rank, ")"));
      return {};
    }
    return {t[0]};
  }

  case OpKind::BatchNorm: {
    if (!hasRank(0, {2, 4}))
      return {};
    Dim channels = t[0].dims[1];
    for (size_t i = 1; i <= 4; ++i)
      if (!isVector(i, channels, "one per channel"))
        return {};
    // The dialect wants the four vectors to have one type, static or not.
    for (size_t i = 2; i <= 4; ++i)
      if (t[i].dims[0].isStatic() != t[1].dims[0].isStatic() ||
          !compatible(t[i], t[1])) {
        fail(locOf(i), concat("scale, shift, mean and var of 'batch_norm' "
                              "must have one type, got ",
                              toString(t[1]), " and ", toString(t[i])));
        return {};
      }
    if (!(attrs.epsilon > 0))
      fail(locOf(5), concat("epsilon of 'batch_norm' must be positive, got ",
                            attrs.epsilon));
    if (!(attrs.momentum >= 0 && attrs.momentum <= 1))
      fail(locOf(6), concat("momentum of 'batch_norm' must lie in [0, 1], got ",
                            attrs.momentum));
    Type vector = t[1];
    return {t[0], vector, vector};
  }

  case OpKind::Dropout:
    if (!(attrs.rate >= 0 && attrs.rate < 1))
      fail(locOf(1), concat("rate of 'dropout' must lie in [0, 1), got ",
                            attrs.rate));
    if (attrs.training && !arg(2))
      fail(call_.callee.loc,
           "dropout in training mode needs a key (dropout(x, 0.5, key = k, "
           "training = true)) or it drops the same elements every step");
    return {t[0]};

  case OpKind::Reshape: {
    if (!ok_)
      return {};
    const Type &x = t[0];
    std::vector<const Dim *> inDynamic, outDynamic;
    int64_t inElements = 1, outElements = 1;
    bool overflow = false;
    for (const Dim &dim : x.dims) {
      if (!dim.isStatic()) {
        inDynamic.push_back(&dim);
      } else if (auto next = checkedMul(inElements, dim.size)) {
        inElements = *next;
      } else {
        overflow = true;
      }
    }
    for (const Dim &dim : shape_) {
      if (!dim.isStatic()) {
        outDynamic.push_back(&dim);
      } else if (auto next = checkedMul(outElements, dim.size)) {
        outElements = *next;
      } else {
        overflow = true;
      }
    }
    if (overflow) {
      fail(locOf(1), "'reshape' shape has too many elements");
      return {};
    }
    if (inDynamic.size() > 1 || outDynamic.size() != inDynamic.size()) {
      fail(locOf(1), concat("'reshape' keeps at most one dynamic dimension: ",
                            toString(x), " has ", inDynamic.size(),
                            ", the target ", shapeString(shape_), " has ",
                            outDynamic.size()));
      return {};
    }
    if (!inDynamic.empty() && !compatible(*inDynamic[0], *outDynamic[0])) {
      fail(locOf(1), concat("'reshape' of ", toString(x),
                            " must keep its dimension ", toString(*inDynamic[0]),
                            ", got ", shapeString(shape_)));
      return {};
    }
    if (inElements != outElements) {
      fail(locOf(1), concat("cannot reshape ", toString(x), " (",
                            inDynamic.empty() ? "" : "x", inElements,
                            " elements) to ", shapeString(shape_), " (",
                            outDynamic.empty() ? "" : "x", outElements,
                            " elements)"));
      return {};
    }
    return {tensor(shape_)};
  }

  case OpKind::Flatten: {
    if (!hasRank(0, {2, 3, 4, 5}))
      return {};
    Dim features = Dim::fixed(1);
    for (size_t d = 1; d < t[0].rank(); ++d) {
      const Dim &dim = t[0].dims[d];
      if (!dim.isStatic()) {
        features = Dim::unknown();
        break;
      }
      std::optional<int64_t> product = checkedMul(features.size, dim.size);
      if (!product || *product > kMaxDimSize) {
        fail(locOf(0), concat("'flatten' of ", toString(t[0]),
                              " gives too many features"));
        return {};
      }
      features.size = *product;
    }
    return {tensor({t[0].dims[0], features})};
  }

  case OpKind::NllLoss:
  case OpKind::CrossEntropy: {
    if (!hasRank(0, {2}) || !hasRank(1, {1}))
      return {};
    if (!compatible(t[0].dims[0], t[1].dims[0])) {
      fail(locOf(1), concat("'", op_.name, "' has a batch of ",
                            toString(t[0].dims[0]), " samples (",
                            toString(t[0]), ") but ", toString(t[1].dims[0]),
                            " labels (", toString(t[1]), ")"));
      return {};
    }
    return {tensor({})};
  }
  }
  return {};
}

std::vector<Type> Sema::checkOpCall(CallExpr &call, const OpSignature &op) {
  return OpChecker(*this, call, op).run();
}

} // namespace syna::frontend
