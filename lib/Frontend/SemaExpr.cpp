//===- SemaExpr.cpp - names, values, arithmetic and calls -----------------===//
//
// The types of expressions: what names refer to, constant folding,
// arithmetic, how constants take the type they are used as, and calls of
// graphs and circuits (built-ins are in SemaOps.cpp).
//
//===----------------------------------------------------------------------===//
#include "SemaImpl.h"

#include <cfloat>
#include <cmath>

using namespace syna::frontend;

void Sema::reportUndefined(Loc loc, const std::string &name, bool callee) {
  std::vector<std::string> candidates;
  if (callee) {
    for (const BuiltinSignature &op : allBuiltins())
      candidates.emplace_back(op.name);
    for (auto &[global, decl] : globals_)
      if (decl->kind == DeclKind::Function)
        candidates.push_back(global);
  } else {
    if (scope_)
      for (auto &[local, binding] : scope_->locals)
        candidates.push_back(local);
    for (auto &[global, decl] : globals_)
      if (decl->kind == DeclKind::Param)
        candidates.push_back(global);
  }
  std::optional<std::string> guess = closestName(name, candidates);
  diags_.error(loc, concat(callee ? "unknown function '" : "undefined name '",
                           name, "'",
                           guess ? concat("; did you mean '", *guess, "'?")
                                 : std::string()));
}

Type Sema::checkExpr(Expr &expr) {
  Type type;
  switch (expr.kind) {
  case ExprKind::Number: {
    auto &number = static_cast<NumberExpr &>(expr);
    type = Type::num(number.value, number.integral);
    break;
  }
  case ExprKind::String:
    diags_.error(expr.loc, "a string is only allowed as a model setting");
    break;
  case ExprKind::Bool:
    diags_.error(expr.loc, "'true' and 'false' are only allowed as flags of "
                           "built-ins and model settings");
    break;
  case ExprKind::List:
    diags_.error(expr.loc, "a list is only allowed as an argument of a "
                           "built-in, such as strides = [1, 1]");
    break;
  case ExprKind::Name:
    type = checkName(static_cast<NameExpr &>(expr));
    break;
  case ExprKind::Call: {
    auto &call = static_cast<CallExpr &>(expr);
    std::vector<Type> results = checkCall(call);
    if (results.size() == 1) {
      type = results[0];
    } else if (!results.empty()) {
      std::string names;
      for (size_t i = 0; i < results.size(); ++i)
        names += (i ? ", " : "") + std::string(1, char('a' + i % 26));
      diags_.error(call.callee.loc,
                   concat("'", call.callee.name, "' returns ",
                          results.size(), " values; bind them with let ",
                          names, " = ", call.callee.name, "(...)"));
    }
    break;
  }
  case ExprKind::Unary:
    type = checkUnary(static_cast<UnaryExpr &>(expr));
    break;
  case ExprKind::Binary:
    type = checkBinary(static_cast<BinaryExpr &>(expr));
    break;
  }
  expr.type = type;
  return type;
}

Type Sema::checkName(NameExpr &name) {
  if (scope_) {
    auto local = scope_->locals.find(name.name);
    if (local != scope_->locals.end()) {
      if (local->second->kind == Binding::State && scope_->inStateInit) {
        diags_.error(name.loc,
                     concat("the initial value of a state cannot use state '",
                            name.name, "': initial values are computed before "
                                       "the first step"));
        return Type::error();
      }
      name.binding = local->second;
      return local->second->type;
    }
  }
  auto global = globals_.find(name.name);
  if (global != globals_.end()) {
    if (auto *param = dynamic_cast<ParamDecl *>(global->second)) {
      name.binding = param->binding.get();
      return param->resolved;
    }
    auto *function = static_cast<FunctionDecl *>(global->second);
    diags_.error(name.loc, concat("'", name.name, "' is a ",
                                  function->isCircuit ? "circuit" : "graph",
                                  "; call it: ", name.name, "(...)"));
    return Type::error();
  }
  if (scope_ && scope_->dims.count(name.name)) {
    diags_.error(name.loc, concat("'", name.name,
                                  "' is a dimension name, not a value"));
    return Type::error();
  }
  reportUndefined(name.loc, name.name, /*callee=*/false);
  return Type::error();
}

Type Sema::checkUnary(UnaryExpr &unary) {
  Type operand = checkExpr(*unary.operand);
  if (operand.isNumber())
    return Type::num(-operand.number, operand.integral);
  if (operand.isFloatTensor() || operand.kind == Type::Key ||
      operand.isError())
    return operand;
  diags_.error(unary.loc, concat("cannot negate ", toString(operand)));
  return Type::error();
}

Type Sema::checkBinary(BinaryExpr &binary) {
  Type lhs = checkExpr(*binary.lhs);
  Type rhs = checkExpr(*binary.rhs);
  if (lhs.isError() || rhs.isError())
    return Type::error();
  std::string op(1, binary.op);

  if (lhs.isNumber() && rhs.isNumber()) {
    double a = lhs.number, b = rhs.number, value = 0;
    switch (binary.op) {
    case '+': value = a + b; break;
    case '-': value = a - b; break;
    case '*': value = a * b; break;
    case '/':
      if (b == 0) {
        diags_.error(binary.loc, "division by zero in a constant");
        return Type::error();
      }
      value = a / b;
      break;
    }
    if (!std::isfinite(value)) {
      diags_.error(binary.loc, "constant expression overflows a double");
      return Type::error();
    }
    return Type::num(value, lhs.integral && rhs.integral && binary.op != '/');
  }

  // Dropout keys: integer arithmetic, so one seed can derive several keys.
  if (lhs.kind == Type::Key || rhs.kind == Type::Key) {
    const Type &other = lhs.kind == Type::Key ? rhs : lhs;
    Expr &otherExpr = lhs.kind == Type::Key ? *binary.rhs : *binary.lhs;
    if (binary.op == '/') {
      diags_.error(binary.loc, "keys (i64) support only +, - and *");
      return Type::error();
    }
    if (other.isNumber()) {
      if (!coerce(otherExpr, Type::key(), concat("an operand of '", op, "'")))
        return Type::error();
    } else if (other.kind != Type::Key) {
      diags_.error(binary.loc, concat("cannot combine i64 and ",
                                      toString(other), " with '", op, "'"));
      return Type::error();
    }
    return Type::key();
  }

  for (const Type *side : {&lhs, &rhs})
    if (side->isTensor() && !side->isFloatTensor()) {
      diags_.error(binary.loc, concat("arithmetic needs float tensors, got ",
                                      toString(*side)));
      return Type::error();
    }
  if (lhs.isNumber()) {
    if (!coerce(*binary.lhs, rhs, concat("an operand of '", op, "'")))
      return Type::error();
    return rhs;
  }
  if (rhs.isNumber()) {
    if (!coerce(*binary.rhs, lhs, concat("an operand of '", op, "'")))
      return Type::error();
    return lhs;
  }
  // A scalar tensor (f32[]) combines with any tensor of its element type;
  // otherwise shapes must agree: arithmetic does not broadcast further.
  if (lhs.elem == rhs.elem && lhs.rank() == 0)
    return rhs;
  if (lhs.elem == rhs.elem && rhs.rank() == 0)
    return lhs;
  if (!compatible(lhs, rhs)) {
    diags_.error(binary.loc,
                 concat("operands of '", op, "' must have the same type, got ",
                        toString(lhs), " and ", toString(rhs),
                        "; arithmetic only broadcasts scalars"));
    return Type::error();
  }
  Type result = lhs;
  for (size_t i = 0; i < result.rank(); ++i)
    if (result.dims[i].isUnknown())
      result.dims[i] = rhs.dims[i];
  return result;
}

bool Sema::coerce(Expr &expr, const Type &target, std::string_view context) {
  const Type &type = expr.type;
  if (target.isError())
    return false;
  if (target.kind == Type::Key) {
    if (!type.integral || type.number < -9223372036854775808.0 ||
        type.number >= 9223372036854775808.0) {
      diags_.error(expr.loc, concat(context, " is an i64 key; ", type.number,
                                    " is not an integer"));
      return false;
    }
    expr.coerced = target;
    return true;
  }
  if (!target.isFloatTensor()) {
    diags_.error(expr.loc, concat("a number cannot stand for ", context,
                                  " of type ", toString(target)));
    return false;
  }
  // Binary arithmetic takes dynamic sizes from the other operand; other
  // places have nothing to take them from.
  bool binaryOperand = context.rfind("an operand of", 0) == 0;
  if (!binaryOperand && !target.hasStaticShape()) {
    diags_.error(expr.loc, concat("a number cannot stand for ", context,
                                  " of type ", toString(target),
                                  ": its shape is not static"));
    return false;
  }
  if (target.elem == DType::F32 && std::fabs(type.number) > FLT_MAX) {
    diags_.error(expr.loc, concat("the number ", type.number,
                                  " is out of the range of f32"));
    return false;
  }
  expr.coerced = target;
  return true;
}

bool Sema::checkAssignable(Loc loc, const Type &actual, const Type &expected,
                           const std::string &context) {
  if (actual.isError() || expected.isError())
    return false;
  if (compatible(actual, expected))
    return true;
  diags_.error(loc, concat(context, " must be ", toString(expected), ", got ",
                           toString(actual)));
  return false;
}

std::vector<Type> Sema::checkCall(CallExpr &call) {
  if (const BuiltinSignature *op = lookupBuiltin(call.callee.name))
    return checkOpCall(call, *op);
  auto global = globals_.find(call.callee.name);
  if (global != globals_.end()) {
    if (auto *function = dynamic_cast<FunctionDecl *>(global->second))
      return checkFunctionCall(call, *function);
    diags_.error(call.callee.loc, concat("'", call.callee.name,
                                         "' is a parameter, not a function"));
    return {};
  }
  reportUndefined(call.callee.loc, call.callee.name, /*callee=*/true);
  return {};
}

bool Sema::bindArguments(CallExpr &call,
                         const std::vector<std::string_view> &names,
                         const std::vector<bool> &required,
                         const std::string &signature) {
  call.bound.assign(names.size(), nullptr);
  bool ok = true;
  bool sawKeyword = false;
  size_t positional = 0;
  for (CallArg &arg : call.args) {
    if (arg.keyword.name.empty()) {
      if (sawKeyword) {
        diags_.error(arg.value->loc,
                     "positional argument after a keyword argument");
        ok = false;
      } else if (positional >= names.size()) {
        diags_.error(arg.value->loc,
                     concat("too many arguments: ", signature, " takes ",
                            names.size()));
        ok = false;
        positional++;
      } else {
        call.bound[positional++] = arg.value.get();
      }
      continue;
    }
    sawKeyword = true;
    size_t index = 0;
    while (index < names.size() && names[index] != arg.keyword.name)
      ++index;
    if (index == names.size()) {
      diags_.error(arg.keyword.loc,
                   concat("no argument named '", arg.keyword.name, "' in ",
                          signature));
      ok = false;
    } else if (call.bound[index]) {
      diags_.error(arg.keyword.loc,
                   concat("argument '", arg.keyword.name, "' is given twice"));
      ok = false;
    } else {
      call.bound[index] = arg.value.get();
    }
  }
  for (size_t i = 0; ok && i < names.size(); ++i)
    if (required[i] && !call.bound[i]) {
      diags_.error(call.callee.loc, concat("missing argument '", names[i],
                                           "' of ", signature));
      ok = false;
    }
  return ok;
}

std::vector<Type> Sema::checkFunctionCall(CallExpr &call,
                                          const FunctionDecl &callee) {
  std::vector<std::string_view> names;
  std::string signature = callee.name.name + "(";
  for (const ArgDecl &arg : callee.args) {
    names.push_back(arg.name.name);
    signature += (names.size() > 1 ? ", " : "") + arg.name.name;
  }
  signature += ")";
  std::vector<Type> errors(callee.resultTypes.size(), Type::error());
  call.function = &callee;
  if (!bindArguments(call, names, std::vector<bool>(names.size(), true),
                     signature))
    return errors;

  // Bind the callee's dimension names to the caller's dimensions.
  std::map<std::string, std::pair<Dim, std::string>> dims;
  bool ok = callee.signatureValid;
  for (size_t i = 0; i < call.bound.size(); ++i) {
    Expr &arg = *call.bound[i];
    Type actual = checkExpr(arg);
    if (!callee.signatureValid || actual.isError()) {
      ok = false;
      continue;
    }
    const Type &expected = callee.argTypes[i];
    std::string argName = callee.args[i].name.name;
    std::string context = concat("argument '", argName, "' of '",
                                 callee.name.name, "'");
    if (actual.isNumber()) {
      ok &= coerce(arg, expected, context);
      continue;
    }
    bool shapeOk = actual.kind == expected.kind;
    if (shapeOk && expected.isTensor()) {
      shapeOk = actual.elem == expected.elem && actual.rank() == expected.rank();
      for (size_t d = 0; shapeOk && d < expected.rank(); ++d) {
        const Dim &want = expected.dims[d];
        const Dim &have = actual.dims[d];
        if (want.isStatic()) {
          shapeOk = compatible(want, have);
          continue;
        }
        auto [it, inserted] = dims.emplace(want.name, std::make_pair(have, argName));
        if (inserted)
          continue;
        if (!compatible(it->second.first, have)) {
          diags_.error(arg.loc,
                       concat("dimension ", want.name, " of '",
                              callee.name.name, "' is ",
                              toString(it->second.first), " for argument '",
                              it->second.second, "' but ", toString(have),
                              " for argument '", argName, "'"));
          ok = false;
          shapeOk = true; // reported
          break;
        }
        if (it->second.first.isUnknown())
          it->second.first = have;
      }
    }
    if (!shapeOk) {
      diags_.error(arg.loc, concat(context, " must be ", toString(expected),
                                   ", got ", toString(actual)));
      ok = false;
    }
  }
  if (!ok)
    return errors;
  std::vector<Type> results;
  for (Type type : callee.resultTypes) {
    for (Dim &dim : type.dims)
      if (dim.isNamed()) {
        auto it = dims.find(dim.name);
        dim = it == dims.end() ? Dim::unknown() : it->second.first;
      }
    results.push_back(std::move(type));
  }
  call.results = results;
  return results;
}
