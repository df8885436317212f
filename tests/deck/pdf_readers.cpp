#include "pdf_readers.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace deck {

// ---- tools ---------------------------------------------------------------------------------

std::string find_tool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::istringstream in(dirs);
  for (std::string dir; std::getline(in, dir, ':');) {
    if (dir.empty()) continue;
    std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// ---- text ----------------------------------------------------------------------------------

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    if (i + static_cast<std::size_t>(len) > s.size()) len = 1;
    for (int k = 1; k < len; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    }
    out.push_back(c);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string utf8(char32_t c) {
  std::string out;
  auto byte = [&](char32_t v) { out += static_cast<char>(static_cast<unsigned char>(v)); };
  if (c < 0x80) {
    byte(c);
  } else if (c < 0x800) {
    byte(0xC0 | (c >> 6));
    byte(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    byte(0xE0 | (c >> 12));
    byte(0x80 | ((c >> 6) & 0x3F));
    byte(0x80 | (c & 0x3F));
  } else {
    byte(0xF0 | (c >> 18));
    byte(0x80 | ((c >> 12) & 0x3F));
    byte(0x80 | ((c >> 6) & 0x3F));
    byte(0x80 | (c & 0x3F));
  }
  return out;
}

namespace {

bool is_white(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x3000 || c == 0x00A0 || c == 0x2028 || c == 0x2029;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string squeeze(std::string_view s) {
  std::string out;
  for (char32_t c : code_points(s)) {
    if (!is_white(c)) out += utf8(c);
  }
  return out;
}

// ---- bbox ----------------------------------------------------------------------------------

namespace {

double attribute(std::string_view tag, std::string_view name) {
  std::string key = std::string(" ") + std::string(name) + "=\"";
  std::size_t at = tag.find(key);
  if (at == std::string_view::npos) throw std::runtime_error("bbox: no " + std::string(name));
  return std::strtod(std::string(tag.substr(at + key.size())).c_str(), nullptr);
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [name, ch] : kEntities) {
        if (starts_with(s.substr(i), name)) {
          out += ch;
          i += std::string_view(name).size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

std::vector<Page> parse_bbox(const std::string& x) {
  std::vector<Page> pages;
  std::size_t i = 0;
  while ((i = x.find('<', i)) != std::string::npos) {
    std::size_t end = x.find('>', i);
    if (end == std::string::npos) break;
    std::string_view tag(x.data() + i, end - i + 1);
    if (starts_with(tag, "<page ")) {
      Page p;
      p.width = attribute(tag, "width");
      p.height = attribute(tag, "height");
      pages.push_back(p);
    } else if (starts_with(tag, "<line ")) {
      if (pages.empty()) throw std::runtime_error("bbox: a line outside a page");
      pages.back().lines.emplace_back();
    } else if (starts_with(tag, "<word ")) {
      if (pages.empty() || pages.back().lines.empty()) throw std::runtime_error("bbox: a word outside a line");
      Word w;
      w.x0 = attribute(tag, "xMin");
      w.y0 = attribute(tag, "yMin");
      w.x1 = attribute(tag, "xMax");
      w.y1 = attribute(tag, "yMax");
      std::size_t close = x.find("</word>", end);
      if (close == std::string::npos) throw std::runtime_error("bbox: unclosed word");
      w.text = unescape(std::string_view(x.data() + end + 1, close - end - 1));
      pages.back().lines.back().words.push_back(std::move(w));
      end = close + 6;
    }
    i = end + 1;
  }
  return pages;
}

std::string TextRun::text() const {
  std::string s;
  for (const Word& w : words) s += (s.empty() ? "" : " ") + w.text;
  return s;
}

std::vector<TextRun> text_runs(const std::vector<Page>& pages) {
  std::vector<TextRun> runs;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const Line& line : pages[p].lines) {
      std::vector<Word> words = line.words;
      std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
      TextRun run;
      run.page = static_cast<int>(p + 1);
      for (const Word& w : words) {
        if (!run.words.empty()) {
          const Word& prev = run.words.back();
          double height = std::max(prev.y1 - prev.y0, w.y1 - w.y0);
          if (w.x0 - prev.x1 > 0.5 * height) {
            runs.push_back(run);
            run.words.clear();
          }
        }
        run.words.push_back(w);
      }
      if (!run.words.empty()) runs.push_back(run);
    }
  }
  return runs;
}

// ---- seed ----------------------------------------------------------------------------------

namespace {

constexpr std::string_view kNakaguro = "\u30FB";  // ・
constexpr std::string_view kCircle = "\u25CB";    // ○
constexpr std::string_view kIdeoSpace = "\u3000";

// Leading whitespace and list markers (`- `, `・`, `○`), as often as they come.
std::string_view strip_markers(std::string_view s) {
  for (;;) {
    std::size_t before = s.size();
    while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r')) s.remove_prefix(1);
    if (starts_with(s, kIdeoSpace)) s.remove_prefix(kIdeoSpace.size());
    if (starts_with(s, "- ") || starts_with(s, "-\t")) s.remove_prefix(2);
    if (starts_with(s, kNakaguro)) s.remove_prefix(kNakaguro.size());
    if (starts_with(s, kCircle)) s.remove_prefix(kCircle.size());
    if (s.size() == before) return s;
  }
}

std::string drop_stars(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 2) == "**") {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

// `\t・・・・・・・・・・14` at the end of a 目次 line.
std::string_view drop_leader(std::string_view s) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
    return v;
  };
  std::string_view t = trim(s);
  std::size_t digits = 0;
  while (digits < t.size() && t[t.size() - 1 - digits] >= '0' && t[t.size() - 1 - digits] <= '9') ++digits;
  if (digits == 0) return t;
  std::string_view lead = trim(t.substr(0, t.size() - digits));
  int dots = 0;
  while (lead.size() >= kNakaguro.size() && lead.substr(lead.size() - kNakaguro.size()) == kNakaguro) {
    lead.remove_suffix(kNakaguro.size());
    ++dots;
  }
  return dots >= 2 ? trim(lead) : t;
}

}  // namespace

std::vector<std::string> seed_pieces(std::string_view raw) {
  std::string line(drop_leader(raw));
  // The seed writes the section numbers in ASCII (I, II), the deck as Ⅰ, Ⅱ.
  if (starts_with(line, "II ") || starts_with(line, "II\t")) {
    line = "\u2161" + line.substr(2);
  } else if (starts_with(line, "I ") || starts_with(line, "I\t")) {
    line = "\u2160" + line.substr(1);
  }
  std::string cut;
  std::string_view s = strip_markers(line);
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      std::size_t end = s.find('>', i);
      if (end != std::string_view::npos) {
        cut += '\t';
        i = end + 1;
        continue;
      }
    }
    if (s[i] == ' ' && s.substr(i + 1, kNakaguro.size()) == kNakaguro) {
      cut += '\t';
      ++i;
      continue;
    }
    cut += s[i++];
  }
  std::vector<std::string> out;
  std::istringstream in(cut);
  for (std::string piece; std::getline(in, piece, '\t');) {
    std::string p = drop_stars(strip_markers(piece));
    // keep the piece's inner spaces: they mark the original's line breaks (see compare_seed)
    while (!p.empty() && (p.back() == ' ' || p.back() == '\r')) p.pop_back();
    if (!squeeze(p).empty()) out.push_back(p);
  }
  return out;
}

SeedComparison compare_seed(const std::string& seed, const std::string& deck_text,
                            const std::vector<TextRun>& runs) {
  SeedComparison result;
  const std::string text = squeeze(deck_text);
  std::string lines = "\x1F";
  for (const TextRun& r : runs) lines += squeeze(r.text()) + "\x1F";

  std::istringstream in(seed);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    for (const std::string& piece : seed_pieces(line)) {
      ++result.pieces;
      if (text.find(squeeze(piece)) != std::string::npos) {
        ++result.found_whole;
        continue;
      }
      // A wrapped table cell: pdftotext reads a table row by row, so a cell's lines may be
      // separated by its neighbours' lines. Cut at the seed's whitespace (the original's
      // line breaks, flattened by the extraction) and look for each part.
      bool all = true;
      std::istringstream parts(piece);
      for (std::string part; parts >> part;) {
        std::string p = squeeze(part);
        if (p.empty()) continue;
        if (text.find(p) == std::string::npos && lines.find(p) == std::string::npos) all = false;
      }
      if (all && piece.find(' ') != std::string::npos) {
        ++result.found_by_line;
      } else {
        result.missing.push_back("seed line " + std::to_string(line_no) + ": " + piece);
      }
    }
  }
  return result;
}

// ---- kinsoku -------------------------------------------------------------------------------

bool forbidden_at_line_start(char32_t c) {
  static const std::u32string kStart =
      // CL: closing brackets and quotes
      U")]}\u00BB\u2019\u201D\u2986\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301B\u301E\u301F"
      U"\uFF09\uFF3D\uFF5D\uFF60\uFF63"
      // NS: hyphens, dividing punctuation, middle dots, full stops, commas, iteration marks,
      // prolonged sound marks, small kana, voiced sound marks
      U"\u2010\u2013\u301C\u30A0\uFF5E!?\uFF01\uFF1F\u203C\u2047\u2048\u2049"
      U"\u30FB\uFF65\uFF1A\uFF1B\u3002\uFF61\u3001\uFF64\u3005\u303B\u309D\u309E\u30FD\u30FE"
      U"\u30FC\uFF70"
      U"\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E\u3095\u3096"
      U"\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6"
      U"\u309B\u309C\uFF9E\uFF9F"
      // FWIS and IS: full-width and ASCII infix separators
      U"\uFF0C\uFF0E,.:;"
      // PO: postfixes
      U"%\uFF05\u2030\u00B0\u2032\u2033\u2103\u2109\u00A2\uFFE0\u33CB\u2113"
      // IN: inseparable leaders
      U"\u2026\u2025\u22EF";
  if ((c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF6F)) return true;  // small kana
  if (c >= 0x3300 && c <= 0x33FF && (c == 0x3303 || c == 0x330D || c == 0x3314 || c == 0x3318 ||
                                     c == 0x3322 || c == 0x3323 || c == 0x3326 || c == 0x3327 ||
                                     c == 0x332B || c == 0x3336 || c == 0x333B || c == 0x3349 ||
                                     c == 0x334A || c == 0x334D || c == 0x3351 || c == 0x3357 ||
                                     c == 0x338E || c == 0x338F || c == 0x339C || c == 0x339D ||
                                     c == 0x339E || c == 0x33A1 || c == 0x33C4)) {
    return true;
  }
  return kStart.find(c) != std::u32string::npos;
}

bool forbidden_at_line_end(char32_t c) {
  static const std::u32string kEnd =
      // OP: opening brackets and quotes
      U"([{\u00AB\u2018\u201C\u2985\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301A\u301D"
      U"\uFF08\uFF3B\uFF5B\uFF5F\uFF62"
      // PR: prefixes
      U"\u00A5\uFFE5$\uFF04\u00A3\uFFE1#\uFF03\u20AC\u2116";
  return kEnd.find(c) != std::u32string::npos;
}

namespace {

bool is_bullet(const std::string& word) {
  static const std::vector<std::string> kBullets = {"\u30FB", "\u25CB", "\u25CF", "\u25A0", "\u25C6",
                                                    "\u27A4", "\u2022", "\u25B6", "-"};
  return std::find(kBullets.begin(), kBullets.end(), word) != kBullets.end();
}

}  // namespace

std::vector<std::string> kinsoku_problems(const std::vector<TextRun>& runs,
                                          const std::vector<std::string>& paragraphs) {
  std::vector<std::string> problems;
  for (const TextRun& run : runs) {
    std::vector<Word> words = run.words;
    if (words.size() >= 2 && is_bullet(words.front().text)) words.erase(words.begin());
    std::string text;
    for (const Word& w : words) text += w.text;
    text = squeeze(text);
    if (text.empty()) continue;
    std::vector<char32_t> cps = code_points(text);
    // A 目次 dot leader (・・・・ or ……, maybe with its page number) is drawn decoration,
    // not text that line breaking placed.
    std::size_t dots = 0;
    while (dots < cps.size() && (cps[dots] == 0x30FB || cps[dots] == 0xFF65 || cps[dots] == 0x2026 ||
                                 cps[dots] == 0x2025 || cps[dots] == '.' || cps[dots] == 0x00B7)) {
      ++dots;
    }
    bool leader = dots >= 3 && std::all_of(cps.begin() + static_cast<long>(dots), cps.end(),
                                           [](char32_t c) { return c >= '0' && c <= '9'; });
    if (leader) continue;
    const std::string where = "page " + std::to_string(run.page) + ": \"" + run.text() + "\"";
    if (forbidden_at_line_start(cps.front())) {
      bool starts_paragraph = std::any_of(paragraphs.begin(), paragraphs.end(),
                                          [&](const std::string& p) { return starts_with(p, text); });
      if (!starts_paragraph) {
        problems.push_back(where + " starts with " + utf8(cps.front()) +
                           ", which may not begin a line");
      }
    }
    if (forbidden_at_line_end(cps.back())) {
      problems.push_back(where + " ends with " + utf8(cps.back()) + ", which may not end a line");
    }
  }
  return problems;
}

std::vector<std::string> latin_tokens(const std::string& text) {
  auto alnum = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  };
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : '\0';
    if (alnum(c)) {
      cur += c;
    } else if ((c == ',' || c == '.' || c == '/') && !cur.empty() && i + 1 < text.size() &&
               alnum(text[i + 1])) {
      cur += c;
    } else {
      if (cur.size() >= 2) out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

// ---- JSON ----------------------------------------------------------------------------------

const Json* Json::find(const std::string& key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &values[i];
  }
  return nullptr;
}

const Json& Json::at(const std::string& key) const {
  const Json* j = find(key);
  if (j == nullptr) throw std::runtime_error("JSON: no key " + key);
  return *j;
}

namespace {

class JsonParser {
 public:
  explicit JsonParser(const std::string& t) : t_(t) {}

  Json document() {
    Json j = value();
    space();
    if (i_ != t_.size()) fail("trailing text");
    return j;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(i_));
  }
  void space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool eat(char c) {
    space();
    if (i_ < t_.size() && t_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected ") + c);
  }
  unsigned hex4() {
    if (i_ + 4 > t_.size()) fail("short \\u escape");
    unsigned v = static_cast<unsigned>(std::stoul(t_.substr(i_, 4), nullptr, 16));
    i_ += 4;
    return v;
  }
  std::string str() {
    expect('"');
    std::string out;
    while (i_ < t_.size() && t_[i_] != '"') {
      char c = t_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= t_.size()) fail("bad escape");
      char e = t_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          char32_t cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF && t_.compare(i_, 2, "\\u") == 0) {
            i_ += 2;
            char32_t low = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          out += utf8(cp);
          break;
        }
        default: out += e;
      }
    }
    if (i_ >= t_.size()) fail("unclosed string");
    ++i_;
    return out;
  }
  Json value() {
    space();
    if (i_ >= t_.size()) fail("unexpected end");
    Json j;
    char c = t_[i_];
    if (c == '{') {
      ++i_;
      j.kind = Json::Kind::Object;
      if (eat('}')) return j;
      do {
        space();
        j.keys.push_back(str());
        expect(':');
        j.values.push_back(value());
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      ++i_;
      j.kind = Json::Kind::Array;
      if (eat(']')) return j;
      do {
        j.items.push_back(value());
      } while (eat(','));
      expect(']');
    } else if (c == '"') {
      j.kind = Json::Kind::String;
      j.string = str();
    } else if (t_.compare(i_, 4, "true") == 0) {
      j.kind = Json::Kind::Bool;
      j.boolean = true;
      i_ += 4;
    } else if (t_.compare(i_, 5, "false") == 0) {
      j.kind = Json::Kind::Bool;
      i_ += 5;
    } else if (t_.compare(i_, 4, "null") == 0) {
      i_ += 4;
    } else {
      const char* begin = t_.c_str() + i_;
      char* end = nullptr;
      j.kind = Json::Kind::Number;
      j.number = std::strtod(begin, &end);
      if (end == begin) fail("bad value");
      i_ += static_cast<std::size_t>(end - begin);
    }
    return j;
  }

  const std::string& t_;
  std::size_t i_ = 0;
};

}  // namespace

Json parse_json(const std::string& text) { return JsonParser(text).document(); }

}  // namespace deck
