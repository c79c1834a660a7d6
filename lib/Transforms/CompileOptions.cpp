//===- CompileOptions.cpp - every option of compiling a syna module -------===//
#include "syna/Transforms/CompileOptions.h"
#include "syna/ToolSupport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ManagedStatic.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/raw_ostream.h"

#include <type_traits>

namespace cl = llvm::cl;

namespace syna {

static llvm::Error outOfRange(llvm::StringRef flag, const llvm::Twine &value,
                              const llvm::Twine &min, const llvm::Twine &max) {
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      "option " + flag + " must lie in [" + min + ", " + max + "], got " + value);
}

static llvm::Error checkRange(llvm::StringRef, bool, int64_t, int64_t) {
  return llvm::Error::success();
}
static llvm::Error checkRange(llvm::StringRef flag, uint64_t value, uint64_t,
                              uint64_t max) {
  if (value > max)
    return outOfRange(flag, llvm::Twine(value), "0", llvm::Twine(max));
  return llvm::Error::success();
}
static llvm::Error checkRange(llvm::StringRef flag, int64_t value, int64_t min,
                              int64_t max) {
  if (value < min || value > max)
    return outOfRange(flag, llvm::Twine(value), llvm::Twine(min),
                      llvm::Twine(max));
  return llvm::Error::success();
}

/// The rules beyond a range.
static llvm::Error checkRule(llvm::StringRef flag, int64_t value) {
  // The vectorization strategy splits loops into whole vectors of 4, 8, 16,
  // ... lanes (docs/cpu-backend.md).
  if (flag == "vector-width" && value != 0 &&
      (value < 4 || !llvm::isPowerOf2_64(value)))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "option vector-width must be 0 (the host's) or a power of two in "
        "[4, 64], got " + llvm::Twine(value));
  return llvm::Error::success();
}

llvm::Error checkOption(llvm::StringRef flag, int64_t value) {
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  if constexpr (std::is_same_v<TYPE, int64_t>)                                 \
    if (flag == FLAG) {                                                        \
      if (llvm::Error e = checkRange(FLAG, value, int64_t(MIN), int64_t(MAX))) \
        return e;                                                              \
      return checkRule(flag, value);                                           \
    }
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  if (flag == FLAG)                                                            \
    return checkRange(FLAG, value, int64_t(MIN), int64_t(MAX));
#define SYNA_PASS_OPTION_RANGE(FLAG, MIN, MAX)                                 \
  if (flag == FLAG)                                                            \
    return checkRange(FLAG, value, int64_t(MIN), int64_t(MAX));
#include "syna/Transforms/CompileOptions.def"
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "no integer option " + flag);
}

llvm::Error CompileOptions::validate() const {
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  if constexpr (std::is_same_v<TYPE, int64_t>) {                               \
    if (llvm::Error e = checkOption(FLAG, FIELD))                              \
      return e;                                                                \
  } else if (llvm::Error e = checkRange(FLAG, FIELD, MIN, MAX)) {              \
    return e;                                                                  \
  }
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  for (TYPE value : FIELD)                                                     \
    if (llvm::Error e = checkOption(FLAG, value))                              \
      return e;
#include "syna/Transforms/CompileOptions.def"
  return llvm::Error::success();
}

std::string CompileOptions::pipelineString() const {
  std::string text;
  llvm::raw_string_ostream os(text);
  const char *separator = "";
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  os << separator << FLAG << "=" << FIELD;                                     \
  separator = " ";
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  os << separator << FLAG << "=";                                              \
  llvm::interleave(FIELD, os, ",");                                            \
  separator = " ";
#include "syna/Transforms/CompileOptions.def"
  return text;
}

// Declared in syna/ToolSupport.h; defined here, where the compile options,
// the first members of the category, are.
cl::OptionCategory &toolOptionCategory() {
  static cl::OptionCategory category("syna options");
  return category;
}

namespace {

/// A bool that defaults to true is switched off with --no-FLAG.
template <typename T>
std::string flagName(llvm::StringRef flag, const T &defaultValue) {
  if constexpr (std::is_same_v<T, bool>)
    return defaultValue ? ("no-" + flag).str() : flag.str();
  return flag.str();
}

/// The command-line flags, one per option, in every subcommand. Options keep
/// their names by reference: `names` owns them.
struct CompileFlags {
  llvm::BumpPtrAllocator allocator;
  llvm::StringSaver names{allocator};

#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  cl::opt<TYPE> FIELD{names.save(flagName(FLAG, TYPE(DEFAULT))),               \
                      cl::desc(HELP), cl::init(TYPE(DEFAULT)),                 \
                      cl::sub(cl::SubCommand::getAll()),                       \
                      cl::cat(toolOptionCategory())};
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  cl::list<TYPE> FIELD{FLAG, cl::desc(HELP), cl::CommaSeparated,               \
                       cl::sub(cl::SubCommand::getAll()),                      \
                       cl::cat(toolOptionCategory())};
#define SYNA_SESSION_OPTION(TYPE, FIELD, FLAG, DEFAULT, HELP)                  \
  cl::opt<TYPE> FIELD{names.save(flagName(FLAG, TYPE(DEFAULT))),               \
                      cl::desc(HELP), cl::init(TYPE(DEFAULT)),                 \
                      cl::sub(cl::SubCommand::getAll()),                       \
                      cl::cat(toolOptionCategory())};
#include "syna/Transforms/CompileOptions.def"
};

llvm::ManagedStatic<CompileFlags> flags;

/// The value of a bool flag: --no-FLAG inverts its default.
template <typename T> T flagValue(const cl::opt<T> &option, const T &defaultValue) {
  if constexpr (std::is_same_v<T, bool>)
    return option.getNumOccurrences() ? defaultValue != bool(option)
                                      : defaultValue;
  return option;
}

} // namespace

void registerCompileOptionFlags() { *flags; }

CompileOptions compileOptionsFromFlags() {
  CompileOptions options;
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  options.FIELD = flagValue<TYPE>(flags->FIELD, TYPE(DEFAULT));
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  if (flags->FIELD.getNumOccurrences())                                        \
    options.FIELD.assign(flags->FIELD.begin(), flags->FIELD.end());
#define SYNA_SESSION_OPTION(TYPE, FIELD, FLAG, DEFAULT, HELP)                  \
  options.FIELD = flagValue<TYPE>(flags->FIELD, TYPE(DEFAULT));
#include "syna/Transforms/CompileOptions.def"
  return options;
}

bool compileFlagGiven(llvm::StringRef flag) {
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  if (flag == FLAG)                                                            \
    return flags->FIELD.getNumOccurrences() > 0;
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  if (flag == FLAG)                                                            \
    return flags->FIELD.getNumOccurrences() > 0;
#define SYNA_SESSION_OPTION(TYPE, FIELD, FLAG, DEFAULT, HELP)                  \
  if (flag == FLAG)                                                            \
    return flags->FIELD.getNumOccurrences() > 0;
#include "syna/Transforms/CompileOptions.def"
  return false;
}

} // namespace syna
