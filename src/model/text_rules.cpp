#include "model/text_rules.hpp"

#include <optional>
#include <string>

#include "diag/printable.hpp"
#include "text/utf8.hpp"

namespace plandeck::model {

using diag::Message;

namespace {

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_noncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The problem with one character, or nullopt when it is fine for the use.
std::optional<diag::Diagnostic> character_problem(char32_t cp, const TextUse& use, const diag::SourceLoc& loc) {
  // Called for every character of the plan: the common case returns before building a message.
  if (cp == '\n' ? !use.one_line
                 : cp != '\t' && !is_control(cp) && !is_bidi_control(cp) && !is_noncharacter(cp)) {
    return std::nullopt;
  }
  const std::string code = text::utf8::code_point_label(cp);
  diag::Diagnostic d;
  d.loc = loc;
  if (cp == '\n') {
    if (!use.one_line) return std::nullopt;
    d.message = {use.name.ja + "に改行は書けません", use.name.en + " cannot contain a line break"};
    d.hint = Message{"一行で書いてください（PDF の文書情報やしおり、Excel のシート名などに一行で使われます）",
                     "write it on one line (it is used as one line: PDF document info and bookmarks, sheet names)"};
  } else if (cp == '\t') {
    d.message = {use.name.ja + "にタブ文字（U+0009）は使えません", use.name.en + " contains a tab (U+0009)"};
    // A tab in a text is most often a table row pasted from a spreadsheet: say where tables go.
    d.hint = Message{"表の行を貼り付けたものなら、表は results か details のスライドの table: に groups と rows で書きます。"
                     "そうでなければスペースに置き換えてください（タブは PDF と Excel で表示が揃いません）",
                     "a pasted table row? write a table as table: with groups and rows on a results or details slide; "
                     "otherwise replace the tab with a space (PDF and Excel would not show a tab the same way)"};
  } else if (is_control(cp)) {
    d.message = {use.name.ja + "に制御文字 " + code + " は使えません",
                 use.name.en + " contains the control character " + code};
    d.hint = Message{"表示できない文字です。取り除いてください（YAML の \"\\e\" \"\\0\" などのエスケープも含みます）",
                     "it cannot be shown: remove it (escapes such as \"\\e\" or \"\\0\" in YAML included)"};
  } else if (is_bidi_control(cp)) {
    d.message = {use.name.ja + "に双方向制御文字 " + code + " は使えません",
                 use.name.en + " contains the bidirectional control " + code};
    d.hint = Message{"文字の並びを見かけ上入れ替える見えない文字です。取り除いてください",
                     "an invisible character that reorders the text as displayed: remove it"};
  } else if (is_noncharacter(cp)) {
    d.message = {use.name.ja + "に非文字 " + code + " は使えません", use.name.en + " contains the noncharacter " + code};
    d.hint = Message{"文字として使わないと Unicode で定められた符号位置です（Excel のファイルが壊れます）。取り除いてください",
                     "Unicode reserves it as never a character (it would break the workbook's XML): remove it"};
  } else {
    return std::nullopt;
  }
  return d;
}

char32_t fold(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
      (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                 // Ѐ-Џ
  // Latin Extended-A: capital and small letters alternate, the capital first, except in
  // U+0139-U+0148 and U+0179-U+017E, where the pairs start on odd code points.
  if ((c >= 0x100 && c <= 0x137 && c % 2 == 0) || (c >= 0x14A && c <= 0x177 && c % 2 == 0) ||
      (c >= 0x139 && c <= 0x148 && c % 2 == 1) || (c >= 0x179 && c <= 0x17E && c % 2 == 1)) {
    return c + 1;
  }
  if (c == 0x178) return 0xFF;  // Ÿ
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 0x20;               // Ａ-Ｚ
  return c;
}

}  // namespace

bool check_text(std::string_view text, const diag::SourceLoc& loc, const TextUse& use, diag::Diagnostics& diags) {
  std::size_t bad = 0;
  if (!text::utf8::is_valid(text, &bad)) {  // a lone surrogate written as an escape ("\uD800")
    diags.error(loc, {use.name.ja + "に文字として正しくない符号（サロゲートなど）があります",
                      use.name.en + " contains a code that is not a character (a lone surrogate or the like)"},
                Message{"\\uD800 のようなエスケープを取り除いてください", "remove escapes such as \\uD800"});
    return false;
  }
  std::size_t utf16 = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = text::utf8::next(text, i);
    utf16 += cp > 0xFFFF ? 2 : 1;
    if (auto problem = character_problem(cp, use, loc)) {
      diags.add(std::move(*problem));
      return false;
    }
  }
  if (use.max_pdf_bytes != 0 && text.size() > use.max_pdf_bytes) {
    std::string n = grouped(text.size()), most = grouped(use.max_pdf_bytes);
    diags.error(loc, {use.name.ja + "が長すぎます（UTF-8 で " + n + " バイト。PDF の文書情報・しおりに使えるのは " + most + " バイトまで）",
                      use.name.en + " is too long (" + n + " bytes of UTF-8; a PDF document info entry or bookmark holds " +
                          most + ")"});
    return false;
  }
  if (use.max_cell_chars != 0 && utf16 > use.max_cell_chars) {
    std::string n = grouped(utf16), most = grouped(use.max_cell_chars);
    diags.error(loc, {use.name.ja + "が長すぎます（" + n + " 文字。Excel のセルに入るのは " + most + " 文字まで）",
                      use.name.en + " is too long (" + n + " characters; an Excel cell holds " + most + ")"});
    return false;
  }
  return true;
}

std::string fold_sheet_name(std::string_view name) {
  std::u32string folded;
  for (std::size_t i = 0; i < name.size();) folded += fold(text::utf8::next(name, i));
  return text::utf8::encode(folded);
}

}  // namespace plandeck::model
