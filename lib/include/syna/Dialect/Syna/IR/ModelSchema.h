//===- ModelSchema.h - the schema of a model's training setup ---*- C++ -*-===//
//
// What a model says (a .syna `model` block, the #syna.model attribute) is
// defined here once: its settings, the kinds of the kind-valued settings,
// each kind's fields with type, range and default, the learning-rate
// schedules, and the contract between the data sets and the graph. The
// front end (lib/Frontend/SemaModel.cpp) and the attribute's parser and
// verifier (dialect/Syna/IR/SynaAttrs.cpp) decode against these tables;
// syna-build-train-step and syna-run read the typed ModelSpec they produce.
//
// Standard C++ only (see dialect/Syna/IR/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_DIALECT_SYNA_IR_MODELSCHEMA_H
#define SYNA_DIALECT_SYNA_IR_MODELSCHEMA_H

#include "syna/Support/Shape.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace syna {

//===----------------------------------------------------------------------===//
// The typed setup
//===----------------------------------------------------------------------===//

// The enumerators of each kind are in the order of the kinds in the schema
// table (ModelSchema.cpp), which maps between the two by position.
enum class LossKind : uint8_t { Nll, CrossEntropy };
enum class OptimizerKind : uint8_t { Sgd, Adam };
enum class ScheduleKind : uint8_t { Constant, Step, Exponential, Cosine };
enum class DataKind : uint8_t { Mnist, FashionMnist };
enum class AugmentKind : uint8_t { None, Shift };

// A field that the chosen kind does not have holds zero (false, ""), so that
// equal setups compare equal. The member initializers are placeholders:
// defaults come from the schema (defaultModelSpec, selectKind).

struct OptimizerSpec {
  OptimizerKind kind = OptimizerKind::Sgd;
  double lr = 0;
  double momentum = 0; // sgd
  bool nesterov = false; // sgd
  double weightDecay = 0;
  double beta1 = 0, beta2 = 0, eps = 0; // adam
};

struct ScheduleSpec {
  ScheduleKind kind = ScheduleKind::Constant;
  int64_t stepSize = 0; // step
  double gamma = 0;     // step, exponential
  int64_t tMax = 0;     // cosine
  double etaMin = 0;    // cosine
};

struct DataSpec {
  DataKind kind = DataKind::Mnist;
  std::string path; // "": syna-run's default location of the data set
};

struct AugmentSpec {
  AugmentKind kind = AugmentKind::None;
  int64_t pixels = 0; // shift
};

/// The training setup of a model, every field set.
struct ModelSpec {
  std::string name;  // the model's name (run directory, checkpoints)
  std::string graph; // the symbol of the graph to train
  LossKind loss = LossKind::Nll;
  OptimizerSpec optimizer;
  ScheduleSpec schedule;
  int64_t batch = 0, epochs = 0, seed = 0;
  DataSpec data;
  AugmentSpec augment;
};

bool operator==(const OptimizerSpec &a, const OptimizerSpec &b);
bool operator==(const ScheduleSpec &a, const ScheduleSpec &b);
bool operator==(const DataSpec &a, const DataSpec &b);
bool operator==(const AugmentSpec &a, const AugmentSpec &b);
bool operator==(const ModelSpec &a, const ModelSpec &b);
inline bool operator!=(const ModelSpec &a, const ModelSpec &b) {
  return !(a == b);
}

//===----------------------------------------------------------------------===//
// The schema
//===----------------------------------------------------------------------===//

enum class FieldType : uint8_t { Int, Float, Bool, String };

/// Where a field's value lives in a ModelSpec.
using FieldSlot = std::variant<int64_t *, double *, bool *, std::string *>;

/// The values a number may take: [low, high], either end open.
struct Range {
  double low = 0, high = 0;
  bool lowOpen = false, highOpen = false;

  static constexpr double kInf = std::numeric_limits<double>::infinity();
  static Range atLeast(double low) { return {low, kInf, false, true}; }
  static Range above(double low) { return {low, kInf, true, true}; }
  static Range closed(double low, double high) {
    return {low, high, false, false};
  }
  static Range closedOpen(double low, double high) {
    return {low, high, false, true};
  }
  static Range openClosed(double low, double high) {
    return {low, high, true, false};
  }
  bool contains(double value) const;
};

struct FieldRule {
  const char *name;
  FieldType type;
  bool required;
  double defaultValue; // Int, Float and Bool (0 or 1); String defaults to ""
  Range range;         // Int and Float
  FieldSlot (*slot)(ModelSpec &spec);
};

/// One kind of a kind-valued setting (`adam`, `cosine`, ...).
struct KindRule {
  const char *name;
  const char *meaning; // what choosing it says, or ""
  std::vector<FieldRule> fields;
};

enum class ModelSetting : uint8_t {
  Graph,
  Loss,
  Optimizer,
  Schedule,
  Batch,
  Epochs,
  Seed,
  Data,
  Augment
};

struct SettingRule {
  ModelSetting setting;
  const char *name; // as written: `data = ...`
  const char *noun; // what messages call it: "unknown data set 'x'"
  enum Shape : uint8_t { Symbol, Kind, Integer } shape;
  bool required;
  const char *example;         // a complete .syna setting, for messages
  std::vector<KindRule> kinds; // Kind: the kinds, in enum order
  unsigned defaultKind = 0;    // Kind, when not required
  FieldRule value = {};        // Integer: type, range and default
};

/// Every setting of a model, in the order that printers use.
const std::vector<SettingRule> &modelSchema();
const SettingRule &settingRule(ModelSetting setting);
const SettingRule *findSetting(std::string_view name);
/// The kind called `name`; `index` receives its position.
const KindRule *findKind(const SettingRule &rule, std::string_view name,
                         unsigned *index = nullptr);
const FieldRule *findField(const KindRule &kind, std::string_view name);

/// "a, b or c" of the names of `rules`' kinds; with `meanings`, each with
/// its meaning in parentheses.
std::string kindList(const SettingRule &rule, bool meanings = false);
/// "graph, loss, ... or augment".
std::string settingList();

/// A model with every optional setting at its default (schedule constant,
/// seed 0, no augmentation) and the first kind of each required one, its
/// required fields zero: where decoders start.
ModelSpec defaultModelSpec();
/// The index of the chosen kind of a kind-valued setting.
unsigned kindIndex(const ModelSpec &spec, ModelSetting setting);
const KindRule &chosenKind(const ModelSpec &spec, ModelSetting setting);
/// Chooses kind `index`: its fields at their defaults, the others cleared.
void selectKind(ModelSpec &spec, ModelSetting setting, unsigned index);

//===----------------------------------------------------------------------===//
// Values and checks
//===----------------------------------------------------------------------===//

/// A field's value as written in a .syna file or an attribute.
struct FieldValue {
  enum Kind : uint8_t {
    Integer, // a number written without fraction or exponent
    Number,
    Bool,
    String,
    Other, // anything else: always the wrong type
  } kind = Other;
  double number = 0;
  bool flag = false;
  std::string text;
};

// Messages of the checks complete a sentence that callers begin with what
// is checked, "'momentum' of sgd " or "'batch' ", and carry no location.

/// "must be an integer", "must lie in [0, 1), got 1", ... or nullopt.
std::optional<std::string> checkValue(const FieldRule &rule,
                                      const FieldValue &value);
/// Stores a value that checkValue accepted.
void setField(ModelSpec &spec, const FieldRule &rule, const FieldValue &value);
/// The field's value in `spec`, as checkValue takes it.
FieldValue getField(const ModelSpec &spec, const FieldRule &rule);
bool isDefault(const ModelSpec &spec, const FieldRule &rule);

/// "'sgd' has no setting 'beta1'; it takes lr, momentum, ...".
std::string unknownFieldMessage(const KindRule &kind, std::string_view field);
/// "'step' needs 'step_size = ...'".
std::string missingFieldMessage(const KindRule &kind, const FieldRule &field);
/// The rules between the fields of one setting: Nesterov momentum needs
/// momentum > 0.
std::optional<std::string> checkConsistency(const ModelSpec &spec,
                                            ModelSetting setting);
/// Everything a typed ModelSpec can get wrong: a range, a field set that
/// its kind does not have, checkConsistency. The message is complete.
std::optional<std::string> checkSpec(const ModelSpec &spec);

/// A number as the shortest decimal that reads back exactly ("0.001", "1",
/// "1e-08"); with `literal`, always with a fraction ("1.0", "1.0e-08") so
/// that MLIR's parser reads it as a float.
std::string formatFieldNumber(double value, bool literal = false);
/// `kind(field=value,...)` of a kind-valued setting, every field included.
std::string formatSetting(const ModelSpec &spec, ModelSetting setting);
/// The whole setup on one line, `model=NAME graph=@G loss=nll optimizer=...`:
/// syna-run's run log.
std::string formatSpec(const ModelSpec &spec);

//===----------------------------------------------------------------------===//
// Training semantics
//===----------------------------------------------------------------------===//

/// The learning rate of epoch `epoch` (from 0) for base rate `base`:
/// PyTorch's StepLR, ExponentialLR and CosineAnnealingLR stepped once per
/// epoch.
double scheduledLr(const ScheduleSpec &schedule, double base, int64_t epoch);

/// Both data sets hold 28x28 grey images in 10 classes.
inline constexpr int64_t kSampleElements = 28 * 28;
inline constexpr int64_t kClasses = 10;

/// An argument or result of a graph, as the contract sees it.
struct GraphValue {
  enum Kind : uint8_t { Tensor, Scalar, Other } kind = Other;
  TensorDesc type;      // Tensor: the tensor; Scalar: the element type
  std::string name;     // the argument's name; "": messages number it
  std::string spelling; // the type as the caller's language writes it
};

/// What syna-run's training loop feeds the model's graph and reads back: a
/// batch of images first, a float tensor [B, ...] of kSampleElements values
/// per sample, optionally an i64 dropout key, and one result [B, kClasses].
/// nullopt when the graph fits, else a complete message.
std::optional<std::string>
checkGraphContract(const ModelSpec &spec, const std::vector<GraphValue> &args,
                   const std::vector<GraphValue> &results);

} // namespace syna

#endif // SYNA_DIALECT_SYNA_IR_MODELSCHEMA_H
