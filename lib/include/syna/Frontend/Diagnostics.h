//===- Diagnostics.h - source files and compiler-style diagnostics -*- C++ -*-===//
//
// The front end reports problems the way C compilers do:
//
//   model.syna:3:17: error: undefined name 'bta'
//     let y = synapse(x, bta)
//                        ^
//
// This header is deliberately free of MLIR and LLVM so that the lexer,
// parser and semantic checks build alone (the fuzz target relies on it).
//
//===----------------------------------------------------------------------===//
#ifndef SYNA_FRONTEND_DIAGNOSTICS_H
#define SYNA_FRONTEND_DIAGNOSTICS_H

#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace syna::frontend {

/// A position in a source file: 1-based line and column, the column counted
/// in bytes (as clang and MLIR's FileLineColLoc do).
struct Loc {
  uint32_t line = 1;
  uint32_t col = 1;
};

/// The text of one input file, with a line index for printing source lines.
class SourceFile {
public:
  SourceFile(std::string name, std::string text);

  const std::string &name() const { return name_; }
  const std::string &text() const { return text_; }
  /// The text of a 1-based line, without its line terminator; empty when the
  /// line does not exist.
  std::string_view line(uint32_t line) const;

private:
  std::string name_;
  std::string text_;
  std::vector<size_t> lineStarts_;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity;
  Loc loc;
  std::string message;
};

/// Collects diagnostics. After `errorLimit` errors further errors and their
/// notes are dropped and `shouldStop()` turns true, so that a malformed
/// input cannot produce an unbounded report (or keep the parser busy).
class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceFile &file, unsigned errorLimit = 20)
      : file_(file), errorLimit_(errorLimit) {}

  void error(Loc loc, std::string message);
  void warning(Loc loc, std::string message);
  /// Attaches to the last error or warning; dropped with it.
  void note(Loc loc, std::string message);

  unsigned errorCount() const { return errors_; }
  bool hasErrors() const { return errors_ != 0; }
  bool shouldStop() const { return errors_ >= errorLimit_; }
  const std::vector<Diagnostic> &diagnostics() const { return diags_; }
  const SourceFile &file() const { return file_; }

  /// Prints every diagnostic as `file:line:col: kind: message`, then the
  /// source line and a caret under the column.
  void print(std::ostream &os) const;
  std::string str() const;

private:
  void add(Severity severity, Loc loc, std::string message);
  void printOne(std::ostream &os, const Diagnostic &diag) const;

  const SourceFile &file_;
  unsigned errorLimit_;
  unsigned errors_ = 0;
  bool droppingNotes_ = false;
  bool limitNoted_ = false;
  std::vector<Diagnostic> diags_;
};

/// Formats a double as the shortest decimal that reads back exactly, so
/// messages show `0.012`, not `0.012000000000000001`.
std::string formatNumber(double value);

/// Concatenates the arguments with an ostream (numbers via formatNumber).
template <typename... Args> std::string concat(const Args &...args) {
  std::ostringstream os;
  auto put = [&](const auto &arg) {
    using T = std::decay_t<decltype(arg)>;
    if constexpr (std::is_floating_point_v<T>)
      os << formatNumber(arg);
    else
      os << arg;
  };
  (put(args), ...);
  return os.str();
}

} // namespace syna::frontend

#endif // SYNA_FRONTEND_DIAGNOSTICS_H
