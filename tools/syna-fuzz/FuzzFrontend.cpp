//===- FuzzFrontend.cpp - fuzz target: lexer, parser, semantic checks -----===//
//
// Any byte string must parse and check without crashing, hanging or
// tripping a sanitizer, and every diagnostic must point into the input.
// Built with libFuzzer as `syna-fuzz` (SYNA_ENABLE_FUZZ=ON, clang) and
// without it as `syna-fuzz-replay`, which runs the corpus in every test run.
//
//===----------------------------------------------------------------------===//
#include "syna/Frontend/Sema.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace syna::frontend;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  SourceFile file("fuzz.syna",
                  std::string(reinterpret_cast<const char *>(data), size));
  DiagnosticEngine diags(file);
  std::unique_ptr<Module> module = parseAndCheck(file, diags);
  // A rejected input must say why.
  if (!module && !diags.hasErrors())
    std::abort();
  auto lines = 1 + static_cast<uint32_t>(
                       std::count(file.text().begin(), file.text().end(), '\n'));
  for (const Diagnostic &diag : diags.diagnostics()) {
    // Positions address a byte of the input or the end of a line (+1 for a
    // '\r' that SourceFile::line strips).
    if (diag.loc.line == 0 || diag.loc.line > lines || diag.loc.col == 0 ||
        diag.loc.col > file.line(diag.loc.line).size() + 2 ||
        diag.message.empty())
      std::abort();
  }
  std::string rendered = diags.str();
  if (diags.hasErrors() && rendered.find(": error: ") == std::string::npos)
    std::abort();
  return 0;
}
