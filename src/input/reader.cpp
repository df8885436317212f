#include "input/reader.hpp"

#include <algorithm>
#include <charconv>

#include "diag/printable.hpp"
#include "input/slips.hpp"
#include "text/utf8.hpp"

namespace plandeck::input {

using diag::Message;

namespace {

// How a value is named in messages: "title" -> "title"; "items[]" -> an item of "items".
// The Japanese form ends ready for a particle: `"title" が…`, `"items" の項目が…`.
Message describe(std::string_view name) {
  std::string n(name);
  if (n.size() > 2 && n.compare(n.size() - 2, 2, "[]") == 0) {
    n.resize(n.size() - 2);
    return {"\"" + n + "\" の項目", "an item of \"" + n + "\""};
  }
  return {"\"" + n + "\" ", "\"" + n + "\""};
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

// Nothing to show: only spaces (ideographic U+3000 included), tabs and line breaks.
bool blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = text::utf8::next(s, i);
    if (cp != ' ' && cp != '\t' && cp != '\r' && cp != '\n' && cp != 0x3000) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// -?(0|[1-9][0-9]*)(\.[0-9]+)? ; with_fraction=false drops the last part.
bool strict_decimal(std::string_view s, bool with_fraction) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t digits = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == digits) return false;
  if (s[digits] == '0' && i - digits > 1) return false;
  if (i < s.size() && s[i] == '.' && with_fraction) {
    std::size_t frac = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == frac) return false;
  }
  return i == s.size();
}

// Explains why a scalar is not a strict number; `what` is {"数値", "a number"} or the like.
Message number_hint(std::string_view s) {
  std::string_view digits = s.substr(!s.empty() && s[0] == '-' ? 1 : 0);
  bool leading_zero = digits.size() > 1 && digits[0] == '0' && is_digit(digits[1]);
  if (s.find(',') != std::string_view::npos) {
    return {"桁区切りのカンマを付けずに書いてください（表示では自動で付きます）",
            "write the number without thousands separators (they are added when printed)"};
  }
  if (leading_zero) {
    return {"先頭の 0 を取ってください（YAML 1.1 では 8 進数と読まれます）",
            "remove the leading zero (YAML 1.1 reads it as octal)"};
  }
  return {"半角の 10 進数で書いてください（例: 113600, 4.3, -96）",
          "write a decimal number with ASCII digits (e.g. 113600, 4.3, -96)"};
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<char32_t> x, y;
  x.reserve(a.size());
  y.reserve(b.size());
  for (std::size_t i = 0; i < a.size();) x.push_back(text::utf8::next(a, i));
  for (std::size_t i = 0; i < b.size();) y.push_back(text::utf8::next(b, i));
  // Optimal string alignment distance: Levenshtein plus adjacent transpositions. Three rows
  // of the matrix are enough (a transposition looks two rows back), so memory is linear.
  std::vector<std::size_t> before(y.size() + 1), previous(y.size() + 1), current(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[y.size()];
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  // A typo of a key is short: a longer word (a hostile key of megabytes) is not compared.
  constexpr std::size_t kLongestWord = 64;
  std::size_t length = 0;
  for (std::size_t i = 0; i < word.size() && length <= kLongestWord; ++length) text::utf8::next(word, i);
  if (length > kLongestWord) return std::nullopt;
  std::size_t limit = length <= 3 ? 1 : length <= 6 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    // The distance is at least the difference in length: most candidates need no matrix.
    std::size_t c_length = 0;
    for (std::size_t i = 0; i < c.size(); ++c_length) text::utf8::next(c, i);
    if ((c_length > length ? c_length - length : length - c_length) > limit) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_distance && d < length) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::optional<std::vector<model::Run>> parse_markup(std::string_view text, std::size_t& bad_index) {
  std::vector<model::Run> runs;
  std::string current;
  bool strong = false;
  std::size_t opened = 0;
  auto flush = [&] {
    if (!current.empty()) runs.push_back(model::Run{std::move(current), strong});
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '*') {
      current += '*';
      i += 2;
    } else if (text.compare(i, 2, "**") == 0) {
      flush();
      strong = !strong;
      opened = i;
      i += 2;
    } else {
      current += text[i++];
    }
  }
  if (strong) {
    bad_index = opened;
    return std::nullopt;
  }
  flush();
  return runs;
}

// ---- Reader ----------------------------------------------------------------------------

const diag::LineIndex& Reader::lines() const {
  if (!lines_) lines_.emplace(file_.text);
  return *lines_;
}

void Reader::error(const diag::SourceLoc& at, Message message, std::optional<Message> hint) const {
  diags_.error(at, std::move(message), std::move(hint));
}

void Reader::wrong_type(const Node& node, std::string_view name, const Message& expected) const {
  Message who = describe(name);
  Message found = kind_name(node.kind);
  std::optional<Message> hint;
  const std::string& text = file_.text;
  bool flow = (node.is_sequence() || node.is_mapping()) && node.offset < text.size() &&
              (text[node.offset] == '[' || text[node.offset] == '{');
  // Only a value short enough to paste back is quoted (and a long line is never scanned:
  // a hostile file may hold many such values on one line of megabytes).
  constexpr std::size_t kQuotable = 200;
  std::string_view window = std::string_view(text).substr(node.offset < text.size() ? node.offset : text.size(), kQuotable);
  std::size_t end = window.find('\n');
  bool whole = end != std::string_view::npos || node.offset + window.size() == text.size();
  if (flow && whole && expected.en.rfind("a text", 0) == 0) {
    std::string quoted = quoted_form(written_value(window.substr(0, end)));
    hint = Message{"YAML は \"" + text.substr(node.offset, 1) + "\" で始まる値を" + found.ja + "と読みます。テキストなら " + quoted +
                       " と引用符で囲んでください",
                   "YAML reads a value starting with \"" + text.substr(node.offset, 1) + "\" as " + found.en +
                       "; quote a text: " + quoted};
  }
  error(node.loc, {who.ja + "には" + expected.ja + "を書いてください（" + found.ja + "が書かれています）",
                   who.en + " must be " + expected.en + ", not " + found.en},
        hint);
}

std::optional<std::string> Reader::string(const Node& node, std::string_view name, Need need) const {
  if (node.kind == NodeKind::Sequence || node.kind == NodeKind::Mapping) {
    wrong_type(node, name, {"テキスト", "a text"});
    return std::nullopt;
  }
  std::string value = node.is_null() ? std::string() : node.value;
  if (node.block_scalar()) {
    while (!value.empty() && value.back() == '\n') value.pop_back();
  }
  if (need == Need::Required && blank(value)) {
    Message who = describe(name);
    error(node.loc, {who.ja + "が空です", who.en + " is empty"},
          Message{"表示するテキストを書いてください", "write the text to be shown"});
    return std::nullopt;
  }
  return value;
}

std::optional<model::RichText> Reader::rich_text(const Node& node, std::string_view name, Need need) const {
  std::optional<std::string> s = string(node, name, need);
  if (!s) return std::nullopt;
  std::size_t bad = 0;
  std::optional<std::vector<model::Run>> runs = parse_markup(*s, bad);
  if (!runs) {
    // Find the same `**` in the source: the n-th delimiter there, n counted in the value.
    std::size_t n = 0;
    for (std::size_t i = 0; i < bad;) {
      if ((*s)[i] == '\\' && i + 1 < s->size() && (*s)[i + 1] == '*') {
        i += 2;
      } else if (s->compare(i, 2, "**") == 0) {
        ++n;
        i += 2;
      } else {
        ++i;
      }
    }
    // Within the scalar's own source (at most a few times its text): one error must not
    // scan the rest of a large file.
    diag::SourceLoc at = node.loc;
    std::string_view text = std::string_view(file_.text).substr(0, node.offset + 4 * s->size() + 256);
    std::size_t pos = node.offset;
    for (std::size_t k = 0;; ++k) {
      pos = text.find("**", pos);
      while (pos != std::string::npos && pos > 0 && text[pos - 1] == '\\') pos = text.find("**", pos + 1);
      if (pos == std::string::npos) break;
      if (k == n) {
        at = lines().locate(file_.path, pos);
        break;
      }
      pos += 2;
    }
    error(at, {"強調の \"**\" が閉じられていません", "unclosed emphasis \"**\""},
          Message{"強調する語の後にも \"**\" を書いてください。* そのものは \"\\*\" と書きます",
                  "close the emphasis with another \"**\"; write a literal * as \"\\*\""});
    return std::nullopt;
  }
  model::RichText out;
  out.runs = std::move(*runs);
  out.loc = node.loc;
  return out;
}

std::optional<bool> Reader::boolean(const Node& node, std::string_view name) const {
  Message who = describe(name);
  if (node.is_scalar() && !node.quoted() && node.tag.empty()) {
    if (node.value == "true") return true;
    if (node.value == "false") return false;
    error(node.loc,
          {who.ja + "には true か false を書いてください（" + diag::quote(node.value) + " は使えません）",
           who.en + " must be true or false, not " + diag::quote(node.value)},
          Message{"yes / no / on / off などは使えません。小文字の true か false と書いてください",
                  "yes / no / on / off and the like are not accepted: write true or false in lower case"});
    return std::nullopt;
  }
  if (node.is_scalar()) {
    error(node.loc,
          {who.ja + "には true か false を書いてください（引用符で囲んだ " + diag::quote(node.value) + " はテキストです）",
           who.en + " must be true or false, not the quoted text " + diag::quote(node.value)},
          Message{"引用符を外してください", "remove the quotes"});
    return std::nullopt;
  }
  wrong_type(node, name, {"true か false", "true or false"});
  return std::nullopt;
}

std::optional<Decimal> Reader::decimal(const Node& node, std::string_view name) const {
  Message who = describe(name);
  if (!node.is_scalar()) {
    wrong_type(node, name, {"数値", "a number"});
    return std::nullopt;
  }
  const std::string& s = node.value;
  if (node.quoted() || !node.tag.empty()) {
    error(node.loc,
          {who.ja + "には数値を書いてください（引用符で囲んだ " + diag::quote(s) + " はテキストです）",
           who.en + " must be a number, not the quoted text " + diag::quote(s)},
          Message{"引用符を外してください", "remove the quotes"});
    return std::nullopt;
  }
  if (!strict_decimal(s, true)) {
    error(node.loc, {who.ja + "の " + diag::quote(s) + " は数値として読めません", who.en + ": " + diag::quote(s) + " is not a number"},
          number_hint(s));
    return std::nullopt;
  }
  Decimal d;
  d.literal = s;
  std::size_t point = s.find('.');
  d.decimals = point == std::string::npos ? 0 : static_cast<int>(s.size() - point - 1);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d.value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    error(node.loc, {who.ja + "の " + diag::quote(s) + " は大きすぎます", who.en + ": " + diag::quote(s) + " is too large"});
    return std::nullopt;
  }
  return d;
}

std::optional<double> Reader::number(const Node& node, std::string_view name) const {
  std::optional<Decimal> d = decimal(node, name);
  if (!d) return std::nullopt;
  return d->value;
}

std::optional<long long> Reader::integer(const Node& node, std::string_view name) const {
  Message who = describe(name);
  if (node.is_scalar() && !node.quoted() && node.tag.empty() && strict_decimal(node.value, false)) {
    long long v = 0;
    const std::string& s = node.value;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size()) return v;
    error(node.loc, {who.ja + "の " + diag::quote(s) + " は大きすぎます", who.en + ": " + diag::quote(s) + " is too large"});
    return std::nullopt;
  }
  if (node.is_scalar() && !node.quoted() && strict_decimal(node.value, true)) {
    error(node.loc, {who.ja + "には整数を書いてください（" + diag::quote(node.value) + " が書かれています）",
                     who.en + " must be a whole number, not " + diag::quote(node.value)});
    return std::nullopt;
  }
  if (node.is_scalar()) {
    if (node.quoted()) {
      error(node.loc,
            {who.ja + "には整数を書いてください（引用符で囲んだ " + diag::quote(node.value) + " はテキストです）",
             who.en + " must be a whole number, not the quoted text " + diag::quote(node.value)},
            Message{"引用符を外してください", "remove the quotes"});
    } else {
      error(node.loc, {who.ja + "の " + diag::quote(node.value) + " は整数として読めません",
                       who.en + ": " + diag::quote(node.value) + " is not a whole number"},
            number_hint(node.value));
    }
    return std::nullopt;
  }
  wrong_type(node, name, {"整数", "a whole number"});
  return std::nullopt;
}

std::optional<std::vector<const Node*>> Reader::list(const Node& node, std::string_view name) const {
  if (node.is_null()) return std::vector<const Node*>{};
  if (!node.is_sequence()) {
    wrong_type(node, name, {"リスト（\"- \" で始まる項目）", "a list (entries starting with \"- \")"});
    return std::nullopt;
  }
  std::vector<const Node*> out;
  out.reserve(node.items.size());
  for (const auto& item : node.items) out.push_back(item.get());
  return out;
}

std::optional<std::string> Reader::choice(const Node& node, std::string_view name,
                                          const std::vector<std::string_view>& choices) const {
  std::optional<std::string> s = string(node, name, Need::Required);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) != choices.end()) return s;
  std::string n(name);
  std::optional<Message> hint;
  if (auto near = did_you_mean(*s, choices)) {
    hint = Message{"\"" + *near + "\" ではありませんか", "did you mean \"" + *near + "\"?"};
  } else {
    hint = Message{"使える値: " + join(choices), "expected one of: " + join(choices)};
  }
  error(node.loc, {"未知の " + n + " " + diag::quote(*s), "unknown " + n + " " + diag::quote(*s)}, hint);
  return std::nullopt;
}

// ---- MapReader -------------------------------------------------------------------------

MapReader::MapReader(const Reader& reader, const Node& node, std::string_view name,
                     std::vector<std::string_view> allowed)
    : reader_(reader), node_(node), name_(name) {
  if (!node.is_mapping()) {
    reader.wrong_type(node, name, {"マッピング（キー: 値）", "a mapping (key: value)"});
    return;
  }
  valid_ = true;
  std::size_t unknown = 0;
  for (const auto& e : node.entries) {
    const Node& key = *e.key;
    if (!key.is_scalar()) {
      reader.error(key.loc, {"キーはテキストで書いてください（" + kind_name(key.kind).ja + "が書かれています）",
                             "a key must be a text, not " + kind_name(key.kind).en});
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key.value) != allowed.end()) continue;
    // Past the first hundred unknown keys of one mapping no hint would be printed anyway
    // (diag::kMaxReported): the list of allowed keys stands in for the typo search.
    const bool search_typo = ++unknown <= diag::kMaxReported;
    std::optional<Message> hint;
    if (key.value == "<<") {
      hint = Message{"マージキー \"<<\" は使えません。エイリアス（*名前）でブロック全体を繰り返してください",
                     "merge keys \"<<\" are not supported; repeat a whole block with an alias (*name)"};
    } else if (key.value.size() == 3 && key.value.find_first_not_of("0123456789") == std::string::npos) {
      // {number: 113,600} : the comma ended the value inside { }, and "600" became a key.
      hint = Message{"{ } の中では数値の桁区切りのカンマが区切りとして読まれます。カンマを取って 113600 のように書いてください",
                     "inside { } a thousands separator splits the value: write the number without commas (113600)"};
    } else if (auto near = search_typo ? did_you_mean(key.value, allowed) : std::optional<std::string>()) {
      hint = Message{"\"" + *near + "\" ではありませんか", "did you mean \"" + *near + "\"?"};
    } else {
      hint = Message{"使えるキー: " + join(allowed), "allowed keys: " + join(allowed)};
    }
    reader.error(key.loc, {"未知のキー " + diag::quote(key.value), "unknown key " + diag::quote(key.value)}, hint);
  }
}

const Node* MapReader::get(std::string_view key) const {
  if (!valid_) return nullptr;
  return node_.find(key);
}

const Node* MapReader::require(std::string_view key) const {
  if (!valid_) return nullptr;
  const Node* n = node_.find(key);
  if (n == nullptr) {
    std::string k(key);
    Message where = name_.empty() ? Message{} : describe(name_);
    reader_.error(node_.loc,
                  {(where.ja.empty() ? "" : where.ja + "に") + "必須のキー \"" + k + "\" がありません",
                   "missing required key \"" + k + "\"" + (where.en.empty() ? "" : " in " + where.en)});
  }
  return n;
}

std::optional<std::string> MapReader::string(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.string(*n, key, need) : std::nullopt;
}

std::optional<model::RichText> MapReader::rich_text(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.rich_text(*n, key, need) : std::nullopt;
}

std::optional<bool> MapReader::boolean(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.boolean(*n, key) : std::nullopt;
}

std::optional<Decimal> MapReader::decimal(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.decimal(*n, key) : std::nullopt;
}

std::optional<double> MapReader::number(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.number(*n, key) : std::nullopt;
}

std::optional<long long> MapReader::integer(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.integer(*n, key) : std::nullopt;
}

std::optional<std::vector<const Node*>> MapReader::list(std::string_view key, Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.list(*n, key) : std::nullopt;
}

std::optional<std::string> MapReader::choice(std::string_view key, const std::vector<std::string_view>& choices,
                                             Need need) const {
  const Node* n = get(key, need);
  return n ? reader_.choice(*n, key, choices) : std::nullopt;
}

}  // namespace plandeck::input
