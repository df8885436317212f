#include "line_breaks.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace deck {

namespace {

bool is_white(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0x00A0;
}
bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005; }
bool is_kana(char32_t c) { return (c >= 0x3041 && c <= 0x309F) || is_katakana_letter(c); }
bool is_bullet_word(const std::string& w) {
  static const std::vector<std::string> kBullets = {"\u30FB", "\u25CB", "\u25CF", "\u25A0", "\u25C6",
                                                    "\u27A4", "\u2022", "\u25B6", "-"};
  return std::find(kBullets.begin(), kBullets.end(), w) != kBullets.end();
}

std::string text_of(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) out += utf8(c);
  return out;
}

// A drawn line without its bullet: squeezed text and geometry.
struct Drawn {
  int page = 0;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  std::u32string text;  // whitespace removed
};

Drawn drawn(const TextRun& run) {
  std::vector<Word> words = run.words;
  if (words.size() >= 2 && is_bullet_word(words.front().text)) words.erase(words.begin());
  Drawn d;
  d.page = run.page;
  d.x0 = words.front().x0;
  d.x1 = words.back().x1;
  d.y0 = words.front().y0;
  d.y1 = words.front().y1;
  for (const Word& w : words) {
    d.y0 = std::min(d.y0, w.y0);
    d.y1 = std::max(d.y1, w.y1);
    for (char32_t c : code_points(w.text))
      if (!is_white(c)) d.text.push_back(c);
  }
  return d;
}

bool follows(const Drawn& a, const Drawn& b) {
  // A line of one character is a number column or a label, not a wrapped paragraph.
  if (a.page != b.page || a.text.size() < 2 || b.text.empty()) return false;
  const double h = a.y1 - a.y0, hb = b.y1 - b.y0;
  if (h <= 0 || std::fabs(hb - h) > 0.2 * h) return false;
  const double pitch = b.y0 - a.y0;
  if (pitch < 0.9 * h || pitch > 1.9 * h) return false;
  const bool left = std::fabs(a.x0 - b.x0) <= 1.0;
  const bool centre = std::fabs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 2.0;
  return left || centre;
}

// A line that is one word no break may cut: katakana, led by Latin letters or not
// (AIチャットボット, オープンデータ). A short last line after it cannot be helped at that width.
bool one_word(const std::u32string& line) {
  std::size_t k = 0;
  while (k < line.size() && ((line[k] >= 'A' && line[k] <= 'Z') || (line[k] >= 'a' && line[k] <= 'z'))) ++k;
  return k < line.size() && std::all_of(line.begin() + static_cast<std::ptrdiff_t>(k), line.end(), is_katakana_letter);
}

struct Paragraph {
  std::u32string text;                // as written
  std::u32string squeezed;            // without whitespace
  std::vector<std::size_t> original;  // squeezed index -> index in text
  std::vector<bool> phrase;           // phrase starts of text (computed on demand)
  bool phrased = false;
};

}  // namespace

bool is_katakana_letter(char32_t c) {
  return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0xFF66 && c <= 0xFF9F);
}

WrapAudit audit_wraps(const std::vector<TextRun>& runs, const std::vector<std::u32string>& paragraphs,
                      const PhraseStarts& phrase_starts) {
  std::vector<Paragraph> ps;
  for (const std::u32string& t : paragraphs) {
    Paragraph p;
    p.text = t;
    for (std::size_t k = 0; k < t.size(); ++k) {
      if (is_white(t[k])) continue;
      p.squeezed.push_back(t[k]);
      p.original.push_back(k);
    }
    if (!p.squeezed.empty()) ps.push_back(std::move(p));
  }
  std::vector<Drawn> lines;
  for (const TextRun& r : runs)
    if (!r.words.empty()) lines.push_back(drawn(r));

  // Whether line i is followed by another line of some paragraph.
  auto continues = [&](std::size_t i) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (k == i || !follows(lines[i], lines[k])) continue;
      const std::u32string joined = lines[i].text + lines[k].text;
      for (const Paragraph& p : ps)
        if (p.squeezed.find(joined) != std::u32string::npos) return true;
    }
    return false;
  };
  auto ends_some_paragraph = [&](const std::u32string& joined) {
    for (const Paragraph& p : ps) {
      if (p.squeezed.size() >= joined.size() &&
          p.squeezed.compare(p.squeezed.size() - joined.size(), joined.size(), joined) == 0)
        return true;
    }
    return false;
  };
  WrapAudit audit;
  for (std::size_t ia = 0; ia < lines.size(); ++ia) {
    for (std::size_t ib = 0; ib < lines.size(); ++ib) {
      const Drawn& a = lines[ia];
      const Drawn& b = lines[ib];
      if (ia == ib || !follows(a, b)) continue;
      const std::u32string joined = a.text + b.text;
      for (Paragraph& p : ps) {
        const std::size_t at = p.squeezed.find(joined);
        if (at == std::u32string::npos) continue;
        const std::size_t cut = at + a.text.size();       // squeezed index of b's first character
        const std::size_t k = p.original[cut];            // ... in the text as written
        const std::size_t before = p.original[cut - 1];   // a's last character
        const char32_t x = p.text[before], y = p.text[k];
        const std::string shown = "page " + std::to_string(a.page) + ": " + text_of(a.text) + "|" + text_of(b.text);
        ++audit.breaks;
        audit.all.push_back(shown);
        if (!p.phrased) {
          p.phrase = phrase_starts(p.text);
          p.phrased = true;
        }
        if (k < p.phrase.size() && !p.phrase[k]) audit.inside_phrase.push_back(shown);
        if (is_katakana_letter(x) && is_katakana_letter(y)) {
          // Allowed only when the word alone is wider than the line: a is all katakana.
          const bool word_fills_line = std::all_of(a.text.begin(), a.text.end(), is_katakana_letter);
          if (!word_fills_line) audit.katakana_cut.push_back(shown);
        }
        const bool sign = x == U'＋' || x == U'－' || x == U'+' || x == U'▲' || x == U'△' || x == U'−';
        if ((is_digit(x) && (is_han(y) || is_kana(y))) || ((x == U'約' || x == U'第' || sign) && is_digit(y)))
          audit.unit_cut.push_back(shown);
        if (b.text.size() <= 2 && !continues(ib) && ends_some_paragraph(joined) && !one_word(a.text))
          audit.lonely_last_line.push_back(shown);
        break;
      }
    }
  }
  return audit;
}

}  // namespace deck
