//===- SemaModel.cpp - validating the training setup of a model -----------===//
//
// A `model` block names the graph to train and how to train it. Its schema
// (docs/language.md, "Models") is checked here and normalized: every field
// of the chosen optimizer, schedule and data set is filled in, defaults
// included, so that syna-run reads one complete dictionary and never needs
// to know the front end's defaults.
//
//===----------------------------------------------------------------------===//
#include "SemaImpl.h"

#include <cmath>
#include <limits>

using namespace syna::frontend;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct FieldRule {
  const char *name;
  SpecValue::Kind type;
  bool required;
  double defaultValue; // Int, Float and Bool (0 or 1) fields
  double low;
  bool lowOpen;
  double high;
  bool highOpen;
};

struct KindRule {
  const char *kind;
  std::vector<FieldRule> fields;
};

using K = SpecValue::Kind;

const std::vector<KindRule> &optimizers() {
  static const std::vector<KindRule> rules = {
      {"sgd",
       {{"lr", K::Float, true, 0, 0, true, kInf, true},
        {"momentum", K::Float, false, 0, 0, false, 1, true},
        {"nesterov", K::Bool, false, 0, 0, false, 1, false},
        {"weight_decay", K::Float, false, 0, 0, false, kInf, true}}},
      {"adam",
       {{"lr", K::Float, false, 1e-3, 0, true, kInf, true},
        {"beta1", K::Float, false, 0.9, 0, false, 1, true},
        {"beta2", K::Float, false, 0.999, 0, false, 1, true},
        {"eps", K::Float, false, 1e-8, 0, true, kInf, true},
        {"weight_decay", K::Float, false, 0, 0, false, kInf, true}}},
  };
  return rules;
}

const std::vector<KindRule> &schedules() {
  static const std::vector<KindRule> rules = {
      {"constant", {}},
      {"step",
       {{"step_size", K::Int, true, 0, 1, false, kInf, true},
        {"gamma", K::Float, false, 0.1, 0, true, 1, false}}},
      {"exponential", {{"gamma", K::Float, true, 0, 0, true, 1, false}}},
      {"cosine",
       {{"t_max", K::Int, true, 0, 1, false, kInf, true},
        {"eta_min", K::Float, false, 0, 0, false, kInf, true}}},
  };
  return rules;
}

/// The data sets syna-run can load: 28x28 grey images in 10 classes.
const std::vector<KindRule> &datasets() {
  static const std::vector<KindRule> rules = {
      {"mnist", {{"path", K::String, false, 0, 0, false, 0, false}}},
      {"fashion_mnist", {{"path", K::String, false, 0, 0, false, 0, false}}},
  };
  return rules;
}
/// Training-time augmentation of the images (test images are never
/// augmented): `shift` translates each image by a seeded random offset.
const std::vector<KindRule> &augmentations() {
  static const std::vector<KindRule> rules = {
      {"none", {}},
      {"shift", {{"pixels", K::Int, true, 0, 1, false, 8, false}}},
  };
  return rules;
}
constexpr int64_t kSampleElements = 28 * 28;
constexpr int64_t kClasses = 10;

std::string kindList(const std::vector<KindRule> &rules) {
  std::string out;
  for (size_t i = 0; i < rules.size(); ++i)
    out += concat(i == 0 ? "" : i + 1 == rules.size() ? " or " : ", ",
                  rules[i].kind);
  return out;
}

/// "lie in [0, 1)", or "be > 0" for a range without a useful upper bound.
std::string range(const FieldRule &rule) {
  if (rule.high >= 9.0e15)
    return concat("be ", rule.lowOpen ? "> " : ">= ", rule.low);
  return concat("lie in ", rule.lowOpen ? "(" : "[", rule.low, ", ", rule.high,
                rule.highOpen ? ")" : "]");
}

const char *const kSettings[] = {"graph",  "loss",   "optimizer", "schedule",
                                 "batch",  "epochs", "seed",      "data",
                                 "augment"};

} // namespace

namespace syna::frontend {

/// Decodes `kind` or `kind(field = value, ...)` against one of the tables.
class SpecDecoder {
public:
  SpecDecoder(Sema &sema, DiagnosticEngine &diags) : sema(sema), diags(diags) {}

  bool decode(Expr &expr, const char *setting,
              const std::vector<KindRule> &rules, SpecDict &out);
  std::optional<SpecValue> value(Expr &expr, const FieldRule &rule,
                                 const std::string &context);

  Sema &sema;
  DiagnosticEngine &diags;

  Type checkExpr(Expr &expr);
};

} // namespace syna::frontend

std::optional<SpecValue> SpecDecoder::value(Expr &expr, const FieldRule &rule,
                                            const std::string &context) {
  SpecValue result;
  result.kind = rule.type;
  if (rule.type == K::Bool) {
    auto *flag = as<BoolExpr>(&expr);
    if (!flag) {
      diags.error(expr.loc, concat(context, " must be true or false"));
      return std::nullopt;
    }
    result.boolValue = flag->value;
    return result;
  }
  if (rule.type == K::String) {
    auto *string = as<StringExpr>(&expr);
    if (!string) {
      diags.error(expr.loc, concat(context, " must be a string"));
      return std::nullopt;
    }
    result.stringValue = string->value;
    return result;
  }
  Type type = checkExpr(expr);
  if (type.isError())
    return std::nullopt;
  if (!type.isNumber() || (rule.type == K::Int && !type.integral)) {
    diags.error(expr.loc, concat(context, " must be ",
                                 rule.type == K::Int ? "an integer" : "a number"));
    return std::nullopt;
  }
  double v = type.number;
  bool below = rule.lowOpen ? !(v > rule.low) : !(v >= rule.low);
  bool above = rule.highOpen ? !(v < rule.high) : !(v <= rule.high);
  if (below || above || (rule.type == K::Int && std::fabs(v) > 9.0e15)) {
    diags.error(expr.loc, concat(context, " must ", range(rule), ", got ", v));
    return std::nullopt;
  }
  result.floatValue = v;
  result.intValue = rule.type == K::Int ? static_cast<int64_t>(v) : 0;
  return result;
}

bool SpecDecoder::decode(Expr &expr, const char *setting,
                         const std::vector<KindRule> &rules, SpecDict &out) {
  Ident kind;
  CallExpr *call = as<CallExpr>(&expr);
  if (call)
    kind = call->callee;
  else if (auto *name = as<NameExpr>(&expr))
    kind = {name->name, name->loc};
  if (kind.name.empty()) {
    diags.error(expr.loc, concat("'", setting, "' must be one of ",
                                 kindList(rules)));
    return false;
  }
  const KindRule *rule = nullptr;
  for (const KindRule &candidate : rules)
    if (kind.name == candidate.kind)
      rule = &candidate;
  if (!rule) {
    std::vector<std::string> names;
    for (const KindRule &candidate : rules)
      names.push_back(candidate.kind);
    std::optional<std::string> guess = closestName(kind.name, names);
    diags.error(kind.loc, concat("unknown ", setting, " '", kind.name, "'",
                                 guess ? concat("; did you mean '", *guess, "'?")
                                       : concat("; expected ", kindList(rules))));
    return false;
  }
  out.kind = rule->kind;
  bool ok = true;
  std::vector<Expr *> given(rule->fields.size(), nullptr);
  if (call) {
    for (CallArg &arg : call->args) {
      if (arg.keyword.name.empty()) {
        diags.error(arg.value->loc,
                    concat("settings of '", rule->kind, "' are named, as in ",
                           rule->fields.empty()
                               ? std::string(rule->kind)
                               : concat(rule->kind, "(", rule->fields[0].name,
                                        " = ...)")));
        ok = false;
        continue;
      }
      size_t index = 0;
      while (index < rule->fields.size() &&
             arg.keyword.name != rule->fields[index].name)
        ++index;
      if (index == rule->fields.size()) {
        std::string known;
        for (const FieldRule &field : rule->fields)
          known += concat(known.empty() ? "" : ", ", field.name);
        diags.error(arg.keyword.loc,
                    concat("'", rule->kind, "' has no setting '",
                           arg.keyword.name, "'",
                           known.empty() ? std::string("; it takes none")
                                         : concat("; it takes ", known)));
        ok = false;
      } else if (given[index]) {
        diags.error(arg.keyword.loc,
                    concat("'", arg.keyword.name, "' is given twice"));
        ok = false;
      } else {
        given[index] = arg.value.get();
      }
    }
  }
  for (size_t i = 0; i < rule->fields.size(); ++i) {
    const FieldRule &field = rule->fields[i];
    std::string context = concat("'", field.name, "' of ", rule->kind);
    if (!given[i]) {
      if (field.required) {
        diags.error(kind.loc, concat("'", rule->kind, "' needs '", field.name,
                                     " = ...'"));
        ok = false;
        continue;
      }
      SpecValue value;
      value.kind = field.type;
      value.floatValue = field.defaultValue;
      value.intValue = static_cast<int64_t>(field.defaultValue);
      value.boolValue = field.defaultValue != 0;
      out.fields.push_back({field.name, value});
      continue;
    }
    std::optional<SpecValue> value = this->value(*given[i], field, context);
    if (!value) {
      ok = false;
      continue;
    }
    out.fields.push_back({field.name, *value});
  }
  return ok;
}

Type SpecDecoder::checkExpr(Expr &expr) { return sema.checkExpr(expr); }

void Sema::checkModel(ModelDecl &model) {
  std::map<std::string, ModelEntry *> entries;
  for (ModelEntry &entry : model.entries) {
    bool known = false;
    for (const char *setting : kSettings)
      known |= entry.key.name == setting;
    if (!known) {
      std::vector<std::string> names(std::begin(kSettings), std::end(kSettings));
      std::optional<std::string> guess = closestName(entry.key.name, names);
      diags_.error(entry.key.loc,
                   concat("unknown model setting '", entry.key.name, "'",
                          guess ? concat("; did you mean '", *guess, "'?")
                                : std::string("; expected graph, loss, "
                                              "optimizer, schedule, batch, "
                                              "epochs, seed, data or "
                                              "augment")));
      continue;
    }
    auto [it, inserted] = entries.emplace(entry.key.name, &entry);
    if (!inserted) {
      diags_.error(entry.key.loc,
                   concat("'", entry.key.name, "' is set twice"));
      diags_.note(it->second->key.loc, "the first setting is here");
    }
  }
  static const std::pair<const char *, const char *> required[] = {
      {"graph", "graph = net"},
      {"loss", "loss = nll"},
      {"optimizer", "optimizer = sgd(lr = 0.01)"},
      {"batch", "batch = 100"},
      {"epochs", "epochs = 10"},
      {"data", "data = mnist"}};
  bool ok = true;
  for (auto [setting, example] : required)
    if (!entries.count(setting)) {
      diags_.error(model.name.loc, concat("model '", model.name.name,
                                          "' needs a setting '", example, "'"));
      ok = false;
    }

  ModelSpec &spec = model.spec;
  SpecDecoder decoder(*this, diags_);
  const FunctionDecl *graph = nullptr;
  Loc graphLoc = model.name.loc;

  if (auto it = entries.find("graph"); it != entries.end()) {
    Expr &value = *it->second->value;
    graphLoc = value.loc;
    auto *name = as<NameExpr>(&value);
    auto global = name ? globals_.find(name->name) : globals_.end();
    auto *function = global != globals_.end()
                         ? dynamic_cast<FunctionDecl *>(global->second)
                         : nullptr;
    if (!name) {
      diags_.error(value.loc, "'graph' must name a graph: graph = net");
      ok = false;
    } else if (!function || function->isCircuit) {
      if (function || global != globals_.end())
        diags_.error(value.loc, concat("'", name->name,
                                       "' is not a graph; a model trains a "
                                       "graph"));
      else {
        std::vector<std::string> graphs;
        for (auto &[global, decl] : globals_)
          if (auto *f = dynamic_cast<FunctionDecl *>(decl); f && !f->isCircuit)
            graphs.push_back(global);
        std::optional<std::string> guess = closestName(name->name, graphs);
        diags_.error(value.loc,
                     concat("unknown graph '", name->name, "'",
                            guess ? concat("; did you mean '", *guess, "'?")
                                  : std::string()));
      }
      ok = false;
    } else {
      graph = function;
      spec.graph = name->name;
    }
  }
  if (auto it = entries.find("loss"); it != entries.end()) {
    auto *name = as<NameExpr>(it->second->value.get());
    if (name && (name->name == "nll" || name->name == "cross_entropy")) {
      spec.loss = name->name;
    } else {
      diags_.error(it->second->value->loc,
                   "'loss' must be nll (the graph returns log-probabilities) "
                   "or cross_entropy (the graph returns logits)");
      ok = false;
    }
  }
  if (auto it = entries.find("optimizer"); it != entries.end())
    ok &= decoder.decode(*it->second->value, "optimizer", optimizers(),
                         spec.optimizer);
  if (auto it = entries.find("schedule"); it != entries.end())
    ok &= decoder.decode(*it->second->value, "schedule", schedules(),
                         spec.schedule);
  else
    spec.schedule.kind = "constant";
  if (auto it = entries.find("data"); it != entries.end())
    ok &= decoder.decode(*it->second->value, "data set", datasets(), spec.data);
  if (auto it = entries.find("augment"); it != entries.end())
    ok &= decoder.decode(*it->second->value, "augmentation", augmentations(),
                         spec.augment);
  else
    spec.augment.kind = "none";

  struct IntSetting {
    const char *name;
    int64_t *out;
    double low;
  };
  for (IntSetting setting : {IntSetting{"batch", &spec.batch, 1},
                             IntSetting{"epochs", &spec.epochs, 1},
                             IntSetting{"seed", &spec.seed, 0}}) {
    auto it = entries.find(setting.name);
    if (it == entries.end())
      continue;
    FieldRule rule = {setting.name, K::Int, true, 0, setting.low, false,
                      9.0e15, false};
    std::optional<SpecValue> value = decoder.value(
        *it->second->value, rule, concat("'", setting.name, "'"));
    if (value)
      *setting.out = value->intValue;
    else
      ok = false;
  }

  if (spec.optimizer.kind == "sgd") {
    bool nesterov = false;
    double momentum = 0;
    for (auto &[name, value] : spec.optimizer.fields) {
      if (name == "nesterov")
        nesterov = value.boolValue;
      if (name == "momentum")
        momentum = value.floatValue;
    }
    if (nesterov && momentum == 0) {
      diags_.error(entries["optimizer"]->value->loc,
                   "Nesterov momentum needs momentum > 0");
      ok = false;
    }
  }

  // What the training loop feeds the graph: a batch of images first, then
  // optionally a dropout key; it reads one [batch, classes] result.
  if (!ok || !graph || !graph->signatureValid)
    return;
  std::string name = graph->name.name;
  const Type *input = graph->argTypes.empty() ? nullptr : &graph->argTypes[0];
  int64_t elements = 1;
  bool imageInput = input && input->isFloatTensor() && input->rank() >= 2 &&
                    input->dims[0].isNamed();
  for (size_t d = 1; imageInput && d < input->rank(); ++d) {
    imageInput = input->dims[d].isStatic();
    if (imageInput)
      elements *= input->dims[d].size;
  }
  if (!imageInput || elements != kSampleElements) {
    diags_.error(graphLoc,
                 concat("model '", model.name.name, "' feeds ", spec.data.kind,
                        " images (28x28 = 784 values per sample) to graph '",
                        name, "', whose first argument must be a float tensor "
                              "[B, ...] of 784 values per sample, got ",
                        input ? toString(*input) : std::string("none")));
    return;
  }
  size_t keys = 0;
  for (size_t i = 1; i < graph->argTypes.size(); ++i) {
    if (graph->argTypes[i].kind == Type::Key && keys++ == 0)
      continue;
    diags_.error(graphLoc,
                 concat("the training loop passes graph '", name,
                        "' a batch and at most one dropout key (i64); argument '",
                        graph->args[i].name.name, "' is ",
                        toString(graph->argTypes[i])));
    return;
  }
  const Type *output =
      graph->resultTypes.size() == 1 ? &graph->resultTypes[0] : nullptr;
  if (!output || !output->isFloatTensor() || output->rank() != 2 ||
      !(output->dims[0] == input->dims[0]) ||
      !(output->dims[1] == Dim::fixed(kClasses))) {
    std::string got;
    for (const Type &type : graph->resultTypes)
      got += concat(got.empty() ? "" : ", ", toString(type));
    diags_.error(graphLoc,
                 concat("the ", spec.loss, " loss needs one result of ",
                        kClasses, " class scores per sample, ",
                        spell(input->elem), "[", input->dims[0].name, ", ",
                        kClasses, "], from graph '", name, "', got ", got));
  }
}
