//===- ModelSchema.cpp - the schema of a model's training setup ---------===//
//
// The tables below are the one definition of what a model may say
// (docs/language.md, "Models"); everything else in this file reads them.
//
//===----------------------------------------------------------------------===//
#include "syna/Dialect/Syna/IR/ModelSchema.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

using namespace syna;

//===----------------------------------------------------------------------===//
// The typed setup
//===----------------------------------------------------------------------===//

bool syna::operator==(const OptimizerSpec &a, const OptimizerSpec &b) {
  return a.kind == b.kind && a.lr == b.lr && a.momentum == b.momentum &&
         a.nesterov == b.nesterov && a.weightDecay == b.weightDecay &&
         a.beta1 == b.beta1 && a.beta2 == b.beta2 && a.eps == b.eps;
}

bool syna::operator==(const ScheduleSpec &a, const ScheduleSpec &b) {
  return a.kind == b.kind && a.stepSize == b.stepSize && a.gamma == b.gamma &&
         a.tMax == b.tMax && a.etaMin == b.etaMin;
}

bool syna::operator==(const DataSpec &a, const DataSpec &b) {
  return a.kind == b.kind && a.path == b.path;
}

bool syna::operator==(const AugmentSpec &a, const AugmentSpec &b) {
  return a.kind == b.kind && a.pixels == b.pixels;
}

bool syna::operator==(const ModelSpec &a, const ModelSpec &b) {
  return a.name == b.name && a.graph == b.graph && a.loss == b.loss &&
         a.optimizer == b.optimizer && a.schedule == b.schedule &&
         a.batch == b.batch && a.epochs == b.epochs && a.seed == b.seed &&
         a.data == b.data && a.augment == b.augment;
}

bool Range::contains(double value) const {
  bool aboveLow = lowOpen ? value > low : value >= low;
  bool belowHigh = highOpen ? value < high : value <= high;
  return aboveLow && belowHigh;
}

//===----------------------------------------------------------------------===//
// The tables
//===----------------------------------------------------------------------===//

namespace {

using T = FieldType;
// A batch of 28x28 float images is batch·3 KiB per tensor of the step, and
// the data sets hold 60000 training images; an epoch count beyond this is a
// mistake rather than a plan.
constexpr double kMaxBatch = 65536;
constexpr double kMaxEpochs = 100000;
constexpr bool kRequired = true;
constexpr bool kOptional = false;

// Where each field lives: one accessor per member, so that the tables can
// read and write a ModelSpec without a second list of the fields.
template <auto Member> FieldSlot optimizer(ModelSpec &spec) {
  return &(spec.optimizer.*Member);
}
template <auto Member> FieldSlot schedule(ModelSpec &spec) {
  return &(spec.schedule.*Member);
}
template <auto Member> FieldSlot data(ModelSpec &spec) {
  return &(spec.data.*Member);
}
template <auto Member> FieldSlot augment(ModelSpec &spec) {
  return &(spec.augment.*Member);
}
template <auto Member> FieldSlot model(ModelSpec &spec) {
  return &(spec.*Member);
}

std::vector<KindRule> losses() {
  return {{"nll", "the graph returns log-probabilities", {}},
          {"cross_entropy", "the graph returns logits", {}}};
}

std::vector<KindRule> optimizers() {
  using O = OptimizerSpec;
  return {
      {"sgd",
       "",
       {{"lr", T::Float, kRequired, 0, Range::above(0), optimizer<&O::lr>},
        {"momentum", T::Float, kOptional, 0, Range::closedOpen(0, 1),
         optimizer<&O::momentum>},
        {"nesterov", T::Bool, kOptional, 0, {}, optimizer<&O::nesterov>},
        {"weight_decay", T::Float, kOptional, 0, Range::atLeast(0),
         optimizer<&O::weightDecay>}}},
      {"adam",
       "",
       {{"lr", T::Float, kOptional, 1e-3, Range::above(0), optimizer<&O::lr>},
        {"beta1", T::Float, kOptional, 0.9, Range::closedOpen(0, 1),
         optimizer<&O::beta1>},
        {"beta2", T::Float, kOptional, 0.999, Range::closedOpen(0, 1),
         optimizer<&O::beta2>},
        {"eps", T::Float, kOptional, 1e-8, Range::above(0),
         optimizer<&O::eps>},
        {"weight_decay", T::Float, kOptional, 0, Range::atLeast(0),
         optimizer<&O::weightDecay>}}},
  };
}

std::vector<KindRule> schedules() {
  using S = ScheduleSpec;
  return {
      {"constant", "", {}},
      {"step",
       "",
       {{"step_size", T::Int, kRequired, 0, Range::atLeast(1),
         schedule<&S::stepSize>},
        {"gamma", T::Float, kOptional, 0.1, Range::openClosed(0, 1),
         schedule<&S::gamma>}}},
      {"exponential",
       "",
       {{"gamma", T::Float, kRequired, 0, Range::openClosed(0, 1),
         schedule<&S::gamma>}}},
      {"cosine",
       "",
       {{"t_max", T::Int, kRequired, 0, Range::atLeast(1), schedule<&S::tMax>},
        {"eta_min", T::Float, kOptional, 0, Range::atLeast(0),
         schedule<&S::etaMin>}}},
  };
}

/// The data sets syna-run can load: 28x28 grey images in 10 classes.
std::vector<KindRule> datasets() {
  FieldRule path = {"path", T::String, kOptional, 0, {}, data<&DataSpec::path>};
  return {{"mnist", "", {path}}, {"fashion_mnist", "", {path}}};
}

/// Training-time augmentation of the images (test images are never
/// augmented): `shift` translates each image by a seeded random offset.
std::vector<KindRule> augmentations() {
  return {{"none", "", {}},
          {"shift",
           "",
           {{"pixels", T::Int, kRequired, 0, Range::closed(1, 8),
             augment<&AugmentSpec::pixels>}}}};
}

std::vector<SettingRule> buildSchema() {
  using M = ModelSetting;
  using S = SettingRule;
  auto integer = [](const char *name, bool required, double dflt, Range range,
                    FieldSlot (*slot)(ModelSpec &)) {
    return FieldRule{name, T::Int, required, dflt, range, slot};
  };
  return {
      {M::Graph, "graph", "graph", S::Symbol, kRequired, "graph = net", {}},
      {M::Loss, "loss", "loss", S::Kind, kRequired, "loss = nll", losses()},
      {M::Optimizer, "optimizer", "optimizer", S::Kind, kRequired,
       "optimizer = sgd(lr = 0.01)", optimizers()},
      {M::Schedule, "schedule", "schedule", S::Kind, kOptional,
       "schedule = constant", schedules(), 0},
      {M::Batch, "batch", "batch", S::Integer, kRequired, "batch = 100", {}, 0,
       integer("batch", kRequired, 0, Range::closed(1, kMaxBatch),
               model<&ModelSpec::batch>)},
      {M::Epochs, "epochs", "epochs", S::Integer, kRequired, "epochs = 10", {},
       0,
       integer("epochs", kRequired, 0, Range::closed(1, kMaxEpochs),
               model<&ModelSpec::epochs>)},
      {M::Seed, "seed", "seed", S::Integer, kOptional, "seed = 0", {}, 0,
       integer("seed", kOptional, 0, Range::atLeast(0),
               model<&ModelSpec::seed>)},
      {M::Data, "data", "data set", S::Kind, kRequired, "data = mnist",
       datasets()},
      {M::Augment, "augment", "augmentation", S::Kind, kOptional,
       "augment = none", augmentations(), 0},
  };
}

} // namespace

const std::vector<SettingRule> &syna::modelSchema() {
  static const std::vector<SettingRule> schema = buildSchema();
  return schema;
}

// The table lists the settings in the order of ModelSetting.
const SettingRule &syna::settingRule(ModelSetting setting) {
  return modelSchema()[static_cast<size_t>(setting)];
}

const SettingRule *syna::findSetting(std::string_view name) {
  for (const SettingRule &rule : modelSchema())
    if (name == rule.name)
      return &rule;
  return nullptr;
}

const KindRule *syna::findKind(const SettingRule &rule, std::string_view name,
                               unsigned *index) {
  for (size_t i = 0; i < rule.kinds.size(); ++i)
    if (name == rule.kinds[i].name) {
      if (index)
        *index = static_cast<unsigned>(i);
      return &rule.kinds[i];
    }
  return nullptr;
}

const FieldRule *syna::findField(const KindRule &kind, std::string_view name) {
  for (const FieldRule &field : kind.fields)
    if (name == field.name)
      return &field;
  return nullptr;
}

static std::string joinOr(const std::vector<std::string> &items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return out;
}

std::string syna::kindList(const SettingRule &rule, bool meanings) {
  std::vector<std::string> names;
  for (const KindRule &kind : rule.kinds)
    names.push_back(meanings && *kind.meaning
                        ? std::string(kind.name) + " (" + kind.meaning + ")"
                        : std::string(kind.name));
  return joinOr(names);
}

std::string syna::settingList() {
  std::vector<std::string> names;
  for (const SettingRule &rule : modelSchema())
    names.push_back(rule.name);
  return joinOr(names);
}

//===----------------------------------------------------------------------===//
// Kinds and fields
//===----------------------------------------------------------------------===//

static void setDefault(ModelSpec &spec, const FieldRule &field) {
  std::visit(
      [&](auto *slot) {
        using V = std::remove_pointer_t<decltype(slot)>;
        if constexpr (std::is_same_v<V, std::string>)
          slot->clear();
        else if constexpr (std::is_same_v<V, bool>)
          *slot = field.defaultValue != 0;
        else
          *slot = static_cast<V>(field.defaultValue);
      },
      field.slot(spec));
}

static bool isZero(const ModelSpec &spec, const FieldRule &field) {
  FieldValue value = getField(spec, field);
  return value.number == 0 && !value.flag && value.text.empty();
}

ModelSpec syna::defaultModelSpec() {
  ModelSpec spec;
  for (const SettingRule &rule : modelSchema()) {
    if (rule.shape == SettingRule::Kind)
      selectKind(spec, rule.setting, rule.required ? 0 : rule.defaultKind);
    else if (rule.shape == SettingRule::Integer)
      setDefault(spec, rule.value);
  }
  return spec;
}

unsigned syna::kindIndex(const ModelSpec &spec, ModelSetting setting) {
  switch (setting) {
  case ModelSetting::Loss:
    return static_cast<unsigned>(spec.loss);
  case ModelSetting::Optimizer:
    return static_cast<unsigned>(spec.optimizer.kind);
  case ModelSetting::Schedule:
    return static_cast<unsigned>(spec.schedule.kind);
  case ModelSetting::Data:
    return static_cast<unsigned>(spec.data.kind);
  case ModelSetting::Augment:
    return static_cast<unsigned>(spec.augment.kind);
  default:
    return 0;
  }
}

const KindRule &syna::chosenKind(const ModelSpec &spec, ModelSetting setting) {
  return settingRule(setting).kinds.at(kindIndex(spec, setting));
}

void syna::selectKind(ModelSpec &spec, ModelSetting setting, unsigned index) {
  switch (setting) {
  case ModelSetting::Loss:
    spec.loss = static_cast<LossKind>(index);
    break;
  case ModelSetting::Optimizer:
    spec.optimizer = {};
    spec.optimizer.kind = static_cast<OptimizerKind>(index);
    break;
  case ModelSetting::Schedule:
    spec.schedule = {};
    spec.schedule.kind = static_cast<ScheduleKind>(index);
    break;
  case ModelSetting::Data:
    spec.data = {};
    spec.data.kind = static_cast<DataKind>(index);
    break;
  case ModelSetting::Augment:
    spec.augment = {};
    spec.augment.kind = static_cast<AugmentKind>(index);
    break;
  default:
    return;
  }
  for (const FieldRule &field : settingRule(setting).kinds.at(index).fields)
    setDefault(spec, field);
}

//===----------------------------------------------------------------------===//
// Values and checks
//===----------------------------------------------------------------------===//

/// Integers beyond this are not exact in a double, which the front end's
/// numbers are.
static constexpr double kMaxExactInteger = 9.0e15;

/// "lie in [0, 1)", or "be > 0" for a range without an upper bound.
static std::string rangeText(const Range &range) {
  if (std::isinf(range.high))
    return std::string("be ") + (range.lowOpen ? "> " : ">= ") +
           formatFieldNumber(range.low);
  return std::string("lie in ") + (range.lowOpen ? "(" : "[") +
         formatFieldNumber(range.low) + ", " + formatFieldNumber(range.high) +
         (range.highOpen ? ")" : "]");
}

std::optional<std::string> syna::checkValue(const FieldRule &rule,
                                            const FieldValue &value) {
  switch (rule.type) {
  case FieldType::Bool:
    if (value.kind != FieldValue::Bool)
      return "must be true or false";
    return std::nullopt;
  case FieldType::String:
    if (value.kind != FieldValue::String)
      return "must be a string";
    return std::nullopt;
  case FieldType::Int:
  case FieldType::Float:
    break;
  }
  bool isInt = rule.type == FieldType::Int;
  if (value.kind != FieldValue::Integer &&
      (isInt || value.kind != FieldValue::Number))
    return std::string("must be ") + (isInt ? "an integer" : "a number");
  if (!rule.range.contains(value.number) ||
      (isInt && std::fabs(value.number) > kMaxExactInteger))
    return "must " + rangeText(rule.range) + ", got " +
           formatFieldNumber(value.number);
  return std::nullopt;
}

void syna::setField(ModelSpec &spec, const FieldRule &rule,
                    const FieldValue &value) {
  std::visit(
      [&](auto *slot) {
        using V = std::remove_pointer_t<decltype(slot)>;
        if constexpr (std::is_same_v<V, std::string>)
          *slot = value.text;
        else if constexpr (std::is_same_v<V, bool>)
          *slot = value.flag;
        else
          *slot = static_cast<V>(value.number);
      },
      rule.slot(spec));
}

FieldValue syna::getField(const ModelSpec &spec, const FieldRule &rule) {
  FieldValue value;
  // The accessors take a mutable spec so that one table serves reads and
  // writes; this read does not write.
  std::visit(
      [&](auto *slot) {
        using V = std::remove_pointer_t<decltype(slot)>;
        if constexpr (std::is_same_v<V, std::string>) {
          value.kind = FieldValue::String;
          value.text = *slot;
        } else if constexpr (std::is_same_v<V, bool>) {
          value.kind = FieldValue::Bool;
          value.flag = *slot;
        } else {
          value.kind = std::is_same_v<V, int64_t> ? FieldValue::Integer
                                                  : FieldValue::Number;
          value.number = static_cast<double>(*slot);
        }
      },
      rule.slot(const_cast<ModelSpec &>(spec)));
  return value;
}

bool syna::isDefault(const ModelSpec &spec, const FieldRule &rule) {
  ModelSpec reference = spec;
  setDefault(reference, rule);
  return reference == spec;
}

std::string syna::unknownFieldMessage(const KindRule &kind,
                                      std::string_view field) {
  std::string known;
  for (const FieldRule &rule : kind.fields)
    known += (known.empty() ? "" : ", ") + std::string(rule.name);
  return "'" + std::string(kind.name) + "' has no setting '" +
         std::string(field) + "'; it takes " +
         (known.empty() ? std::string("none") : known);
}

std::string syna::missingFieldMessage(const KindRule &kind,
                                      const FieldRule &field) {
  return "'" + std::string(kind.name) + "' needs '" + field.name + " = ...'";
}

std::optional<std::string> syna::checkConsistency(const ModelSpec &spec,
                                                  ModelSetting setting) {
  if (setting == ModelSetting::Optimizer &&
      spec.optimizer.kind == OptimizerKind::Sgd && spec.optimizer.nesterov &&
      spec.optimizer.momentum == 0)
    return "Nesterov momentum needs momentum > 0";
  return std::nullopt;
}

/// The fields of a kind-valued setting: each of the chosen kind in range,
/// every other one cleared (so that equal setups are equal attributes).
static std::optional<std::string> checkKindFields(const ModelSpec &spec,
                                                  const SettingRule &rule) {
  unsigned index = kindIndex(spec, rule.setting);
  if (index >= rule.kinds.size())
    return "unknown " + std::string(rule.noun) + " #" + std::to_string(index);
  const KindRule &kind = rule.kinds[index];
  for (const FieldRule &field : kind.fields)
    if (std::optional<std::string> problem =
            checkValue(field, getField(spec, field)))
      return "'" + std::string(field.name) + "' of " + kind.name + " " +
             *problem;
  for (const KindRule &other : rule.kinds)
    for (const FieldRule &field : other.fields)
      if (!findField(kind, field.name) && !isZero(spec, field))
        return unknownFieldMessage(kind, field.name);
  return std::nullopt;
}

std::optional<std::string> syna::checkSpec(const ModelSpec &spec) {
  for (const SettingRule &rule : modelSchema()) {
    std::optional<std::string> problem;
    switch (rule.shape) {
    case SettingRule::Symbol:
      if (spec.graph.empty())
        problem = "the model names no graph";
      break;
    case SettingRule::Kind:
      problem = checkKindFields(spec, rule);
      break;
    case SettingRule::Integer:
      if ((problem = checkValue(rule.value, getField(spec, rule.value))))
        problem = "'" + std::string(rule.name) + "' " + *problem;
      break;
    }
    if (!problem)
      problem = checkConsistency(spec, rule.setting);
    if (problem)
      return problem;
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

std::string syna::formatFieldNumber(double value, bool literal) {
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  std::string out = buffer;
  if (literal && std::isfinite(value) && out.find('.') == std::string::npos) {
    size_t exponent = out.find('e');
    out.insert(exponent == std::string::npos ? out.size() : exponent, ".0");
  }
  return out;
}

static std::string formatValue(const FieldValue &value) {
  switch (value.kind) {
  case FieldValue::Integer:
    return std::to_string(static_cast<int64_t>(value.number));
  case FieldValue::Bool:
    return value.flag ? "true" : "false";
  case FieldValue::String:
    return value.text;
  default:
    return formatFieldNumber(value.number);
  }
}

std::string syna::formatSetting(const ModelSpec &spec, ModelSetting setting) {
  const SettingRule &rule = settingRule(setting);
  if (rule.shape == SettingRule::Symbol)
    return "@" + spec.graph;
  if (rule.shape == SettingRule::Integer)
    return formatValue(getField(spec, rule.value));
  const KindRule &kind = chosenKind(spec, setting);
  std::string fields;
  for (const FieldRule &field : kind.fields) {
    FieldValue value = getField(spec, field);
    // An empty path means "the default location": nothing to record.
    if (value.kind == FieldValue::String && value.text.empty())
      continue;
    fields += (fields.empty() ? "" : ",") + std::string(field.name) + "=" +
              formatValue(value);
  }
  return kind.name + (fields.empty() ? std::string() : "(" + fields + ")");
}

std::string syna::formatSpec(const ModelSpec &spec) {
  std::string out = "model=" + spec.name;
  for (const SettingRule &rule : modelSchema())
    out += " " + std::string(rule.name) + "=" +
           formatSetting(spec, rule.setting);
  return out;
}

//===----------------------------------------------------------------------===//
// Training semantics
//===----------------------------------------------------------------------===//

double syna::scheduledLr(const ScheduleSpec &schedule, double base,
                         int64_t epoch) {
  switch (schedule.kind) {
  case ScheduleKind::Constant:
    break;
  case ScheduleKind::Step: {
    int64_t steps = epoch / std::max<int64_t>(1, schedule.stepSize);
    return base * std::pow(schedule.gamma, double(steps));
  }
  case ScheduleKind::Exponential:
    return base * std::pow(schedule.gamma, double(epoch));
  case ScheduleKind::Cosine: {
    const double pi = std::acos(-1.0);
    int64_t tMax = std::max<int64_t>(1, schedule.tMax);
    double t = double(std::min(epoch, tMax));
    return schedule.etaMin +
           (base - schedule.etaMin) * (1 + std::cos(pi * t / double(tMax))) / 2;
  }
  }
  return base;
}

/// A float tensor [B, ...] with kSampleElements values per sample, B not
/// static (evaluation feeds a last, smaller batch).
static bool isImageBatch(const GraphValue *value) {
  if (!value || value->kind != GraphValue::Tensor ||
      !isFloat(value->type.elem) || value->type.rank() < 2 ||
      value->type.dims[0].isStatic())
    return false;
  int64_t elements = 1;
  for (size_t d = 1; d < value->type.rank(); ++d) {
    const Dim &dim = value->type.dims[d];
    if (!dim.isStatic() || dim.size > kSampleElements)
      return false;
    elements *= dim.size;
    if (elements > kSampleElements)
      return false;
  }
  return elements == kSampleElements;
}

std::optional<std::string>
syna::checkGraphContract(const ModelSpec &spec,
                         const std::vector<GraphValue> &args,
                         const std::vector<GraphValue> &results) {
  std::string graph = "graph '" + spec.graph + "'";
  const GraphValue *input = args.empty() ? nullptr : &args[0];
  if (!isImageBatch(input))
    return "model '" + spec.name + "' feeds " +
           chosenKind(spec, ModelSetting::Data).name +
           " images (28x28 = 784 values per sample) to " + graph +
           ", whose first argument must be a float tensor [B, ...] of 784 "
           "values per sample, got " +
           (input ? input->spelling : std::string("none"));
  size_t keys = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    const GraphValue &arg = args[i];
    if (arg.kind == GraphValue::Scalar && arg.type.elem == DType::I64 &&
        keys++ == 0)
      continue;
    return "the training loop passes " + graph +
           " a batch and at most one dropout key (i64); argument " +
           (arg.name.empty() ? "#" + std::to_string(i) : "'" + arg.name + "'") +
           " is " + arg.spelling;
  }
  const Dim &batch = input->type.dims[0];
  const GraphValue *output = results.size() == 1 ? &results[0] : nullptr;
  if (output && output->kind == GraphValue::Tensor &&
      isFloat(output->type.elem) && output->type.rank() == 2 &&
      output->type.dims[0] == batch &&
      output->type.dims[1] == Dim::fixed(kClasses))
    return std::nullopt;
  std::string got;
  for (const GraphValue &result : results)
    got += (got.empty() ? "" : ", ") + result.spelling;
  return "the " + std::string(chosenKind(spec, ModelSetting::Loss).name) +
         " loss needs one result of " + std::to_string(kClasses) +
         " class scores per sample, " + spell(input->type.elem) + "[" +
         toString(batch) + ", " + std::to_string(kClasses) + "], from " +
         graph + ", got " + (got.empty() ? std::string("none") : got);
}
