//===- CompileOptions.h - every option of compiling a syna module -*- C++ -*-===//
//
// One struct, defined by CompileOptions.def, shared by syna-run's
// subcommands, the syna-cpu-pipeline and the benchmarks.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_TRANSFORMS_COMPILEOPTIONS_H
#define SYNA_TRANSFORMS_COMPILEOPTIONS_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace syna {

struct CompileOptions {
#define SYNA_PIPELINE_OPTION(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)       \
  TYPE FIELD = DEFAULT;
#define SYNA_PIPELINE_LIST(TYPE, FIELD, FLAG, DEFAULT, MIN, MAX, HELP)         \
  std::vector<TYPE> FIELD = {DEFAULT};
#define SYNA_SESSION_OPTION(TYPE, FIELD, FLAG, DEFAULT, HELP)                  \
  TYPE FIELD = DEFAULT;
#include "syna/Transforms/CompileOptions.def"

  /// Every number within its range (CompileOptions.def); a message that
  /// names the option otherwise.
  llvm::Error validate() const;
  /// `fuse=1 vector-width=0 ...`: the pipeline options as a pass-pipeline
  /// string, for run logs and keys.
  std::string pipelineString() const;
};

/// `value` of the integer option `flag` (a pipeline option or a pass's
/// target override, CompileOptions.def) within its range; a message that
/// names the option and the range otherwise. Passes check their own options
/// with it, so that a pass run alone rejects what the pipeline rejects.
llvm::Error checkOption(llvm::StringRef flag, int64_t value);

/// Registers the flags of every option (--no-fuse, --vector-width N, ...)
/// with LLVM's command line, for every subcommand; call before
/// ParseCommandLineOptions.
void registerCompileOptionFlags();
/// The options as the command line set them.
CompileOptions compileOptionsFromFlags();
/// Whether the command line gave `flag` (e.g. "seed"), rather than its
/// default.
bool compileFlagGiven(llvm::StringRef flag);

} // namespace syna

#endif // SYNA_TRANSFORMS_COMPILEOPTIONS_H
