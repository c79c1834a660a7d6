//===- syna-run.cpp - compile and execute syna graphs and models ----------===//
//
//   syna-run run FILE [--graph NAME] [-i INPUT]... [--output-dir DIR]
//   syna-run gradcheck FILE --graph NAME [--batch B] [--rtol R] ...
//   syna-run train FILE.syna [--epochs N] [--batch N] [--lr X] ...
//   syna-run eval FILE.syna --checkpoint F [--data DIR]
//   syna-run predict FILE.syna --checkpoint F -i IMAGES.npy
//   syna-run explain FILE.syna --checkpoint F -o DIR
//
// Every subcommand takes the compile options (--target, --no-omp,
// --vector-width N, ...; CompileOptions.def). See docs/tools.md.
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "syna/Execution/Backend.h"
#include "syna/InitAll.h"
#include "syna/ToolSupport.h"
#include "syna/Transforms/CompileOptions.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

namespace syna::tool {

int fail(const llvm::Twine &message) {
  llvm::errs() << "syna-run: error: " << message << "\n";
  return 1;
}

int fail(llvm::Error error) { return fail(llvm::toString(std::move(error))); }

llvm::Error checkFlag(llvm::StringRef flag, double value, const FieldRule &rule) {
  FieldValue field;
  field.kind =
      rule.type == FieldType::Int ? FieldValue::Integer : FieldValue::Number;
  field.number = value;
  if (std::optional<std::string> problem = checkValue(rule, field))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "option --" + flag + " " + *problem);
  return llvm::Error::success();
}

FieldRule flagRule(FieldType type, Range range) {
  return {"", type, false, 0, range, nullptr};
}

} // namespace syna::tool

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  syna::registerAllPasses();
  syna::registerBuiltinBackends();
  syna::registerCompileOptionFlags();
  syna::prepareCommandLine("syna-run");
  syna::tool::Subcommand commands[] = {
      syna::tool::runCommand(), syna::tool::gradcheckCommand(),
      syna::tool::trainCommand(), syna::tool::evalCommand(),
      syna::tool::predictCommand(), syna::tool::explainCommand()};
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "syna-run: compile and execute syna graphs, circuits and models\n\n"
      "  syna-run run FILE [--graph NAME] [-i INPUT]... [--output-dir DIR] "
      "[--checkpoint F]\n"
      "  syna-run gradcheck FILE --graph NAME [--seed S] [--batch B]\n"
      "  syna-run train FILE.syna [--epochs N] [--batch N] [--lr X] [--seed N] "
      "[--data DIR|--dataset mnist|fashion] [--checkpoint F] [--resume F]\n"
      "  syna-run eval FILE.syna --checkpoint F [--data DIR]\n"
      "  syna-run predict FILE.syna --checkpoint F -i IMAGES.npy\n"
      "  syna-run explain FILE.syna --checkpoint F -o DIR\n");
  for (const syna::tool::Subcommand &command : commands)
    if (command.command)
      return command.main();
  return syna::tool::fail("expected a subcommand: syna-run run|gradcheck|"
                          "train|eval|predict|explain FILE ... (see --help)");
}
