//===- SemaOps.cpp - checking calls of the built-in ops -------------------===//
//
// A built-in call is bound against the op's ODS signature (Builtins.h),
// its arguments are decoded by kind, constants and parameters are checked
// against the operands' value domains, and the op's own rule
// (TypeInference.h) checks the shapes and infers the result types, the same
// rule the dialect's verifier runs. The front end's richer dimensions reach
// the rule unchanged: a static size never matches a name, so `f32[B, 64]`
// and `f32[100, 64]` are reported as a mismatch rather than deferred to run
// time.
//
//===----------------------------------------------------------------------===//
#include "SemaImpl.h"

#include <cmath>

namespace syna::frontend {

class OpChecker {
public:
  OpChecker(Sema &sema, CallExpr &call, const BuiltinSignature &op)
      : sema_(sema), diags_(sema.diags_), call_(call), op_(op) {}

  std::vector<Type> run();

private:
  Expr *arg(size_t i) const { return call_.bound[i]; }
  ArgValue &value(size_t i) { return call_.values[i]; }
  std::string argName(size_t i) const {
    return concat("argument '", op_.args[i].name, "' of '", op_.name, "'");
  }
  Loc locOf(int i) const {
    return i >= 0 && size_t(i) < call_.bound.size() && arg(i)
               ? arg(i)->loc
               : call_.callee.loc;
  }
  void fail(Loc loc, std::string message) {
    diags_.error(loc, std::move(message));
    ok_ = false;
  }

  bool bind();
  void evaluate(size_t i);
  void evaluateTensor(size_t i, Expr &expr);
  std::optional<int64_t> constInt(Expr &expr, size_t i);
  std::optional<double> constFloat(Expr &expr, size_t i);
  void decodeIntList(Expr &expr, size_t i);
  void decodeShape(Expr &expr, size_t i);
  void decodeEnum(Expr &expr, size_t i);
  void coerceNumbers();
  void checkDomain(size_t i);
  std::vector<Type> applyRule();
  bool withinLimits(const std::vector<Type> &results);

  Sema &sema_;
  DiagnosticEngine &diags_;
  CallExpr &call_;
  const BuiltinSignature &op_;
  std::vector<Type> types_;
  std::vector<Dim> shape_; // the Shape argument: the result shape
  bool ok_ = true;
};

std::vector<Type> OpChecker::run() {
  std::vector<Type> errors(op_.numResults, Type::error());
  call_.op = &op_;
  if (!bind())
    return errors;
  types_.assign(op_.args.size(), Type::error());
  call_.values.assign(op_.args.size(), ArgValue());
  for (size_t i = 0; i < op_.args.size(); ++i)
    if (arg(i))
      evaluate(i);
  if (ok_)
    coerceNumbers();
  for (size_t i = 0; ok_ && i < op_.args.size(); ++i)
    checkDomain(i);
  if (!ok_)
    return errors;
  std::vector<Type> results = applyRule();
  if (!ok_ || results.size() != op_.numResults || !withinLimits(results))
    return errors;
  call_.results = results;
  return results;
}

bool OpChecker::bind() {
  std::vector<std::string_view> names;
  std::vector<bool> required;
  std::string signature = concat(op_.name, "(");
  for (const BuiltinArg &a : op_.args) {
    signature += concat(names.empty() ? "" : ", ", a.name,
                        a.required ? "" : " = ...");
    names.push_back(a.name);
    required.push_back(a.required);
  }
  signature += ")";
  return sema_.bindArguments(call_, names, required, signature);
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

void OpChecker::decodeIntList(Expr &expr, size_t i) {
  auto *list = as<ListExpr>(&expr);
  if (!list || list->elements.size() > kMaxRank) {
    fail(expr.loc, concat(argName(i), " must be a list of at most ", kMaxRank,
                          " integers such as [2, 2]"));
    return;
  }
  for (ExprPtr &element : list->elements) {
    std::optional<int64_t> v = constInt(*element, i);
    if (!v)
      return;
    value(i).integers.push_back(*v);
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
    auto *name = as<NameExpr>(element.get());
    if (name && sema_.scope_ && sema_.scope_->dims.count(name->name)) {
      shape_.push_back(Dim::named(name->name));
      continue;
    }
    if (name && !(sema_.scope_ && sema_.scope_->locals.count(name->name))) {
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

void OpChecker::decodeEnum(Expr &expr, size_t i) {
  const std::vector<std::string_view> &cases = op_.args[i].cases;
  auto *name = as<NameExpr>(&expr);
  for (std::string_view c : cases)
    if (name && name->name == c) {
      value(i).name = std::string(c);
      return;
    }
  std::string expected;
  for (size_t k = 0; k < cases.size(); ++k)
    expected += concat(k == 0 ? "" : k + 1 == cases.size() ? " or " : ", ",
                       cases[k]);
  fail(expr.loc, concat(argName(i), " must be ", expected));
}

void OpChecker::evaluateTensor(size_t i, Expr &expr) {
  Type type = sema_.checkExpr(expr);
  types_[i] = type;
  if (type.isError()) {
    ok_ = false;
    return;
  }
  switch (op_.args[i].kind) {
  case ArgKind::Tensor:
    if (!type.isNumber() && !type.isFloatTensor())
      fail(expr.loc, concat(argName(i), " must be a float tensor, got ",
                            toString(type)));
    return;
  case ArgKind::Labels:
    if (!type.isTensor() || isFloat(type.elem))
      fail(expr.loc, concat(argName(i), " must be a tensor of class indices "
                                        "(i32[...] or i64[...]), got ",
                            toString(type)));
    return;
  default: // Key
    if (type.isNumber())
      ok_ &= sema_.coerce(expr, Type::key(), argName(i));
    else if (type.kind != Type::Key)
      fail(expr.loc, concat(argName(i), " must be an i64 key, got ",
                            toString(type)));
    types_[i] = Type::key();
    return;
  }
}

void OpChecker::evaluate(size_t i) {
  Expr &expr = *arg(i);
  ArgValue &v = value(i);
  v.present = true;
  switch (op_.args[i].kind) {
  case ArgKind::Tensor:
  case ArgKind::Labels:
  case ArgKind::Key:
    evaluateTensor(i, expr);
    return;
  case ArgKind::Int:
    if (std::optional<int64_t> n = constInt(expr, i))
      v.integer = *n;
    return;
  case ArgKind::Float:
    if (std::optional<double> x = constFloat(expr, i))
      v.real = *x;
    return;
  case ArgKind::Bool:
    if (auto *flag = as<BoolExpr>(&expr))
      v.flag = flag->value;
    else
      fail(expr.loc, concat(argName(i), " must be true or false"));
    return;
  case ArgKind::IntList:
    decodeIntList(expr, i);
    return;
  case ArgKind::Enum:
    decodeEnum(expr, i);
    return;
  case ArgKind::Shape:
    decodeShape(expr, i);
    return;
  }
}

/// Constants among the tensor operands take the element type of the first
/// tensor operand, as scalar tensors (the ops broadcast them).
void OpChecker::coerceNumbers() {
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
}

//===----------------------------------------------------------------------===//
// Value domains
//===----------------------------------------------------------------------===//

/// A constant operand must lie in the operand's domain, as it will be
/// stored (1e-50 is 0 in f32); a learnable parameter must have a domain that
/// keeps it there by construction whatever the optimizer does (a buffer,
/// such as a running variance, is written only by the op that owns it)
/// (docs/language.md, "Built-in ops").
void OpChecker::checkDomain(size_t i) {
  Expr *expr = arg(i);
  const std::optional<ValueDomain> &domain = op_.args[i].domain;
  if (!expr || !domain || op_.args[i].kind != ArgKind::Tensor)
    return;
  Interval interval = intervalOf(*domain);
  if (auto *name = as<NameExpr>(expr);
      name && name->binding && name->binding->kind == Binding::Param) {
    if (name->binding->param->isBuffer)
      return;
    const std::string &paramDomain = name->binding->param->domainName;
    std::vector<std::string> accepted = parameterDomainsFor(*domain);
    for (const std::string &candidate : accepted)
      if (candidate == paramDomain)
        return;
    fail(expr->loc,
         concat("parameter '", name->name, "' is the ", op_.args[i].name,
                " of '", op_.name, "', whose values must lie in ",
                describe(interval), ", but its domain is ", paramDomain,
                "; declare it 'in ", accepted.empty() ? "?" : accepted[0],
                "' so that it stays there"));
    return;
  }
  if (!expr->type.isNumber())
    return;
  double v = expr->type.number;
  if (expr->coerced.elem == DType::F32)
    v = static_cast<float>(v);
  if (!contains(interval, v))
    fail(expr->loc, concat(op_.args[i].name, " of '", op_.name, "' must ",
                           requirement(interval), ", got ",
                           expr->type.number));
}

//===----------------------------------------------------------------------===//
// The op's rule
//===----------------------------------------------------------------------===//

std::vector<Type> OpChecker::applyRule() {
  DType elem = DType::F32;
  for (size_t i = 0; i < op_.args.size(); ++i) {
    if (!op_.isOperand(i) || !arg(i))
      continue;
    value(i).tensor = TensorDesc{types_[i].elem, types_[i].dims};
    if (op_.args[i].kind == ArgKind::Tensor && elem == DType::F32)
      elem = types_[i].elem;
  }
  std::vector<TensorDesc> stated;
  if (op_.shapeArgument >= 0)
    stated.push_back(TensorDesc{elem, shape_});
  RuleContext ctx([](const TensorDesc &t) {
    return toString(Type::tensor(t.elem, t.dims));
  });
  RuleResult inferred = op_.rule(call_.values, stated, ctx);
  if (!inferred) {
    int argument = ctx.error->argument;
    if (argument == kStatedResults)
      argument = op_.shapeArgument;
    fail(locOf(argument),
         concat("in '", op_.name, "', ", ctx.error->message));
    return {};
  }
  std::vector<Type> results;
  for (const TensorDesc &t : *inferred)
    results.push_back(Type::tensor(t.elem, t.dims));
  results.resize(std::min<size_t>(results.size(), op_.numResults));
  return results;
}

/// Large strides and padding can inflate a window's output: keep results
/// within the limits of written types.
bool OpChecker::withinLimits(const std::vector<Type> &results) {
  for (const Type &result : results) {
    std::optional<int64_t> elements =
        staticElementCount(result.dims, int64_t{1} << 48);
    bool dimsOk = true;
    for (const Dim &dim : result.dims)
      dimsOk &= !dim.isStatic() || dim.size <= kMaxDimSize;
    if (!elements || !dimsOk) {
      fail(call_.callee.loc, concat("the result of '", op_.name, "', ",
                                    toString(result),
                                    ", would have too many elements"));
      return false;
    }
  }
  return true;
}

std::vector<Type> Sema::checkOpCall(CallExpr &call, const BuiltinSignature &op) {
  return OpChecker(*this, call, op).run();
}

} // namespace syna::frontend
