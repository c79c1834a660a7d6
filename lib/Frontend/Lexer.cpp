//===- Lexer.cpp - tokens of the .syna language ---------------------------===//
#include "syna/Frontend/Lexer.h"

#include <charconv>
#include <cstdio>
#include <cmath>
#include <limits>

using namespace syna::frontend;

std::string syna::frontend::describe(Tok kind) {
  switch (kind) {
  case Tok::Eof: return "end of file";
  case Tok::Ident: return "identifier";
  case Tok::Int: return "integer";
  case Tok::Float: return "number";
  case Tok::String: return "string";
  case Tok::KwParam: return "'param'";
  case Tok::KwBuffer: return "'buffer'";
  case Tok::KwGraph: return "'graph'";
  case Tok::KwCircuit: return "'circuit'";
  case Tok::KwModel: return "'model'";
  case Tok::KwLet: return "'let'";
  case Tok::KwReturn: return "'return'";
  case Tok::KwState: return "'state'";
  case Tok::KwTrue: return "'true'";
  case Tok::KwFalse: return "'false'";
  case Tok::LParen: return "'('";
  case Tok::RParen: return "')'";
  case Tok::LBrace: return "'{'";
  case Tok::RBrace: return "'}'";
  case Tok::LBracket: return "'['";
  case Tok::RBracket: return "']'";
  case Tok::Comma: return "','";
  case Tok::Colon: return "':'";
  case Tok::Semi: return "';'";
  case Tok::Equal: return "'='";
  case Tok::Arrow: return "'->'";
  case Tok::Plus: return "'+'";
  case Tok::Minus: return "'-'";
  case Tok::Star: return "'*'";
  case Tok::Slash: return "'/'";
  case Tok::Prime: return "'''";
  }
  return "token";
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }

Tok keyword(std::string_view word) {
  static const std::pair<std::string_view, Tok> keywords[] = {
      {"param", Tok::KwParam},   {"buffer", Tok::KwBuffer},
      {"graph", Tok::KwGraph},   {"circuit", Tok::KwCircuit},
      {"model", Tok::KwModel},   {"let", Tok::KwLet},
      {"return", Tok::KwReturn}, {"state", Tok::KwState},
      {"true", Tok::KwTrue},     {"false", Tok::KwFalse}};
  for (const auto &[spelling, kind] : keywords)
    if (spelling == word)
      return kind;
  return Tok::Ident;
}

class Lexer {
public:
  Lexer(const SourceFile &file, DiagnosticEngine &diags)
      : text_(file.text()), diags_(diags) {}

  std::vector<Token> run();

private:
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool atEnd(size_t ahead = 0) const { return pos_ + ahead >= text_.size(); }
  Loc here() const { return {line_, static_cast<uint32_t>(pos_ - lineStart_ + 1)}; }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      lineStart_ = pos_ + 1;
    }
    ++pos_;
  }
  void skipTrivia();
  void lexNumber(Token &token);
  void lexString(Token &token);
  /// Returns true for a valid non-ASCII character, which the caller lexes
  /// as part of an identifier to avoid follow-on errors.
  bool badCharacter();

  std::string_view text_;
  DiagnosticEngine &diags_;
  size_t pos_ = 0;
  size_t lineStart_ = 0;
  uint32_t line_ = 1;
};

void Lexer::skipTrivia() {
  while (!atEnd()) {
    char c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
      advance();
    } else if (c == '#') {
      // Comments may hold any bytes, UTF-8 or not (β = sigmoid(θ)).
      while (!atEnd() && peek() != '\n')
        advance();
    } else {
      return;
    }
  }
}

/// Reports a byte that cannot start a token and skips it, or the whole
/// UTF-8 sequence it starts.
bool Lexer::badCharacter() {
  Loc loc = here();
  auto byte = static_cast<unsigned char>(peek());
  unsigned length = 0;
  uint32_t codePoint = 0;
  if (byte >= 0xC2 && byte <= 0xDF) {
    length = 2;
    codePoint = byte & 0x1F;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3;
    codePoint = byte & 0x0F;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4;
    codePoint = byte & 0x07;
  }
  bool valid = length != 0;
  for (unsigned i = 1; valid && i < length; ++i) {
    auto next = static_cast<unsigned char>(peek(i));
    if (atEnd(i) || (next & 0xC0) != 0x80)
      valid = false;
    else
      codePoint = (codePoint << 6) | (next & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid too.
  if (valid && ((length == 3 && codePoint < 0x800) ||
                (length == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF)) ||
                (codePoint >= 0xD800 && codePoint <= 0xDFFF)))
    valid = false;
  char hex[16];
  if (valid) {
    std::snprintf(hex, sizeof hex, "U+%04X", codePoint);
    diags_.error(loc, concat("unexpected character ", hex, " '",
                             text_.substr(pos_, length),
                             "'; identifiers are ASCII"));
    for (unsigned i = 0; i < length; ++i)
      advance();
    return true;
  }
  if (byte < 0x80) {
    std::snprintf(hex, sizeof hex, "U+%04X", byte);
    diags_.error(loc, concat("unexpected character ", hex));
  } else {
    std::snprintf(hex, sizeof hex, "0x%02X", byte);
    diags_.error(loc, concat("invalid UTF-8 byte ", hex));
  }
  advance();
  return false;
}

void Lexer::lexNumber(Token &token) {
  size_t start = pos_;
  bool isFloat = false;
  bool bad = false;
  auto digits = [&] {
    while (!atEnd()) {
      if (isDigit(peek())) {
        advance();
      } else if (peek() == '_') {
        if (!(isDigit(text_[pos_ - 1]) && isDigit(peek(1)))) {
          if (!bad)
            diags_.error(here(), "'_' in a number must stand between two digits");
          bad = true;
        }
        advance();
      } else {
        return;
      }
    }
  };
  digits();
  if (peek() == '.') {
    isFloat = true;
    advance();
    if (!isDigit(peek())) {
      diags_.error(here(), "expected a digit after the decimal point");
      bad = true;
    } else {
      digits();
    }
  }
  if (peek() == 'e' || peek() == 'E') {
    isFloat = true;
    advance();
    if (peek() == '+' || peek() == '-')
      advance();
    if (!isDigit(peek())) {
      if (!bad)
        diags_.error(here(), "expected digits in the exponent");
      bad = true;
    } else {
      digits();
    }
  }
  if (isIdentChar(peek())) {
    Loc loc = here();
    size_t suffix = pos_;
    while (!atEnd() && isIdentChar(peek()))
      advance();
    if (!bad)
      diags_.error(loc, concat("invalid suffix '",
                               text_.substr(suffix, pos_ - suffix),
                               "' on a number"));
    bad = true;
  }
  token.text = text_.substr(start, pos_ - start);
  token.kind = isFloat ? Tok::Float : Tok::Int;
  if (bad)
    return;

  std::string clean;
  for (char c : token.text)
    if (c != '_')
      clean += c;
  if (!isFloat) {
    int64_t value = 0;
    for (char c : clean) {
      if (value > (std::numeric_limits<int64_t>::max() - (c - '0')) / 10) {
        diags_.error(token.loc, concat("integer literal ", token.text,
                                       " is too large (the limit is 2^63 - 1)"));
        return;
      }
      value = value * 10 + (c - '0');
    }
    token.intValue = value;
    token.floatValue = static_cast<double>(value);
    return;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(),
                                   value, std::chars_format::general);
  // A literal with a nonzero digit that reads as 0 has underflowed.
  std::string mantissa = clean.substr(0, clean.find_first_of("eE"));
  bool underflow = value == 0 && mantissa.find_first_of("123456789") !=
                                     std::string::npos;
  if (ec != std::errc() || end != clean.data() + clean.size() ||
      !std::isfinite(value) || underflow) {
    diags_.error(token.loc, concat("number ", token.text,
                                   " is out of the range of a double"));
    return;
  }
  token.floatValue = value;
}

void Lexer::lexString(Token &token) {
  size_t start = pos_;
  advance(); // the opening quote
  while (true) {
    if (atEnd() || peek() == '\n') {
      diags_.error(token.loc, "unterminated string");
      break;
    }
    char c = peek();
    Loc charLoc = here();
    advance();
    if (c == '"')
      break;
    if (c == '\\') {
      char escaped = atEnd() ? '\0' : peek();
      switch (escaped) {
      case '"': token.stringValue += '"'; break;
      case '\\': token.stringValue += '\\'; break;
      case 'n': token.stringValue += '\n'; break;
      case 't': token.stringValue += '\t'; break;
      default:
        diags_.error(charLoc, "unknown escape; use \\\", \\\\, \\n or \\t");
        if (escaped == '\n' || atEnd())
          continue;
      }
      advance();
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
      diags_.error(charLoc, "control character in a string");
    token.stringValue += c;
  }
  token.kind = Tok::String;
  token.text = text_.substr(start, pos_ - start);
}

std::vector<Token> Lexer::run() {
  std::vector<Token> tokens;
  while (true) {
    skipTrivia();
    Token token;
    token.loc = here();
    if (atEnd()) {
      token.kind = Tok::Eof;
      tokens.push_back(std::move(token));
      return tokens;
    }
    // Stop early on hopeless input: the parser would report nothing new.
    if (diags_.shouldStop()) {
      token.kind = Tok::Eof;
      tokens.push_back(std::move(token));
      return tokens;
    }
    char c = peek();
    size_t start = pos_;
    if (isIdentStart(c)) {
      bool reported = false;
      while (!atEnd()) {
        if (isIdentChar(peek())) {
          advance();
        } else if (static_cast<unsigned char>(peek()) >= 0x80) {
          // Report the first non-ASCII character of the word only.
          if (reported)
            advance();
          else
            reported = true, badCharacter();
        } else {
          break;
        }
      }
      token.text = text_.substr(start, pos_ - start);
      token.kind = keyword(token.text);
    } else if (isDigit(c)) {
      lexNumber(token);
    } else if (c == '"') {
      lexString(token);
    } else {
      Tok kind;
      size_t length = 1;
      switch (c) {
      case '(': kind = Tok::LParen; break;
      case ')': kind = Tok::RParen; break;
      case '{': kind = Tok::LBrace; break;
      case '}': kind = Tok::RBrace; break;
      case '[': kind = Tok::LBracket; break;
      case ']': kind = Tok::RBracket; break;
      case ',': kind = Tok::Comma; break;
      case ':': kind = Tok::Colon; break;
      case ';': kind = Tok::Semi; break;
      case '=': kind = Tok::Equal; break;
      case '+': kind = Tok::Plus; break;
      case '*': kind = Tok::Star; break;
      case '/': kind = Tok::Slash; break;
      case '\'': kind = Tok::Prime; break;
      case '-':
        if (peek(1) == '>') {
          kind = Tok::Arrow;
          length = 2;
        } else {
          kind = Tok::Minus;
        }
        break;
      default:
        if (!badCharacter())
          continue;
        // A non-ASCII letter, already reported: keep the rest of the word
        // in one identifier so that the parser sees a name.
        while (!atEnd() && (isIdentChar(peek()) ||
                            static_cast<unsigned char>(peek()) >= 0x80))
          advance();
        token.kind = Tok::Ident;
        token.text = text_.substr(start, pos_ - start);
        tokens.push_back(std::move(token));
        continue;
      }
      for (size_t i = 0; i < length; ++i)
        advance();
      token.kind = kind;
      token.text = text_.substr(start, length);
    }
    tokens.push_back(std::move(token));
  }
}

} // namespace

std::vector<Token> syna::frontend::lex(const SourceFile &file,
                                       DiagnosticEngine &diags) {
  return Lexer(file, diags).run();
}
