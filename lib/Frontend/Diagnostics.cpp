//===- Diagnostics.cpp - compiler-style diagnostics -----------------------===//
#include "syna/Frontend/Diagnostics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace syna::frontend;

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n')
      lineStarts_.push_back(i + 1);
}

std::string_view SourceFile::line(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size())
    return {};
  size_t begin = lineStarts_[line - 1];
  size_t end = line < lineStarts_.size() ? lineStarts_[line] - 1 : text_.size();
  std::string_view text(text_.data() + begin, end - begin);
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  return text;
}

void DiagnosticEngine::add(Severity severity, Loc loc, std::string message) {
  diags_.push_back({severity, loc, std::move(message)});
}

void DiagnosticEngine::error(Loc loc, std::string message) {
  if (shouldStop()) {
    droppingNotes_ = true;
    return;
  }
  droppingNotes_ = false;
  ++errors_;
  add(Severity::Error, loc, std::move(message));
  if (shouldStop() && !limitNoted_) {
    limitNoted_ = true;
    add(Severity::Note, loc,
        concat("too many errors (", errorLimit_, "), stopping now"));
  }
}

void DiagnosticEngine::warning(Loc loc, std::string message) {
  droppingNotes_ = shouldStop();
  if (!droppingNotes_)
    add(Severity::Warning, loc, std::move(message));
}

void DiagnosticEngine::note(Loc loc, std::string message) {
  if (!droppingNotes_ && !limitNoted_)
    add(Severity::Note, loc, std::move(message));
}

/// Source lines of fuzzed or generated inputs can be enormous: show at most
/// this many bytes on either side of the caret.
static constexpr size_t kContext = 160;

void DiagnosticEngine::print(std::ostream &os) const {
  // The lexer runs ahead of the parser, so report in source order: sort the
  // errors and warnings, each with the notes that follow it.
  std::vector<std::pair<size_t, size_t>> groups; // [begin, end) in diags_
  for (size_t i = 0; i < diags_.size(); ++i)
    if (diags_[i].severity != Severity::Note || groups.empty())
      groups.push_back({i, i + 1});
    else
      groups.back().second = i + 1;
  std::stable_sort(groups.begin(), groups.end(), [&](auto a, auto b) {
    const Loc &x = diags_[a.first].loc, &y = diags_[b.first].loc;
    return x.line != y.line ? x.line < y.line : x.col < y.col;
  });
  for (auto [begin, end] : groups)
    for (size_t i = begin; i < end; ++i)
      printOne(os, diags_[i]);
}

void DiagnosticEngine::printOne(std::ostream &os,
                                const Diagnostic &diag) const {
  const char *kind = diag.severity == Severity::Error     ? "error"
                     : diag.severity == Severity::Warning ? "warning"
                                                          : "note";
  os << file_.name() << ':' << diag.loc.line << ':' << diag.loc.col << ": "
     << kind << ": " << diag.message << '\n';
  std::string_view line = file_.line(diag.loc.line);
  size_t caret = diag.loc.col > 0 ? diag.loc.col - 1 : 0;
  if (caret > line.size())
    caret = line.size();
  size_t begin = caret > kContext ? caret - kContext : 0;
  size_t end = std::min(line.size(), caret + kContext);
  std::string_view shown = line.substr(begin, end - begin);
  os << shown << '\n';
  // Keep tabs so the caret lines up; count one column per UTF-8 code
  // point (continuation bytes take no room on a terminal).
  std::string marker;
  for (size_t i = begin; i < caret; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\t')
      marker += '\t';
    else if ((c & 0xC0) != 0x80)
      marker += ' ';
  }
  os << marker << "^\n";
}

std::string DiagnosticEngine::str() const {
  std::ostringstream os;
  print(os);
  return os.str();
}

std::string syna::frontend::formatNumber(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  char buffer[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  // Write exponents as users do: 1e39 and 1e-5, not 1e+39 and 1e-05.
  std::string text = buffer;
  size_t e = text.find('e');
  if (e != std::string::npos) {
    size_t digits = e + 1;
    if (text[digits] == '+')
      text.erase(digits, 1);
    else if (text[digits] == '-')
      ++digits;
    while (digits + 1 < text.size() && text[digits] == '0')
      text.erase(digits, 1);
  }
  return text;
}
