#include "diag/diagnostics.hpp"

#include "diag/printable.hpp"
#include "diag/source_map.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace plandeck::diag {

void Diagnostics::error(SourceLoc loc, Message message, std::optional<Message> hint) {
  items_.push_back({Severity::Error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, Message message, std::optional<Message> hint) {
  items_.push_back({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::note(SourceLoc loc, Message message, std::optional<Message> hint) {
  items_.push_back({Severity::Note, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::Error ? 1 : 0;
  return n;
}

std::string code_of(const Diagnostic& d) {
  if (!d.code.empty()) return d.code;
  constexpr int kMaxWords = 6;
  std::string out;
  std::string word;
  int words = 0;
  char quote = 0;  // inside "…" or '…'
  int parens = 0;  // inside (…)
  auto flush = [&] {
    if (!word.empty() && words < kMaxWords) {
      if (!out.empty()) out += '-';
      out += word;
      ++words;
    }
    word.clear();
  };
  for (char ch : d.message.en) {
    if (quote != 0) {
      if (ch == quote) quote = 0;
      continue;
    }
    if (ch == '"') {
      flush();
      quote = ch;
    } else if (ch == '(') {
      flush();
      ++parens;
    } else if (ch == ')') {
      parens = parens > 0 ? parens - 1 : 0;
    } else if (parens == 0 && ch >= 'a' && ch <= 'z') {
      word += ch;
    } else if (parens == 0 && ch >= 'A' && ch <= 'Z') {
      word += static_cast<char>(ch - 'A' + 'a');
    } else if (parens == 0 && (ch == ':' || ch == ';')) {
      flush();
      // What follows a colon is the particular case ("cannot load a font: <why>").
      if (!out.empty()) break;
    } else {
      flush();
    }
  }
  flush();
  return out.empty() ? std::string("plandeck") : out;
}

const std::string& text(const Message& m, Lang lang) {
  if (lang == Lang::En && !m.en.empty()) return m.en;
  return m.ja.empty() ? m.en : m.ja;
}

namespace {

// Display width of a string in a terminal: East Asian wide characters take two cells.
// Only used to place the caret, so a coarse range test is enough.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    if (len > 1 && i + len <= s.size()) {
      cp = c & (0xFF >> (len + 1));
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

std::size_t sequence_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// At most this many characters of a source line are quoted: a hostile file can hold a
// single line of megabytes (200,000 nested "["), and the message must stay readable.
constexpr std::size_t kExcerptChars = 80;
constexpr std::size_t kExcerptBefore = 30;  // characters kept before the column when cut
// A message longer than this is cut: plan text in it (a key of megabytes) must not flood.
constexpr std::size_t kMessageChars = 1000;

struct Excerpt {
  std::string text;        // printable (see printable.hpp), with "…" where it was cut
  std::string caret_pad;   // what goes before the caret: spaces per display cell, tabs kept
};

// Back from byte `at` by up to `count` code points (never before `begin`).
std::size_t back(std::string_view s, std::size_t begin, std::size_t at, std::size_t count) {
  for (std::size_t k = 0; k < count && at > begin; ++k) {
    --at;
    while (at > begin && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  }
  return at;
}

// Forward from byte `at` by up to `count` code points (never past `end`).
std::size_t forward(std::string_view s, std::size_t at, std::size_t end, std::size_t count) {
  for (std::size_t k = 0; k < count && at < end; ++k) {
    at += sequence_length(static_cast<unsigned char>(s[at]));
  }
  return std::min(at, end);
}

// The part of `line` around byte `column` (an offset in `line`): only the bytes around it
// are looked at, so a line of megabytes costs no more than a short one.
Excerpt excerpt(std::string_view line, std::size_t column) {
  column = std::min(column, line.size());
  std::size_t first = back(line, 0, column, kExcerptBefore);
  std::size_t last = forward(line, first, line.size(), kExcerptChars);
  if (last == line.size()) {  // near the end: use the room on the left
    std::size_t shown = 0;
    for (std::size_t i = first; i < last; i += sequence_length(static_cast<unsigned char>(line[i]))) ++shown;
    first = back(line, 0, first, kExcerptChars - std::min(shown, kExcerptChars));
  }
  Excerpt ex;
  PrintableOptions keep_tabs;
  keep_tabs.keep_tabs = true;
  std::string before = printable(line.substr(first, column - first), keep_tabs);
  if (first > 0) {
    ex.text = "\u2026";
    ex.caret_pad = " ";
  }
  ex.text += before + printable(line.substr(column, last - column), keep_tabs);
  if (last < line.size()) ex.text += "\u2026";
  // One space per display cell (two for wide characters), tabs kept as tabs, so the caret
  // lines up under the character however the terminal expands tabs.
  for (std::size_t i = 0; i < before.size();) {
    std::size_t len = sequence_length(static_cast<unsigned char>(before[i]));
    if (before[i] == '\t') {
      ex.caret_pad += '\t';
    } else {
      ex.caret_pad.append(display_width(std::string_view(before).substr(i, len)), ' ');
    }
    i += len;
  }
  return ex;
}

std::string message_text(const Message& m, Lang lang) {
  PrintableOptions o;
  o.max_chars = kMessageChars;
  return printable(text(m, lang), o);
}

}  // namespace

std::string format(const Diagnostic& d, Lang lang, const SourceMap* sources) {
  std::string out;
  out += d.loc.file.empty() ? std::string("plandeck") : printable(d.loc.file);
  if (d.loc.known()) {
    out += ':' + std::to_string(d.loc.line);
    if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
  }
  out += d.severity == Severity::Error     ? ": error: "
         : d.severity == Severity::Warning ? ": warning: "
                                           : ": note: ";
  out += message_text(d.message, lang);
  out += '\n';
  const LineIndex* lines = sources != nullptr && d.loc.known() ? sources->index(d.loc.file) : nullptr;
  if (lines != nullptr && static_cast<std::size_t>(d.loc.line) <= lines->line_count()) {
    auto line0 = static_cast<std::size_t>(d.loc.line - 1);
    std::string_view full = lines->line(line0);
    if (!full.empty()) {
      std::size_t column = d.loc.col > 0 ? lines->column_offset(line0, d.loc.col) - lines->line_start(line0) : 0;
      Excerpt ex = excerpt(full, column);
      std::string number = std::to_string(d.loc.line);
      std::string gutter(number.size(), ' ');
      out += ' ' + number + " | " + ex.text + '\n';
      if (d.loc.col > 0) out += ' ' + gutter + " | " + ex.caret_pad + "^\n";
    }
  }
  if (d.hint) {
    out += "  hint: ";
    out += message_text(*d.hint, lang);
    out += '\n';
  }
  return out;
}

std::string format_all(const Diagnostics& ds, Lang lang, const SourceMap* sources) {
  std::string out;
  const auto& items = ds.items();
  std::size_t shown = std::min(items.size(), kMaxReported);
  for (std::size_t i = 0; i < shown; ++i) out += format(items[i], lang, sources);
  if (items.size() > shown) out += more_line(items.size() - shown, lang);
  return out;
}

std::string more_line(std::size_t omitted, Lang lang) {
  std::string digits = std::to_string(omitted), n;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) n += ',';
    n += digits[i];
  }
  if (lang == Lang::En) {
    return "\u2026 and " + n + " more (only the first " + std::to_string(kMaxReported) + " are shown)\n";
  }
  return "\u2026ほか " + n + " 件（表示は最初の " + std::to_string(kMaxReported) + " 件まで）\n";
}

std::string points(double v) {
  const double r = std::round(v * 10) / 10;
  std::string s = std::to_string(r);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace plandeck::diag
