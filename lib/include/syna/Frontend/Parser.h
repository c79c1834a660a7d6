//===- Parser.h - parsing .syna files ---------------------------*- C++ -*-===//
//
// A recursive-descent parser for the grammar in docs/language.md. It
// recovers at the next statement or declaration after an error, so one run
// reports several syntax errors, and it bounds expression nesting so that no
// input can exhaust the stack.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_PARSER_H
#define SYNA_FRONTEND_PARSER_H

#include "syna/Frontend/AST.h"
#include "syna/Frontend/Lexer.h"

#include <memory>

namespace syna::frontend {

/// The deepest expression tree the parser accepts.
constexpr uint32_t kMaxExprDepth = 256;

/// Lexes and parses `file`. Returns a module even after errors (holding what
/// parsed); callers must check `diags.hasErrors()` before using it.
std::unique_ptr<Module> parse(const SourceFile &file, DiagnosticEngine &diags);

} // namespace syna::frontend

#endif // SYNA_FRONTEND_PARSER_H
