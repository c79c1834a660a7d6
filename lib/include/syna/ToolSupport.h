//===- ToolSupport.h - what every syna tool's command line shares -*- C++ -*-===//
//
// The tools link libLLVM, which registers hundreds of back-end options in
// every program. `--help` of a syna tool lists syna's options; LLVM's stay
// available and are listed by `--help-hidden`. `--version` names syna and the
// LLVM/MLIR it was built with (docs/tools.md, "Every tool").
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_TOOLSUPPORT_H
#define SYNA_TOOLSUPPORT_H

#include "llvm/Support/CommandLine.h"

namespace syna {

/// The category of the options a syna tool defines at its top level (the
/// compile options, syna-compile's); --help lists it. (Defined with the
/// compile options, lib/Transforms/CompileOptions.cpp.)
llvm::cl::OptionCategory &toolOptionCategory();

/// Call before ParseCommandLineOptions: sets the `--version` printer and
/// hides every top-level option outside toolOptionCategory (and --help,
/// --version themselves) from --help.
void prepareCommandLine(llvm::StringRef tool);

} // namespace syna

#endif // SYNA_TOOLSUPPORT_H
