//===- SynaAttrs.cpp - syna attributes ------------------------------------===//
#include "syna/Dialect/Syna/IR/SynaAttrs.h"

#include "Format.h"
#include "mlir/IR/Builders.h"
#include "syna/Dialect/Syna/IR/SynaDialect.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/ADT/bit.h"

using namespace mlir;
using namespace syna;

#include "syna/Dialect/Syna/IR/SynaEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "syna/Dialect/Syna/IR/SynaAttrs.cpp.inc"

void SynaDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "syna/Dialect/Syna/IR/SynaAttrs.cpp.inc"
      >();
}

/// How many arguments each initializer kind takes.
static unsigned expectedArgCount(InitKind kind) {
  switch (kind) {
  case InitKind::Constant:
    return 1;
  case InitKind::Uniform:
  case InitKind::Normal:
    return 2;
  default:
    return 0;
  }
}

// #syna.init<kind> | #syna.init<kind(a, b, ...)>
Attribute InitializerAttr::parse(AsmParser &parser, Type) {
  StringRef keyword;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseKeyword(&keyword))
    return {};
  std::optional<InitKind> kind = symbolizeInitKind(keyword);
  if (!kind) {
    parser.emitError(loc, "unknown initializer '")
        << keyword
        << "'; expected zeros, ones, constant, uniform, normal, "
           "kaiming_uniform, kaiming_normal or xavier_uniform";
    return {};
  }
  SmallVector<double> args;
  if (succeeded(parser.parseOptionalLParen())) {
    if (parser.parseCommaSeparatedList([&]() {
          double value;
          if (parser.parseFloat(value))
            return failure();
          args.push_back(value);
          return success();
        }) ||
        parser.parseRParen())
      return {};
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); },
                    parser.getContext(), *kind,
                    DenseF64ArrayAttr::get(parser.getContext(), args));
}

void InitializerAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyInitKind(getKind());
  if (!getArgs().empty()) {
    printer << '(';
    llvm::interleaveComma(getArgs().asArrayRef(), printer, [&](double value) {
      printer << formatFloatLiteral(value);
    });
    printer << ')';
  }
  printer << '>';
}

LogicalResult
InitializerAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                        InitKind kind, DenseF64ArrayAttr argsAttr) {
  ArrayRef<double> args = argsAttr.asArrayRef();
  unsigned expected = expectedArgCount(kind);
  if (args.size() != expected)
    return emitError() << "initializer '" << stringifyInitKind(kind)
                       << "' takes " << expected << " argument"
                       << (expected == 1 ? "" : "s") << ", got "
                       << args.size();
  for (double value : args)
    if (!std::isfinite(value))
      return emitError() << "initializer arguments must be finite";
  if (kind == InitKind::Uniform && !(args[0] < args[1]))
    return emitError() << "uniform initializer needs low < high, got ("
                       << formatNumber(args[0]) << ", "
                       << formatNumber(args[1]) << ")";
  if (kind == InitKind::Normal && !(args[1] > 0))
    return emitError()
           << "normal initializer needs a positive standard deviation, got "
           << formatNumber(args[1]);
  return success();
}

//===----------------------------------------------------------------------===//
// #syna.model
//===----------------------------------------------------------------------===//

/// Equal doubles hash equally: -0.0 == 0.0.
static uint64_t hashBits(double value) {
  return llvm::bit_cast<uint64_t>(value == 0 ? 0.0 : value);
}

llvm::hash_code syna::hash_value(const OptimizerSpec &spec) {
  return llvm::hash_combine(spec.kind, hashBits(spec.lr),
                            hashBits(spec.momentum), spec.nesterov,
                            hashBits(spec.weightDecay), hashBits(spec.beta1),
                            hashBits(spec.beta2), hashBits(spec.eps));
}

llvm::hash_code syna::hash_value(const ScheduleSpec &spec) {
  return llvm::hash_combine(spec.kind, spec.stepSize, hashBits(spec.gamma),
                            spec.tMax, hashBits(spec.etaMin));
}

llvm::hash_code syna::hash_value(const DataSpec &spec) {
  return llvm::hash_combine(spec.kind, spec.path);
}

llvm::hash_code syna::hash_value(const AugmentSpec &spec) {
  return llvm::hash_combine(spec.kind, spec.pixels);
}

ModelSpec ModelAttr::getSpec() const {
  ModelSpec spec;
  spec.name = getName().str();
  spec.graph = getGraph() ? getGraph().getValue().str() : std::string();
  spec.loss = getLoss();
  spec.optimizer = getOptimizer();
  spec.schedule = getSchedule();
  spec.batch = getBatch();
  spec.epochs = getEpochs();
  spec.seed = getSeed();
  spec.data = getData();
  spec.augment = getAugment();
  return spec;
}

LogicalResult ModelAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                StringRef name, FlatSymbolRefAttr graph,
                                LossKind loss, OptimizerSpec optimizer,
                                ScheduleSpec schedule, int64_t batch,
                                int64_t epochs, int64_t seed, DataSpec data,
                                AugmentSpec augment) {
  ModelSpec spec{name.str(),
                 graph ? graph.getValue().str() : std::string(),
                 loss,
                 optimizer,
                 schedule,
                 batch,
                 epochs,
                 seed,
                 data,
                 augment};
  if (std::optional<std::string> problem = checkSpec(spec))
    return emitError() << *problem;
  return success();
}

namespace {
/// Parses the settings of #syna.model<"name", setting = value, ...> into a
/// ModelSpec, checking kinds, fields, types and ranges against the schema
/// (ModelSchema.h) where they are written.
class ModelParser {
public:
  explicit ModelParser(AsmParser &parser)
      : parser(parser), spec(defaultModelSpec()),
        seen(modelSchema().size(), false) {}

  Attribute parse();

private:
  ParseResult parseSetting();
  ParseResult parseKind(const SettingRule &rule);
  /// A value checked against `rule`; `context` starts the messages.
  ParseResult parseValue(const FieldRule &rule, const std::string &context);

  AsmParser &parser;
  ModelSpec spec;
  std::vector<bool> seen;
};
} // namespace

Attribute ModelParser::parse() {
  SMLoc start = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseString(&spec.name))
    return {};
  while (succeeded(parser.parseOptionalComma()))
    if (failed(parseSetting()))
      return {};
  if (parser.parseGreater())
    return {};
  for (const SettingRule &rule : modelSchema())
    if (rule.required && !seen[static_cast<size_t>(rule.setting)]) {
      parser.emitError(start, "#syna.model needs '") << rule.name << " = ...'";
      return {};
    }
  return ModelAttr::getChecked([&] { return parser.emitError(start); },
                               parser.getContext(), spec);
}

ParseResult ModelParser::parseSetting() {
  SMLoc loc = parser.getCurrentLocation();
  StringRef key;
  if (parser.parseKeyword(&key))
    return failure();
  const SettingRule *rule = findSetting(key);
  if (!rule)
    return parser.emitError(loc, "unknown setting '")
           << key << "' of #syna.model; expected " << settingList();
  if (seen[static_cast<size_t>(rule->setting)])
    return parser.emitError(loc, "'") << key << "' is set twice";
  seen[static_cast<size_t>(rule->setting)] = true;
  if (parser.parseEqual())
    return failure();
  switch (rule->shape) {
  case SettingRule::Symbol: {
    SMLoc valueLoc = parser.getCurrentLocation();
    StringAttr symbol;
    if (failed(parser.parseOptionalSymbolName(symbol)))
      return parser.emitError(valueLoc, "'")
             << key << "' must name a func.func of the module: " << key
             << " = @net";
    spec.graph = symbol.str();
    return success();
  }
  case SettingRule::Kind:
    return parseKind(*rule);
  case SettingRule::Integer:
    return parseValue(rule->value, "'" + std::string(rule->name) + "'");
  }
  return failure();
}

ParseResult ModelParser::parseKind(const SettingRule &rule) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef word;
  if (failed(parser.parseOptionalKeyword(&word)))
    return parser.emitError(loc, "expected the ")
           << rule.noun << ": " << kindList(rule);
  unsigned index = 0;
  const KindRule *kind = findKind(rule, word, &index);
  if (!kind)
    return parser.emitError(loc, "unknown ")
           << rule.noun << " '" << word << "'; expected " << kindList(rule);
  selectKind(spec, rule.setting, index);
  std::vector<bool> given(kind->fields.size(), false);
  if (succeeded(parser.parseOptionalLess())) {
    do {
      SMLoc fieldLoc = parser.getCurrentLocation();
      StringRef name;
      if (parser.parseKeyword(&name))
        return failure();
      const FieldRule *field = findField(*kind, name);
      if (!field)
        return parser.emitError(fieldLoc, unknownFieldMessage(*kind, name));
      size_t position = field - kind->fields.data();
      if (given[position])
        return parser.emitError(fieldLoc, "'") << name << "' is given twice";
      given[position] = true;
      if (parser.parseEqual() ||
          parseValue(*field, "'" + name.str() + "' of " + kind->name))
        return failure();
    } while (succeeded(parser.parseOptionalComma()));
    if (parser.parseGreater())
      return failure();
  }
  for (size_t i = 0; i < kind->fields.size(); ++i)
    if (kind->fields[i].required && !given[i])
      return parser.emitError(loc, missingFieldMessage(*kind, kind->fields[i]));
  return success();
}

ParseResult ModelParser::parseValue(const FieldRule &rule,
                                    const std::string &context) {
  SMLoc loc = parser.getCurrentLocation();
  Attribute attr;
  if (parser.parseAttribute(attr))
    return failure();
  FieldValue value;
  if (auto flag = dyn_cast<BoolAttr>(attr)) {
    value.kind = FieldValue::Bool;
    value.flag = flag.getValue();
  } else if (auto integer = dyn_cast<IntegerAttr>(attr)) {
    if (integer.getValue().getSignificantBits() <= 64) {
      value.kind = FieldValue::Integer;
      value.number = static_cast<double>(integer.getValue().getSExtValue());
    }
  } else if (auto number = dyn_cast<FloatAttr>(attr)) {
    value.kind = FieldValue::Number;
    value.number = number.getValueAsDouble();
  } else if (auto string = dyn_cast<StringAttr>(attr)) {
    value.kind = FieldValue::String;
    value.text = string.str();
  }
  if (std::optional<std::string> problem = checkValue(rule, value))
    return parser.emitError(loc, context + " " + *problem);
  setField(spec, rule, value);
  return success();
}

Attribute ModelAttr::parse(AsmParser &parser, Type) {
  return ModelParser(parser).parse();
}

static void printValue(AsmPrinter &printer, const FieldValue &value) {
  switch (value.kind) {
  case FieldValue::Integer:
    printer << static_cast<int64_t>(value.number);
    break;
  case FieldValue::Bool:
    printer << (value.flag ? "true" : "false");
    break;
  case FieldValue::String:
    printer.printString(value.text);
    break;
  default:
    printer << formatFieldNumber(value.number, /*literal=*/true);
  }
}

// Required settings and fields are always printed, the others where they
// differ from their defaults: the parser fills those in again.
void ModelAttr::print(AsmPrinter &printer) const {
  ModelSpec spec = getSpec();
  printer << '<';
  printer.printString(spec.name);
  for (const SettingRule &rule : modelSchema()) {
    if (rule.shape == SettingRule::Symbol) {
      printer << ", " << rule.name << " = ";
      printer.printSymbolName(spec.graph);
      continue;
    }
    if (rule.shape == SettingRule::Integer) {
      if (rule.required || !isDefault(spec, rule.value)) {
        printer << ", " << rule.name << " = ";
        printValue(printer, getField(spec, rule.value));
      }
      continue;
    }
    const KindRule &kind = chosenKind(spec, rule.setting);
    SmallVector<const FieldRule *> fields;
    for (const FieldRule &field : kind.fields)
      if (field.required || !isDefault(spec, field))
        fields.push_back(&field);
    if (!rule.required && kindIndex(spec, rule.setting) == rule.defaultKind &&
        fields.empty())
      continue;
    printer << ", " << rule.name << " = " << kind.name;
    if (fields.empty())
      continue;
    printer << '<';
    llvm::interleaveComma(fields, printer, [&](const FieldRule *field) {
      printer << field->name << " = ";
      printValue(printer, getField(spec, *field));
    });
    printer << '>';
  }
  printer << '>';
}
