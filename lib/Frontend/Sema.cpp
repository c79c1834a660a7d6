//===- Sema.cpp - declarations, graphs, circuits and call cycles ----------===//
#include "SemaImpl.h"

#include "syna/Frontend/Parser.h"

#include <algorithm>

using namespace syna::frontend;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

std::optional<int64_t> syna::frontend::checkedMul(int64_t a, int64_t b) {
  int64_t result;
  if (__builtin_mul_overflow(a, b, &result))
    return std::nullopt;
  return result;
}

/// Edit distance counting a swap of neighbours as one edit (optimal string
/// alignment), so that "unti" is one edit from "unit".
static size_t editDistance(const std::string &a, const std::string &b) {
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1),
      row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1,
                         previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    before.swap(previous);
    previous.swap(row);
  }
  return previous[b.size()];
}

std::optional<std::string>
syna::frontend::closestName(const std::string &name,
                            const std::vector<std::string> &candidates) {
  // Long names are not typos of short ones; this also bounds the work.
  if (name.size() > 64)
    return std::nullopt;
  size_t limit = std::max<size_t>(1, name.size() / 3);
  std::optional<std::string> best;
  size_t bestDistance = limit + 1;
  for (const std::string &candidate : candidates) {
    if (candidate.size() > 64 || candidate == name)
      continue;
    size_t distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

static std::string plural(size_t count, const char *word) {
  return concat(count, " ", word, count == 1 ? "" : "s");
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

bool Sema::run() {
  collectGlobals();
  // Signatures first: any expression, even a parameter's initializer, may
  // call a graph, and a call needs the callee's types.
  for (DeclPtr &decl : module_.decls)
    if (auto *function = dynamic_cast<FunctionDecl *>(decl.get()))
      checkSignature(*function);
  for (DeclPtr &decl : module_.decls)
    if (auto *param = dynamic_cast<ParamDecl *>(decl.get()))
      checkParam(*param);
  for (DeclPtr &decl : module_.decls) {
    if (diags_.shouldStop())
      return false;
    if (auto *function = dynamic_cast<FunctionDecl *>(decl.get()))
      checkBody(*function);
  }
  checkCallCycles();
  if (model_ && !diags_.shouldStop())
    checkModel(*model_);
  return !diags_.hasErrors();
}

bool syna::frontend::check(Module &module, DiagnosticEngine &diags) {
  return Sema(module, diags).run();
}

std::unique_ptr<Module> syna::frontend::parseAndCheck(const SourceFile &file,
                                                      DiagnosticEngine &diags) {
  std::unique_ptr<Module> module = parse(file, diags);
  if (diags.hasErrors() || !check(*module, diags))
    return nullptr;
  return module;
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

void Sema::collectGlobals() {
  for (DeclPtr &decl : module_.decls) {
    if (auto *model = dynamic_cast<ModelDecl *>(decl.get())) {
      if (model_) {
        diags_.error(model->name.loc,
                     concat("a file declares at most one model; '",
                            model->name.name, "' is a second one"));
        diags_.note(model_->name.loc, "the first model is declared here");
      } else {
        model_ = model;
      }
      continue;
    }
    if (auto *function = dynamic_cast<FunctionDecl *>(decl.get());
        function && lookupBuiltin(function->name.name)) {
      diags_.error(function->name.loc,
                   concat("'", function->name.name,
                          "' is the name of a built-in op; choose another "
                          "name for this ",
                          function->isCircuit ? "circuit" : "graph"));
      continue;
    }
    auto [it, inserted] = globals_.emplace(decl->name.name, decl.get());
    if (!inserted) {
      diags_.error(decl->name.loc,
                   concat("'", decl->name.name, "' is already declared"));
      diags_.note(it->second->name.loc, "the previous declaration is here");
    }
  }
}

Type Sema::resolveType(const TypeSyntax &syntax,
                       const std::set<std::string> *dims,
                       std::set<std::string> *introduced, const char *what) {
  std::optional<DType> elem = parseDType(syntax.elem.name);
  if (!elem) {
    diags_.error(syntax.elem.loc,
                 concat("unknown element type '", syntax.elem.name,
                        "'; expected f32, f64, i32 or i64"));
    return Type::error();
  }
  if (!syntax.hasShape) {
    if (isFloat(*elem))
      return Type::tensor(*elem, {});
    if (*elem == DType::I64)
      return Type::key();
    diags_.error(syntax.elem.loc,
                 "a plain i32 is not a value type; write i32[B] for a tensor "
                 "of labels, or i64 for a dropout key");
    return Type::error();
  }
  if (syntax.dims.size() > kMaxRank) {
    diags_.error(syntax.elem.loc, concat("rank ", syntax.dims.size(),
                                         " is too large (at most ", kMaxRank,
                                         ")"));
    return Type::error();
  }
  std::vector<Dim> result;
  int64_t elements = 1;
  bool ok = true;
  for (const DimSyntax &dim : syntax.dims) {
    if (dim.name.empty()) {
      if (dim.size <= 0 || dim.size > kMaxDimSize) {
        diags_.error(dim.loc,
                     concat("dimension size ", dim.size,
                            dim.size <= 0 ? " must be positive"
                                          : concat(" is too large (at most ",
                                                   kMaxDimSize, ")")));
        ok = false;
        continue;
      }
      std::optional<int64_t> product = checkedMul(elements, dim.size);
      if (!product || *product > (int64_t{1} << 48)) {
        diags_.error(dim.loc, concat("the ", what, " has too many elements"));
        return Type::error();
      }
      elements = *product;
      result.push_back(Dim::fixed(dim.size));
      continue;
    }
    if (introduced) {
      introduced->insert(dim.name);
    } else if (!dims) {
      diags_.error(dim.loc, concat("a ", what, " needs a static shape; '",
                                   dim.name, "' is a dimension name"));
      ok = false;
      continue;
    } else if (!dims->count(dim.name)) {
      std::string inScope;
      for (const std::string &name : *dims)
        inScope += (inScope.empty() ? "" : ", ") + name;
      diags_.error(dim.loc,
                   concat("unknown dimension '", dim.name, "' in the ", what,
                          inScope.empty()
                              ? std::string("; no argument names a dimension")
                              : concat("; the arguments name ", inScope)));
      ok = false;
      continue;
    }
    result.push_back(Dim::named(dim.name));
  }
  if (!ok)
    return Type::error();
  return Type::tensor(*elem, std::move(result));
}

namespace {
struct InitKindInfo {
  const char *name;
  unsigned args;
  const char *argNames;
  bool needsFans;
};
constexpr InitKindInfo kInitKinds[] = {
    {"zeros", 0, "", false},
    {"ones", 0, "", false},
    {"constant", 1, " (value)", false},
    {"uniform", 2, " (low, high)", false},
    {"normal", 2, " (mean, std)", false},
    {"kaiming_uniform", 0, "", true},
    {"kaiming_normal", 0, "", true},
    {"xavier_uniform", 0, "", true},
};
constexpr const char *kDomains[] = {"real", "unit", "positive", "at_least_one"};
} // namespace

void Sema::checkParam(ParamDecl &param) {
  const char *what = param.isBuffer ? "buffer" : "parameter";
  param.resolved = resolveType(param.type, nullptr, nullptr, what);
  param.binding = std::make_unique<Binding>();
  param.binding->kind = Binding::Param;
  param.binding->name = param.name.name;
  param.binding->loc = param.name.loc;
  param.binding->param = &param;
  if (!param.resolved.isError() && !param.resolved.isFloatTensor()) {
    diags_.error(param.type.elem.loc,
                 concat("a ", what, " is a float tensor (f32[...] or "
                                    "f64[...]), got ",
                        toString(param.resolved)));
    param.resolved = Type::error();
  }
  param.binding->type = param.resolved;

  const InitKindInfo *init = nullptr;
  for (const InitKindInfo &kind : kInitKinds)
    if (param.init.name == kind.name)
      init = &kind;
  if (!init) {
    std::vector<std::string> names;
    for (const InitKindInfo &kind : kInitKinds)
      names.push_back(kind.name);
    std::optional<std::string> guess = closestName(param.init.name, names);
    diags_.error(param.init.loc,
                 concat("unknown initializer '", param.init.name, "'",
                        guess ? concat("; did you mean '", *guess, "'?")
                              : std::string("; expected zeros, ones, constant, "
                                            "uniform, normal, kaiming_uniform, "
                                            "kaiming_normal or xavier_uniform")));
  }
  bool argsOk = true;
  for (ExprPtr &arg : param.initArgs) {
    Type type = checkExpr(*arg);
    if (type.isError()) {
      argsOk = false;
    } else if (!type.isNumber()) {
      diags_.error(arg->loc, "initializer arguments are numbers");
      argsOk = false;
    } else {
      param.initValues.push_back(type.number);
    }
  }
  if (init && argsOk) {
    const std::vector<double> &v = param.initValues;
    if (v.size() != init->args)
      diags_.error(param.init.loc,
                   concat("initializer '", init->name, "' takes ",
                          plural(init->args, "argument"), init->argNames,
                          ", got ", v.size()));
    else if (init->args == 2 && std::string(init->name) == "uniform" &&
             !(v[0] < v[1]))
      diags_.error(param.init.loc,
                   concat("uniform(low, high) needs low < high, got (", v[0],
                          ", ", v[1], ")"));
    else if (init->args == 2 && std::string(init->name) == "normal" &&
             !(v[1] > 0))
      diags_.error(param.initArgs[1]->loc,
                   concat("normal(mean, std) needs a positive standard "
                          "deviation, got ",
                          v[1]));
    else if (init->needsFans && !param.resolved.isError() &&
             param.resolved.rank() < 2)
      diags_.error(param.init.loc,
                   concat("initializer '", init->name,
                          "' needs a ", what, " of rank 2 or more to define "
                          "fan-in, got ",
                          toString(param.resolved)));
  }
  if (param.hasDomain) {
    bool known = false;
    for (const char *domain : kDomains)
      known |= param.domain.name == domain;
    if (known) {
      param.domainName = param.domain.name;
    } else {
      std::vector<std::string> names(std::begin(kDomains), std::end(kDomains));
      std::optional<std::string> guess = closestName(param.domain.name, names);
      diags_.error(param.domain.loc,
                   concat("unknown domain '", param.domain.name, "'",
                          guess ? concat("; did you mean '", *guess, "'?")
                                : std::string("; expected real, unit (0, 1), "
                                              "positive (0, inf) or "
                                              "at_least_one [1, inf)")));
    }
  }
}

void Sema::checkSignature(FunctionDecl &function) {
  std::set<std::string> dims;
  bool ok = true;
  for (ArgDecl &arg : function.args) {
    Type type = resolveType(arg.type, nullptr, &dims, "argument");
    ok &= !type.isError();
    function.argTypes.push_back(type);
  }
  if (!function.isCircuit) {
    for (TypeSyntax &result : function.results) {
      Type type = resolveType(result, &dims, nullptr, "result type");
      if (type.kind == Type::Key) {
        diags_.error(result.elem.loc, "graphs return tensors, not keys");
        type = Type::error();
      }
      ok &= !type.isError();
      function.resultTypes.push_back(type);
    }
  } else {
    for (StmtPtr &stmt : function.body) {
      if (stmt->kind != StmtKind::State)
        continue;
      auto &state = static_cast<StateStmt &>(*stmt);
      state.index = function.states.size();
      function.states.push_back(&state);
      Type type = Type::error();
      if (!state.hasType) {
        diags_.error(state.name.loc,
                     concat("state '", state.name.name,
                            "' needs a type: state ", state.name.name,
                            " : f32[16] = ..."));
      } else {
        type = resolveType(state.type, &dims, nullptr, "state type");
        if (!type.isError() && !type.isFloatTensor()) {
          diags_.error(state.type.elem.loc,
                       concat("state variables are float tensors, got ",
                              toString(type)));
          type = Type::error();
        }
      }
      ok &= !type.isError();
      function.resultTypes.push_back(type);
    }
  }
  function.signatureValid = ok;
}

const Binding *Sema::declare(const Ident &name, Binding::Kind kind, Type type,
                             unsigned index) {
  auto [it, inserted] = scope_->locals.emplace(name.name, nullptr);
  if (!inserted) {
    diags_.error(name.loc, concat("'", name.name, "' is already defined"));
    diags_.note(it->second->loc, "the previous definition is here");
    return nullptr;
  }
  auto global = globals_.find(name.name);
  if (global != globals_.end() &&
      global->second->kind == DeclKind::Param) {
    scope_->locals.erase(it);
    diags_.error(name.loc, concat("'", name.name,
                                  "' is already declared as a parameter"));
    diags_.note(global->second->name.loc, "the parameter is declared here");
    return nullptr;
  }
  auto binding = std::make_unique<Binding>();
  binding->kind = kind;
  binding->name = name.name;
  binding->loc = name.loc;
  binding->type = std::move(type);
  binding->index = index;
  it->second = binding.get();
  scope_->function->bindings.push_back(std::move(binding));
  return it->second;
}

void Sema::checkBody(FunctionDecl &function) {
  Scope scope;
  scope.function = &function;
  for (const Type &type : function.argTypes)
    for (const Dim &dim : type.dims)
      if (dim.isNamed())
        scope.dims.insert(dim.name);
  scope_ = &scope;
  for (size_t i = 0; i < function.args.size(); ++i) {
    if (function.args[i].name.name == "_") {
      diags_.error(function.args[i].name.loc,
                   "'_' discards a result in a 'let'; arguments need a name");
      continue;
    }
    declare(function.args[i].name, Binding::Arg, function.argTypes[i], i);
  }

  if (!function.isCircuit) {
    bool returned = false, reportedAfterReturn = false;
    for (StmtPtr &stmt : function.body)
      checkGraphStmt(function, *stmt, returned, reportedAfterReturn);
    if (!returned)
      diags_.error(function.closeLoc,
                   concat("graph '", function.name.name,
                          "' ends without a 'return'"));
  } else {
    bool pastStates = false;
    std::map<const Binding *, const UpdateStmt *> updates;
    for (StmtPtr &stmt : function.body)
      checkCircuitStmt(function, *stmt, pastStates, updates);
    if (function.states.empty())
      diags_.error(function.name.loc,
                   concat("circuit '", function.name.name,
                          "' has no state variables; declare them with "
                          "'state x : f32[16] = 0.5'"));
    for (const StateStmt *state : function.states)
      if (state->binding && !state->binding->type.isError() &&
          !updates.count(state->binding))
        diags_.error(state->name.loc,
                     concat("state '", state->name.name,
                            "' has no step equation; add ", state->name.name,
                            "' = ..."));
  }
  scope_ = nullptr;
}

void Sema::checkGraphStmt(FunctionDecl &function, Stmt &stmt, bool &returned,
                          bool &reportedAfterReturn) {
  if (returned && !reportedAfterReturn) {
    diags_.error(stmt.loc, "statement after 'return'");
    reportedAfterReturn = true;
  }
  switch (stmt.kind) {
  case StmtKind::Let:
    checkLet(static_cast<LetStmt &>(stmt));
    return;
  case StmtKind::Return: {
    auto &ret = static_cast<ReturnStmt &>(stmt);
    returned = true;
    if (ret.values.size() != function.resultTypes.size()) {
      for (ExprPtr &value : ret.values)
        checkExpr(*value);
      diags_.error(stmt.loc,
                   concat("graph '", function.name.name, "' returns ",
                          plural(ret.values.size(), "value"),
                          " but its signature declares ",
                          function.resultTypes.size()));
      return;
    }
    for (size_t i = 0; i < ret.values.size(); ++i) {
      Expr &value = *ret.values[i];
      Type type = checkExpr(value);
      std::string context = concat("return value ", i + 1, " of graph '",
                                   function.name.name, "'");
      if (type.isNumber())
        coerce(value, function.resultTypes[i], context);
      else
        checkAssignable(value.loc, type, function.resultTypes[i], context);
    }
    return;
  }
  case StmtKind::State:
    diags_.error(stmt.loc, "'state' declares a state variable of a circuit; "
                           "graphs have no state");
    return;
  case StmtKind::Update:
    diags_.error(stmt.loc, "step equations (x' = ...) belong in circuits");
    return;
  }
}

void Sema::checkCircuitStmt(
    FunctionDecl &function, Stmt &stmt, bool &pastStates,
    std::map<const Binding *, const UpdateStmt *> &updates) {
  switch (stmt.kind) {
  case StmtKind::State: {
    auto &state = static_cast<StateStmt &>(stmt);
    if (pastStates)
      diags_.error(stmt.loc, "state declarations must come before lets and "
                             "step equations");
    // checkSignature numbered the states and resolved their types.
    size_t index = state.index;
    const Type &type = function.resultTypes[index];
    std::string context = concat("the initial value of state '",
                                 state.name.name, "'");
    scope_->inStateInit = true;
    Type init = checkExpr(*state.init);
    scope_->inStateInit = false;
    if (init.isNumber())
      coerce(*state.init, type, context);
    else
      checkAssignable(state.init->loc, init, type, context);
    state.binding = declare(state.name, Binding::State, type, index);
    return;
  }
  case StmtKind::Let:
    pastStates = true;
    checkLet(static_cast<LetStmt &>(stmt));
    return;
  case StmtKind::Update: {
    pastStates = true;
    auto &update = static_cast<UpdateStmt &>(stmt);
    auto it = scope_->locals.find(update.name.name);
    const Binding *state = it == scope_->locals.end() ? nullptr : it->second;
    Type type = checkExpr(*update.value);
    if (!state || state->kind != Binding::State) {
      diags_.error(update.name.loc,
                   concat("'", update.name.name, "' is not a state variable",
                          state ? "; only state variables have step equations"
                                : "; declare it with 'state'"));
      return;
    }
    auto [previous, inserted] = updates.emplace(state, &update);
    if (!inserted) {
      diags_.error(update.name.loc, concat("state '", update.name.name,
                                           "' already has a step equation"));
      diags_.note(previous->second->name.loc, "the first one is here");
      return;
    }
    update.state = state;
    std::string context =
        concat("the step equation of '", update.name.name, "'");
    if (type.isNumber())
      coerce(*update.value, state->type, context);
    else
      checkAssignable(update.value->loc, type, state->type, context);
    return;
  }
  case StmtKind::Return:
    diags_.error(stmt.loc, "a circuit returns its final state; remove this "
                           "'return'");
    return;
  }
}

void Sema::checkLet(LetStmt &let) {
  std::vector<Type> types;
  if (let.names.size() == 1) {
    types.push_back(checkExpr(*let.value));
  } else if (auto *call = as<CallExpr>(let.value.get())) {
    types = checkCall(*call);
    if (!types.empty() && types.size() != let.names.size())
      diags_.error(let.names[0].loc,
                   concat("'", call->callee.name, "' returns ",
                          plural(types.size(), "value"), " but ",
                          let.names.size(), " names are bound"));
    if (types.size() != let.names.size())
      types.assign(let.names.size(), Type::error());
  } else {
    checkExpr(*let.value);
    diags_.error(let.value->loc,
                 "only a call can produce several values; bind one name");
    types.assign(let.names.size(), Type::error());
  }
  for (size_t i = 0; i < let.names.size(); ++i) {
    const Binding *binding = nullptr;
    if (let.names[i].name != "_")
      binding = declare(let.names[i], Binding::Let, types[i], i);
    let.bindings.push_back(binding);
  }
}

//===----------------------------------------------------------------------===//
// Call cycles
//===----------------------------------------------------------------------===//

namespace {
struct CallEdge {
  const FunctionDecl *callee;
  Loc loc;
};

void collectCalls(Expr *expr, std::vector<CallEdge> &edges) {
  if (!expr)
    return;
  switch (expr->kind) {
  case ExprKind::Call: {
    auto *call = static_cast<CallExpr *>(expr);
    if (call->function)
      edges.push_back({call->function, call->callee.loc});
    for (CallArg &arg : call->args)
      collectCalls(arg.value.get(), edges);
    return;
  }
  case ExprKind::Unary:
    collectCalls(static_cast<UnaryExpr *>(expr)->operand.get(), edges);
    return;
  case ExprKind::Binary:
    collectCalls(static_cast<BinaryExpr *>(expr)->lhs.get(), edges);
    collectCalls(static_cast<BinaryExpr *>(expr)->rhs.get(), edges);
    return;
  case ExprKind::List:
    for (ExprPtr &element : static_cast<ListExpr *>(expr)->elements)
      collectCalls(element.get(), edges);
    return;
  default:
    return;
  }
}
} // namespace

void Sema::checkCallCycles() {
  std::map<const FunctionDecl *, std::vector<CallEdge>> edges;
  std::vector<const FunctionDecl *> functions;
  for (DeclPtr &decl : module_.decls) {
    auto *function = dynamic_cast<FunctionDecl *>(decl.get());
    if (!function)
      continue;
    functions.push_back(function);
    std::vector<CallEdge> &out = edges[function];
    for (StmtPtr &stmt : function->body) {
      switch (stmt->kind) {
      case StmtKind::Let:
        collectCalls(static_cast<LetStmt &>(*stmt).value.get(), out);
        break;
      case StmtKind::Return:
        for (ExprPtr &value : static_cast<ReturnStmt &>(*stmt).values)
          collectCalls(value.get(), out);
        break;
      case StmtKind::State:
        collectCalls(static_cast<StateStmt &>(*stmt).init.get(), out);
        break;
      case StmtKind::Update:
        collectCalls(static_cast<UpdateStmt &>(*stmt).value.get(), out);
        break;
      }
    }
  }
  // Iterative depth-first search: a long chain of graphs must not recurse.
  enum Color { White, Gray, Black };
  std::map<const FunctionDecl *, Color> color;
  for (const FunctionDecl *root : functions) {
    if (color[root] != White)
      continue;
    std::vector<std::pair<const FunctionDecl *, size_t>> stack = {{root, 0}};
    color[root] = Gray;
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      std::vector<CallEdge> &out = edges[node];
      if (next == out.size()) {
        color[node] = Black;
        stack.pop_back();
        continue;
      }
      const CallEdge &edge = out[next++];
      Color &target = color[edge.callee];
      if (target == White) {
        target = Gray;
        stack.push_back({edge.callee, 0});
      } else if (target == Gray) {
        std::string path;
        bool inCycle = false;
        for (auto &[frame, unused] : stack) {
          inCycle |= frame == edge.callee;
          if (inCycle)
            path += frame->name.name + " -> ";
        }
        path += edge.callee->name.name;
        diags_.error(edge.loc, concat("'", edge.callee->name.name,
                                      "' calls itself (", path,
                                      "); graphs and circuits cannot recurse"));
      }
    }
  }
}
