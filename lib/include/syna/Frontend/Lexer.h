//===- Lexer.h - tokens of the .syna language -------------------*- C++ -*-===//
//
// Splits a .syna file into tokens. Comments run from `#` to the end of the
// line. Numbers may group digits with `_` (1_000) and have a fraction and
// an exponent (0.5, 1e-3); identifiers are ASCII. Anything else is reported
// once and skipped, so the parser always sees a well-formed token stream
// that ends in Eof.
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_LEXER_H
#define SYNA_FRONTEND_LEXER_H

#include "syna/Frontend/Diagnostics.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace syna::frontend {

enum class Tok {
  Eof,
  Ident,
  Int,    // 42, 1_000
  Float,  // 0.5, 1e-3
  String, // "path/to/data"
  // Reserved words.
  KwParam,
  KwBuffer,
  KwGraph,
  KwCircuit,
  KwModel,
  KwLet,
  KwReturn,
  KwState,
  KwTrue,
  KwFalse,
  // Punctuation.
  LParen,
  RParen,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Semi,
  Equal,
  Arrow, // ->
  Plus,
  Minus,
  Star,
  Slash,
  Prime, // the ' of a step equation x' = ...
};

/// How a token kind reads in a message: "identifier", "'('", "'let'".
std::string describe(Tok kind);

struct Token {
  Tok kind = Tok::Eof;
  Loc loc;
  std::string_view text; // the spelling in the source
  int64_t intValue = 0;  // Int
  double floatValue = 0; // Float (and Int, converted)
  std::string stringValue; // String, with escapes resolved
};

/// Tokenizes the whole file. The result always ends with an Eof token.
std::vector<Token> lex(const SourceFile &file, DiagnosticEngine &diags);

} // namespace syna::frontend

#endif // SYNA_FRONTEND_LEXER_H
