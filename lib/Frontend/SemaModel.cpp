//===- SemaModel.cpp - validating the training setup of a model -----------===//
//
// A `model` block names the graph to train and how to train it. Its schema
// (docs/language.md, "Models") lives in ModelSchema.h, shared with the
// #syna.model attribute; here it is checked with source locations and
// decoded into the model's ModelSpec, every default filled in.
//
//===----------------------------------------------------------------------===//
#include "SemaImpl.h"

using namespace syna::frontend;
using syna::FieldRule;
using syna::FieldValue;
using syna::KindRule;
using syna::SettingRule;

namespace syna::frontend {

/// Decodes the values of a model's settings into `spec`.
class SpecDecoder {
public:
  SpecDecoder(Sema &sema, DiagnosticEngine &diags, ModelSpec &spec)
      : sema(sema), diags(diags), spec(spec) {}

  /// `kind` or `kind(field = value, ...)` of a kind-valued setting.
  bool decodeKind(Expr &expr, const SettingRule &setting);
  /// One value; `context` starts the messages ("'lr' of sgd").
  bool decodeValue(Expr &expr, const FieldRule &rule,
                   const std::string &context);

private:
  /// Binds the named arguments of `call` to the fields of `kind`.
  bool bindFields(CallExpr &call, const KindRule &kind,
                  std::vector<Expr *> &given);

  Sema &sema;
  DiagnosticEngine &diags;
  ModelSpec &spec;
};

} // namespace syna::frontend

bool SpecDecoder::decodeValue(Expr &expr, const FieldRule &rule,
                              const std::string &context) {
  FieldValue written;
  if (rule.type == syna::FieldType::Bool ||
      rule.type == syna::FieldType::String) {
    if (auto *flag = as<BoolExpr>(&expr)) {
      written.kind = FieldValue::Bool;
      written.flag = flag->value;
    } else if (auto *string = as<StringExpr>(&expr)) {
      written.kind = FieldValue::String;
      written.text = string->value;
    }
  } else {
    Type type = sema.checkExpr(expr);
    if (type.isError())
      return false;
    if (type.isNumber()) {
      written.kind = type.integral ? FieldValue::Integer : FieldValue::Number;
      written.number = type.number;
    }
  }
  if (std::optional<std::string> problem = syna::checkValue(rule, written)) {
    diags.error(expr.loc, concat(context, " ", *problem));
    return false;
  }
  syna::setField(spec, rule, written);
  return true;
}

bool SpecDecoder::bindFields(CallExpr &call, const KindRule &kind,
                             std::vector<Expr *> &given) {
  bool ok = true;
  for (CallArg &arg : call.args) {
    if (arg.keyword.name.empty()) {
      diags.error(arg.value->loc,
                  concat("settings of '", kind.name, "' are named, as in ",
                         kind.fields.empty()
                             ? std::string(kind.name)
                             : concat(kind.name, "(", kind.fields[0].name,
                                      " = ...)")));
      ok = false;
      continue;
    }
    size_t index = 0;
    while (index < kind.fields.size() &&
           arg.keyword.name != kind.fields[index].name)
      ++index;
    if (index == kind.fields.size()) {
      diags.error(arg.keyword.loc,
                  syna::unknownFieldMessage(kind, arg.keyword.name));
      ok = false;
    } else if (given[index]) {
      diags.error(arg.keyword.loc,
                  concat("'", arg.keyword.name, "' is given twice"));
      ok = false;
    } else {
      given[index] = arg.value.get();
    }
  }
  return ok;
}

bool SpecDecoder::decodeKind(Expr &expr, const SettingRule &setting) {
  Ident kind;
  CallExpr *call = as<CallExpr>(&expr);
  if (call)
    kind = call->callee;
  else if (auto *name = as<NameExpr>(&expr))
    kind = {name->name, name->loc};
  unsigned index = 0;
  const KindRule *rule =
      kind.name.empty() ? nullptr : syna::findKind(setting, kind.name, &index);
  // A setting whose kinds take no fields (the loss) is one word; what the
  // words mean is the most useful reply to anything else.
  bool takesFields = false;
  for (const KindRule &candidate : setting.kinds)
    takesFields |= !candidate.fields.empty();
  if (!takesFields && (!rule || call)) {
    diags.error(expr.loc, concat("'", setting.name, "' must be ",
                                 syna::kindList(setting, /*meanings=*/true)));
    return false;
  }
  if (kind.name.empty()) {
    diags.error(expr.loc, concat("'", setting.noun, "' must be one of ",
                                 syna::kindList(setting)));
    return false;
  }
  if (!rule) {
    std::vector<std::string> names;
    for (const KindRule &candidate : setting.kinds)
      names.push_back(candidate.name);
    std::optional<std::string> guess = closestName(kind.name, names);
    diags.error(kind.loc,
                concat("unknown ", setting.noun, " '", kind.name, "'",
                       guess ? concat("; did you mean '", *guess, "'?")
                             : concat("; expected ", syna::kindList(setting))));
    return false;
  }
  syna::selectKind(spec, setting.setting, index);
  std::vector<Expr *> given(rule->fields.size(), nullptr);
  bool ok = !call || bindFields(*call, *rule, given);
  for (size_t i = 0; i < rule->fields.size(); ++i) {
    const FieldRule &field = rule->fields[i];
    if (given[i])
      ok &= decodeValue(*given[i], field,
                        concat("'", field.name, "' of ", rule->name));
    else if (field.required) {
      diags.error(kind.loc, syna::missingFieldMessage(*rule, field));
      ok = false;
    }
  }
  if (!ok)
    return false;
  if (std::optional<std::string> problem =
          syna::checkConsistency(spec, setting.setting)) {
    diags.error(expr.loc, *problem);
    return false;
  }
  return true;
}

/// The graph a model names: a graph (not a circuit) of the file.
static const FunctionDecl *
findGraph(Expr &value, const std::map<std::string, Decl *> &globals,
          DiagnosticEngine &diags) {
  auto *name = as<NameExpr>(&value);
  if (!name) {
    diags.error(value.loc, "'graph' must name a graph: graph = net");
    return nullptr;
  }
  auto global = globals.find(name->name);
  auto *function = global != globals.end()
                       ? dynamic_cast<FunctionDecl *>(global->second)
                       : nullptr;
  if (function && !function->isCircuit)
    return function;
  if (global != globals.end()) {
    diags.error(value.loc, concat("'", name->name,
                                  "' is not a graph; a model trains a graph"));
    return nullptr;
  }
  std::vector<std::string> graphs;
  for (auto &[other, decl] : globals)
    if (auto *f = dynamic_cast<FunctionDecl *>(decl); f && !f->isCircuit)
      graphs.push_back(other);
  std::optional<std::string> guess = closestName(name->name, graphs);
  diags.error(value.loc, concat("unknown graph '", name->name, "'",
                                guess ? concat("; did you mean '", *guess, "'?")
                                      : std::string()));
  return nullptr;
}

static syna::GraphValue graphValue(const Type &type, const std::string &name) {
  syna::GraphValue value;
  value.name = name;
  value.spelling = toString(type);
  if (type.isTensor()) {
    value.kind = syna::GraphValue::Tensor;
    value.type = {type.elem, type.dims};
  } else if (type.kind == Type::Key) {
    value.kind = syna::GraphValue::Scalar;
    value.type.elem = syna::DType::I64;
  }
  return value;
}

/// The settings of `model` by name; reports unknown and repeated ones.
static std::map<std::string, ModelEntry *>
collectSettings(ModelDecl &model, DiagnosticEngine &diags) {
  std::map<std::string, ModelEntry *> entries;
  for (ModelEntry &entry : model.entries) {
    if (!syna::findSetting(entry.key.name)) {
      std::vector<std::string> names;
      for (const SettingRule &rule : syna::modelSchema())
        names.push_back(rule.name);
      std::optional<std::string> guess = closestName(entry.key.name, names);
      diags.error(entry.key.loc,
                  concat("unknown model setting '", entry.key.name, "'",
                         guess ? concat("; did you mean '", *guess, "'?")
                               : concat("; expected ", syna::settingList())));
      continue;
    }
    auto [it, inserted] = entries.emplace(entry.key.name, &entry);
    if (!inserted) {
      diags.error(entry.key.loc, concat("'", entry.key.name, "' is set twice"));
      diags.note(it->second->key.loc, "the first setting is here");
    }
  }
  return entries;
}

void Sema::checkModel(ModelDecl &model) {
  std::map<std::string, ModelEntry *> entries = collectSettings(model, diags_);
  ModelSpec &spec = model.spec;
  spec = syna::defaultModelSpec();
  spec.name = model.name.name;
  SpecDecoder decoder(*this, diags_, spec);
  const FunctionDecl *graph = nullptr;
  Loc graphLoc = model.name.loc;
  bool ok = true;
  for (const SettingRule &rule : syna::modelSchema()) {
    auto it = entries.find(rule.name);
    if (it == entries.end()) {
      if (rule.required) {
        diags_.error(model.name.loc,
                     concat("model '", model.name.name, "' needs a setting '",
                            rule.example, "'"));
        ok = false;
      }
      continue;
    }
    Expr &value = *it->second->value;
    switch (rule.shape) {
    case SettingRule::Symbol:
      graphLoc = value.loc;
      graph = findGraph(value, globals_, diags_);
      if (graph)
        spec.graph = graph->name.name;
      ok &= graph != nullptr;
      break;
    case SettingRule::Kind:
      ok &= decoder.decodeKind(value, rule);
      break;
    case SettingRule::Integer:
      ok &= decoder.decodeValue(value, rule.value, concat("'", rule.name, "'"));
      break;
    }
  }
  if (!ok || !graph || !graph->signatureValid)
    return;
  std::vector<syna::GraphValue> args, results;
  for (size_t i = 0; i < graph->argTypes.size(); ++i)
    args.push_back(graphValue(graph->argTypes[i], graph->args[i].name.name));
  for (const Type &type : graph->resultTypes)
    results.push_back(graphValue(type, ""));
  if (std::optional<std::string> problem =
          syna::checkGraphContract(spec, args, results))
    diags_.error(graphLoc, *problem);
}
