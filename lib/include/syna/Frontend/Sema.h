//===- Sema.h - semantic checks of .syna files ------------------*- C++ -*-===//
//
// Resolves names, infers and checks types and shapes, validates parameters,
// circuits and the training setup, and annotates the syntax tree for the
// importer. Everything the syna dialect's verifiers would reject is caught
// here first, with a message at the user's source position; an imported
// module that fails to verify is therefore a bug in this file.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_SEMA_H
#define SYNA_FRONTEND_SEMA_H

#include "syna/Frontend/AST.h"

#include <memory>

namespace syna::frontend {

/// The largest tensor dimension and rank a .syna type may have.
constexpr int64_t kMaxDimSize = (int64_t{1} << 31) - 1;
constexpr size_t kMaxRank = 8;

/// Checks a parsed module and annotates it. Returns true without errors.
bool check(Module &module, DiagnosticEngine &diags);

/// Lexes, parses and checks `file`: the checked module, or null when any
/// error was reported to `diags`. Semantic checks run only on a file that
/// parsed cleanly, so that syntax errors cause no follow-on noise.
std::unique_ptr<Module> parseAndCheck(const SourceFile &file,
                                      DiagnosticEngine &diags);

} // namespace syna::frontend

#endif // SYNA_FRONTEND_SEMA_H
