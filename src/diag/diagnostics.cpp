#include "diag/diagnostics.hpp"

#include "diag/source_map.hpp"

#include <algorithm>
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

// Prefix of `line` up to (not including) code point number `col` (1-based).
std::string_view prefix_before_column(std::string_view line, int col) {
  std::size_t i = 0;
  for (int k = 1; k < col && i < line.size(); ++k) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return line.substr(0, i);
}

std::size_t sequence_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// At most this many characters of a source line are quoted: a hostile file can hold a
// single line of megabytes (200,000 nested "["), and the message must stay readable.
constexpr std::size_t kExcerptChars = 80;
constexpr std::size_t kExcerptBefore = 30;  // characters kept before the column when cut

struct Excerpt {
  std::string text;
  int col = 0;  // the location's column within `text`
};

// The part of `line` around code-point column `col`, with "…" where it was cut.
Excerpt excerpt(std::string_view line, int col) {
  std::vector<std::size_t> starts;  // byte offset of each code point
  for (std::size_t i = 0; i < line.size(); i += sequence_length(static_cast<unsigned char>(line[i]))) {
    starts.push_back(i);
  }
  std::size_t n = starts.size();
  if (n <= kExcerptChars) return {std::string(line), col};
  std::size_t at = col > 0 ? static_cast<std::size_t>(col - 1) : 0;
  std::size_t first = at > kExcerptBefore ? at - kExcerptBefore : 0;
  first = std::min(first, n - kExcerptChars);
  std::size_t last = first + kExcerptChars;  // exclusive
  Excerpt ex;
  if (first > 0) ex.text = "\u2026";
  std::size_t end_byte = last < n ? starts[last] : line.size();
  ex.text += std::string(line.substr(starts[first], end_byte - starts[first]));
  if (last < n) ex.text += "\u2026";
  ex.col = col > 0 ? static_cast<int>(at - first) + 1 + (first > 0 ? 1 : 0) : 0;
  return ex;
}

}  // namespace

std::string format(const Diagnostic& d, Lang lang, const SourceMap* sources) {
  std::string out;
  out += d.loc.file.empty() ? std::string("plandeck") : d.loc.file;
  if (d.loc.known()) {
    out += ':' + std::to_string(d.loc.line);
    if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
  }
  out += d.severity == Severity::Error     ? ": error: "
         : d.severity == Severity::Warning ? ": warning: "
                                           : ": note: ";
  out += text(d.message, lang);
  out += '\n';
  if (sources != nullptr && d.loc.known()) {
    std::string_view full = sources->line(d.loc.file, d.loc.line);
    if (!full.empty()) {
      Excerpt ex = excerpt(full, d.loc.col);
      std::string number = std::to_string(d.loc.line);
      std::string gutter(number.size(), ' ');
      out += ' ' + number + " | " + ex.text + '\n';
      if (d.loc.col > 0) {
        std::string_view before = prefix_before_column(ex.text, ex.col);
        // Pad with one space per display cell (two for wide characters) and keep tabs as
        // tabs, so the caret lines up under the character however the terminal expands tabs.
        std::string caret_pad;
        for (std::size_t i = 0; i < before.size();) {
          std::size_t len = sequence_length(static_cast<unsigned char>(before[i]));
          if (before[i] == '\t') {
            caret_pad += '\t';
          } else {
            caret_pad.append(display_width(before.substr(i, len)), ' ');
          }
          i += len;
        }
        out += ' ' + gutter + " | " + caret_pad + "^\n";
      }
    }
  }
  if (d.hint) {
    out += "  hint: ";
    out += text(*d.hint, lang);
    out += '\n';
  }
  return out;
}

std::string format_all(const Diagnostics& ds, Lang lang, const SourceMap* sources) {
  std::string out;
  for (const auto& d : ds.items()) out += format(d, lang, sources);
  return out;
}

}  // namespace plandeck::diag
