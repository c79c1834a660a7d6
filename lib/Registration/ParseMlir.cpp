//===- ParseMlir.cpp - MLIR assembly from a user, parsed safely -----------===//
//
// findParserHazard reads the text with a small lexer of MLIR's token syntax
// (comments, strings, prefixed identifiers, numbers, brackets) and checks
// each list that the custom forms of linalg.transpose (`permutation`),
// linalg.broadcast and linalg.reduce (`dimensions`) read with
// DenseI64ArrayAttr::parse: `[` `]`, or `[` integers separated by `,` `]`,
// each integer `true`, `false` or an optionally negative decimal or `0x` hex
// literal within int64. That is exactly what the attribute parser accepts,
// so a list MLIR parses is never reported, and one it would crash on always
// is (docs/robustness.md).
//
//===----------------------------------------------------------------------===//
#include "syna/ParseMlir.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringSwitch.h"

#include <cctype>

using namespace mlir;

namespace {

enum class TokenKind { End, Identifier, Prefixed, String, Integer, Float, Arrow, Punct };

struct Token {
  TokenKind kind = TokenKind::End;
  llvm::StringRef text;
  size_t offset = 0;
};

bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         c == '.';
}

/// MLIR's tokens, as far as the lists and their ops need them.
class Lexer {
public:
  explicit Lexer(llvm::StringRef text) : text(text) {}

  Token next() {
    skipSpaceAndComments();
    if (pos >= text.size())
      return make(TokenKind::End, pos);
    size_t start = pos;
    char c = text[pos];
    if (c == '"') {
      skipString();
      return make(TokenKind::String, start);
    }
    if (llvm::StringRef("%@#!^").contains(c)) {
      ++pos;
      if (pos < text.size() && text[pos] == '"')
        skipString();
      else
        while (pos < text.size() && (isIdentifierChar(text[pos]) || text[pos] == '-'))
          ++pos;
      return make(TokenKind::Prefixed, start);
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (pos < text.size() && isIdentifierChar(text[pos]))
        ++pos;
      return make(TokenKind::Identifier, start);
    }
    if (std::isdigit(static_cast<unsigned char>(c)))
      return lexNumber(start);
    if (text.substr(pos).starts_with("->")) {
      pos += 2;
      return make(TokenKind::Arrow, start);
    }
    ++pos;
    return make(TokenKind::Punct, start);
  }

private:
  Token make(TokenKind kind, size_t start) {
    return {kind, text.slice(start, pos), start};
  }

  void skipSpaceAndComments() {
    while (pos < text.size()) {
      if (std::isspace(static_cast<unsigned char>(text[pos]))) {
        ++pos;
      } else if (text.substr(pos).starts_with("//")) {
        size_t end = text.find('\n', pos);
        pos = end == llvm::StringRef::npos ? text.size() : end;
      } else {
        return;
      }
    }
  }

  /// A string ends at its closing quote, or where MLIR's lexer gives up on
  /// it (a newline or the end of the text).
  void skipString() {
    for (++pos; pos < text.size() && text[pos] != '"' && text[pos] != '\n'; ++pos)
      if (text[pos] == '\\')
        ++pos;
    if (pos < text.size() && text[pos] == '"')
      ++pos;
  }

  /// As MLIR lexes them: `0x` and a hex digit start a hex integer; digits
  /// followed by `.` are a float.
  Token lexNumber(size_t start) {
    auto digits = [&](auto isDigit) {
      while (pos < text.size() && isDigit(static_cast<unsigned char>(text[pos])))
        ++pos;
    };
    if (text.substr(pos).starts_with("0x") && pos + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[pos + 2]))) {
      pos += 2;
      digits(::isxdigit);
      return make(TokenKind::Integer, start);
    }
    digits(::isdigit);
    if (pos >= text.size() || text[pos] != '.')
      return make(TokenKind::Integer, start);
    ++pos;
    digits(::isdigit);
    return make(TokenKind::Float, start);
  }

  llvm::StringRef text;
  size_t pos = 0;
};

bool is(const Token &token, llvm::StringRef punct) {
  return token.kind == TokenKind::Punct && token.text == punct;
}

/// Whether a literal, negated or not, is an int64 (MLIR's parseInteger).
bool fitsInt64(llvm::StringRef spelling, bool negative) {
  bool hex = spelling.starts_with("0x");
  llvm::APInt value;
  if (spelling.drop_front(hex ? 2 : 0).getAsInteger(hex ? 16 : 10, value))
    return false;
  if (value.getActiveBits() > 64)
    return false;
  llvm::APInt magnitude = value.zextOrTrunc(64);
  llvm::APInt limit = llvm::APInt::getSignedMinValue(64); // 2^63, unsigned
  return negative ? magnitude.ule(limit) : magnitude.ult(limit);
}

/// Checks one list after `keyword =`; returns the hazard it holds, if any.
std::optional<syna::ParserHazard> checkIntegerList(Lexer &lexer,
                                                   llvm::StringRef keyword) {
  auto hazard = [&](const Token &at, llvm::StringRef expected) {
    return syna::ParserHazard{
        at.offset, ("malformed '" + keyword + "' list: expected " + expected +
                    " (MLIR 22.1's linalg parser would crash here)")
                       .str()};
  };
  Token token = lexer.next();
  if (!is(token, "["))
    return hazard(token, "'['");
  token = lexer.next();
  if (is(token, "]"))
    return std::nullopt;
  while (true) {
    bool boolean = token.kind == TokenKind::Identifier &&
                   (token.text == "true" || token.text == "false");
    if (!boolean) {
      bool negative = is(token, "-");
      if (negative)
        token = lexer.next();
      if (token.kind != TokenKind::Integer)
        return hazard(token, "an integer");
      if (!fitsInt64(token.text, negative))
        return hazard(token, "an integer that fits in 64 bits");
    }
    token = lexer.next();
    if (is(token, "]"))
      return std::nullopt;
    if (!is(token, ","))
      return hazard(token, "',' or ']'");
    token = lexer.next();
  }
}

/// The keyword whose list the custom form of `opName` parses unchecked.
llvm::StringRef hazardousKeyword(llvm::StringRef opName) {
  return llvm::StringSwitch<llvm::StringRef>(opName)
      .Case("linalg.transpose", "permutation")
      .Cases({"linalg.broadcast", "linalg.reduce"}, "dimensions")
      .Default("");
}

} // namespace

std::optional<syna::ParserHazard> syna::findParserHazard(llvm::StringRef text) {
  Lexer lexer(text);
  // The op whose list is still to come, and the bracket depth since its
  // name: its keyword stands outside every bracket of the op (after
  // `outs(...)`), and a `%` outside them starts the next statement.
  llvm::StringRef keyword;
  int depth = 0;
  for (Token token = lexer.next(); token.kind != TokenKind::End;
       token = lexer.next()) {
    if (token.kind == TokenKind::Identifier &&
        !hazardousKeyword(token.text).empty()) {
      keyword = hazardousKeyword(token.text);
      depth = 0;
      continue;
    }
    if (keyword.empty())
      continue;
    if (token.kind == TokenKind::Punct && llvm::StringRef("([{<").contains(token.text)) {
      ++depth;
    } else if (token.kind == TokenKind::Punct &&
               llvm::StringRef(")]}>").contains(token.text)) {
      if (--depth < 0)
        keyword = {};
    } else if (depth == 0 && token.kind == TokenKind::Prefixed &&
               token.text.starts_with("%")) {
      keyword = {};
    } else if (depth == 0 && token.kind == TokenKind::Identifier &&
               token.text == keyword) {
      llvm::StringRef name = keyword;
      keyword = {};
      // Without `=` MLIR's parser fails cleanly at parseEqual.
      if (is(lexer.next(), "="))
        if (std::optional<ParserHazard> hazard = checkIntegerList(lexer, name))
          return hazard;
    }
  }
  return std::nullopt;
}

OwningOpRef<ModuleOp> syna::parseMlirModule(llvm::StringRef text,
                                            llvm::StringRef fileName,
                                            MLIRContext &context) {
  if (std::optional<ParserHazard> hazard = findParserHazard(text)) {
    llvm::StringRef before = text.take_front(hazard->offset);
    unsigned line = before.count('\n') + 1;
    size_t lineStart = before.rfind('\n');
    unsigned column = hazard->offset -
                      (lineStart == llvm::StringRef::npos ? 0 : lineStart + 1) + 1;
    emitError(FileLineColLoc::get(&context, fileName, line, column))
        << hazard->message;
    return nullptr;
  }
  return parseSourceString<ModuleOp>(text, ParserConfig(&context), fileName);
}
