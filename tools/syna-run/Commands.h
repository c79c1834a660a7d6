//===- Commands.h - the subcommands of syna-run -----------------*- C++ -*-===//
//
// Each subcommand binds its own flags (the compile options are shared by
// all: CompileOptions.def) and turns the execution library's results into
// printed lines and an exit code (docs/tools.md).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_TOOLS_SYNA_RUN_COMMANDS_H
#define SYNA_TOOLS_SYNA_RUN_COMMANDS_H

#include "syna/Dialect/Syna/IR/ModelSchema.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"

namespace syna::tool {

/// Prints "syna-run: error: <message>" and returns exit code 1.
int fail(const llvm::Twine &message);
int fail(llvm::Error error);

/// The value of option `--flag` as a value of `rule`: "option --batch must
/// lie in [1, 65536], got 0". Options that override a model field check
/// against the field's rule in the model schema; the others against a rule
/// of their own, written where the option is read.
llvm::Error checkFlag(llvm::StringRef flag, double value, const FieldRule &rule);
/// A rule for a number that only syna-run has.
FieldRule flagRule(FieldType type, Range range);

/// A subcommand and what runs it once the command line chose it.
struct Subcommand {
  llvm::cl::SubCommand &command;
  int (*main)();
};
Subcommand runCommand();
Subcommand gradcheckCommand();
Subcommand trainCommand();
Subcommand evalCommand();
Subcommand predictCommand();
Subcommand explainCommand();

} // namespace syna::tool

#endif // SYNA_TOOLS_SYNA_RUN_COMMANDS_H
