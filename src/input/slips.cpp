#include "input/slips.hpp"

#include "diag/printable.hpp"
#include "text/utf8.hpp"

namespace plandeck::input {

using diag::Message;

std::string written_value(std::string_view rest, bool in_flow) {
  if (in_flow) rest = rest.substr(0, rest.find_first_of(",]}"));
  // A comment starts at " #" (a "#" inside the text, as in "No.#3", is text).
  for (std::size_t i = 1; i < rest.size(); ++i) {
    if (rest[i] == '#' && (rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      rest = rest.substr(0, i);
      break;
    }
  }
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
  return std::string(rest);
}

std::string quoted_form(std::string_view value) {
  if (value.find('"') == std::string_view::npos && value.find('\\') == std::string_view::npos) {
    return "\"" + std::string(value) + "\"";
  }
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

bool inside_flow(std::string_view line, std::size_t column) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < column && i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return depth > 0;
}

std::optional<diag::Diagnostic> flow_text_slip(std::string_view line, std::size_t error_column,
                                               diag::SourceLoc loc) {
  // Where the value starts: after the indentation, any "- " entries, and a "key: ".
  std::size_t at = line.find_first_not_of(' ');
  while (at != std::string_view::npos && line.compare(at, 2, "- ") == 0) at = line.find_first_not_of(' ', at + 2);
  if (at == std::string_view::npos) return std::nullopt;
  if (line[at] != '[' && line[at] != '{') {
    std::size_t colon = line.find(": ", at);
    if (colon == std::string_view::npos) return std::nullopt;
    at = line.find_first_not_of(' ', colon + 2);
    if (at == std::string_view::npos || (line[at] != '[' && line[at] != '{')) return std::nullopt;
  }
  // The bracket must close before the error: the error is about what follows it.
  char open = line[at];
  char close = open == '[' ? ']' : '}';
  std::size_t closed = line.find(close, at);
  if (closed == std::string_view::npos || closed >= error_column) return std::nullopt;
  std::string ch(1, open);
  bool list = open == '[';
  loc.col -= static_cast<int>(text::utf8::to_u32(line.substr(at, error_column - at)).size());
  std::string quoted = quoted_form(written_value(line.substr(at)));
  return diag::Diagnostic(
      diag::Severity::Error, loc,
      {"値の先頭の \"" + ch + "\" は YAML では" + (list ? "リスト（[a, b]）" : "マッピング（{キー: 値}）") +
           "の印で、閉じた後ろに文字を続けられません。テキストなら引用符で囲んでください",
       "\"" + ch + "\" at the start of a value marks a " + (list ? "list ([a, b])" : "mapping ({key: value})") +
           ", and nothing may follow its closing bracket; quote a text"},
      diag::Message{quoted + " と書いてください", "write it as " + quoted}, "yaml-quote-text");
}

diag::Diagnostic flow_comma_slip(std::string_view previous, std::string_view next, const diag::SourceLoc& comma) {
  const std::string a = diag::quote(previous), b = diag::quote(next);
  const std::string whole = quoted_form(std::string(previous) + "," + std::string(next));
  return diag::Diagnostic(
      diag::Severity::Error, comma,
      {"[ ] の中の \",\" は YAML では項目の区切りで、" + a + " と " + b + " の 2 つの項目になります",
       "inside [ ], YAML reads \",\" as a separator: this makes two items, " + a + " and " + b},
      Message{"1 つのテキストなら " + whole + " と引用符で囲むか、1 行に 1 項目（- …）で書いてください。" +
                  "2 つの項目なら \", \" とカンマの後に空白を入れてください",
              "one text: quote it, " + whole + ", or write one item per line (- …); two items: write \", \" " +
                  "with a space after the comma"},
      "yaml-flow-comma");
}

bool plausible_anchor_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<diag::Diagnostic> indicator_slip(std::string_view rest, const diag::SourceLoc& loc, bool in_flow) {
  if (rest.empty()) return std::nullopt;
  Message meaning;
  switch (rest[0]) {
    case '*':
      meaning = {"エイリアス（*名前）の印で、テキストとしては読まれません",
                 "marks an alias (*name), so the value is not read as text"};
      break;
    case '&':
      meaning = {"アンカー（&名前）の印で、続く文字がテキストから消えます",
                 "marks an anchor (&name), so the characters after it vanish from the text"};
      break;
    case '%':
      meaning = {"指示（%YAML など）の印で、値の先頭には書けません",
                 "is reserved for YAML directives (%YAML), so it cannot start a value"};
      break;
    case '!':
      meaning = {"タグ（!名前）の印で、テキストの一部が消えます", "marks a tag (!name), so part of the text vanishes"};
      break;
    case '@':
    case '`':
      meaning = {"予約された記号で、値の先頭には書けません", "is reserved by YAML, so it cannot start a value"};
      break;
    default:
      return std::nullopt;
  }
  std::string ch(1, rest[0]);
  std::string quoted = quoted_form(written_value(rest, in_flow));
  return diag::Diagnostic(diag::Severity::Error, loc,
                          {"値の先頭の \"" + ch + "\" は YAML では" + meaning.ja + "。テキストなら引用符で囲んでください",
                           "\"" + ch + "\" at the start of a value " + meaning.en + "; quote a text"},
                          Message{quoted + " と書いてください", "write it as " + quoted}, "yaml-quote-text");
}

}  // namespace plandeck::input
