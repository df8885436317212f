#include "plan_generator.hpp"

#include <vector>

namespace plandeck::testing {

namespace {

// Pieces of text, as they are written inside a double-quoted YAML scalar.
const std::vector<std::string> kPlain = {
    "取組", "オンライン申請", "令和5年度", "約49,250時間", "ABC", "データ連携基盤", "**重点**",
    "行かない窓口", "（R3～R5）", "①", "全角　空白", "100%", "a & b", "<tag>", "]]>", "\\\"引用\\\"",
    "'", "\\\\", "\\\\*", ": ", "#", "&amp;", "㈱", "〜", "－", "ｶﾅ", "é", "Ω",
};
const std::vector<std::string> kHostile = {
    "\\x01", "\\e", "\\a", "\\t", "\\r", "\\0", "\\x7F", "\\x85", "\\n",
    "\\u202E", "\\u2066", "\\u200E", "\\uFFFE", "\\uFFFF", "\\uFDD0",
    "\\U0001F600", "\\uD800", "\\u200B", "\\uFE0F", "\\u00AD", "\\u3000", "\\uFEFF", "\\u2028",
};

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string pad(int indent) { return std::string(static_cast<std::size_t>(indent), ' '); }

}  // namespace

std::size_t PlanGenerator::pick(std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
}

bool PlanGenerator::chance(int percent) { return static_cast<int>(pick(100)) < percent; }

bool PlanGenerator::trouble() { return static_cast<int>(pick(1000)) < trouble_per_mille_; }

std::string PlanGenerator::text(bool hostile_allowed) {
  std::string out = "\"";
  std::size_t pieces = 1 + pick(3);
  for (std::size_t i = 0; i < pieces; ++i) {
    if (hostile_allowed && trouble()) {
      out += kHostile[pick(kHostile.size())];
    } else {
      out += kPlain[pick(kPlain.size())];
    }
  }
  if (hostile_allowed && trouble() && chance(20)) {
    // Past Excel's cell, or just long (a page header, a bookmark, a row of the index).
    out += chance(30) ? repeat("長い", 17000) : repeat("長い題名", 40 + pick(100));
  }
  return out + "\"";
}

std::string PlanGenerator::sheet_name() {
  static const std::vector<std::string> kNames = {
      "結果詳細", "History", "hiSTORY", "一覧", "Ｄｘ", "ｄＸ", "a/b", "'先頭", "末尾'",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcde", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", "結果\\a", "結果\\uFFFF",
      "結果\\u202E", "データ", "データ", "É", "é"};
  if (chance(30)) return "";
  if (!trouble()) return "\"結果" + std::to_string(++sheets_) + "\"";
  return "\"" + kNames[pick(kNames.size())] + "\"";
}

std::string PlanGenerator::number() {
  std::string digits;
  std::size_t n = 1 + pick(trouble() ? 20 : 6);
  for (std::size_t i = 0; i < n; ++i) digits += static_cast<char>('0' + (i == 0 && n > 1 ? 1 + pick(9) : pick(10)));
  if (chance(30)) {
    digits += ".";
    std::size_t d = 1 + pick(trouble() ? 16 : 3);
    for (std::size_t i = 0; i < d; ++i) digits += static_cast<char>('0' + pick(10));
  }
  if (chance(25)) digits = "-" + digits;
  if (trouble() && chance(20)) digits = "1e5";
  return digits;
}

std::string PlanGenerator::quantity() {
  std::string q = "{number: " + number();
  if (chance(40)) q += ", prefix: " + (trouble() ? "\"" + repeat("約", 130) + "\"" : text());
  std::string unit;
  switch (pick(6)) {
    case 0: unit = "\"%\""; break;
    case 1: unit = "件"; break;
    case 2: unit = "\"回/月\""; break;
    case 3: unit = "\"\\\"件\\\"\""; break;
    case 4: unit = "\"" + repeat("単位", trouble() ? 70 : 2) + "\""; break;
    default: unit = text(); break;
  }
  return q + ", unit: " + unit + "}";
}

std::string PlanGenerator::cell() { return chance(50) ? quantity() : text(); }

std::string PlanGenerator::items(int indent, int depth) {
  std::string out;
  std::size_t n = 1 + pick(2);
  for (std::size_t i = 0; i < n; ++i) {
    if (depth < 1 && chance(40)) {
      out += pad(indent) + "- text: " + text() + "\n";
      if (chance(50)) out += pad(indent) + "  marker: " + (chance(50) ? std::string("\"\"") : text()) + "\n";
      if (chance(40)) out += pad(indent) + "  items:\n" + items(indent + 4, depth + 1);
    } else {
      out += pad(indent) + "- " + text() + "\n";
    }
  }
  return out;
}

std::string PlanGenerator::slide(int indent) {
  std::string p = pad(indent);
  std::string out;
  if (chance(50)) {
    out += p + "- kind: overview\n";
    if (chance(30)) out += p + "  label: " + text() + "\n";
    if (chance(30)) out += p + "  heading: " + text() + "\n";
    out += p + "  blocks:\n";
    out += p + "    - heading: " + text() + "\n";
    if (chance(50)) out += p + "      body: " + text() + "\n";
    if (chance(60)) out += p + "      items:\n" + items(indent + 8, 0);
    return out;
  }
  out += p + "- kind: details\n";
  if (chance(30)) out += p + "  label: " + text() + "\n";
  out += p + "  table:\n";
  out += p + "    columns: {item: " + text() + ", content: 内容, target: 目標, baseline: 前, result: 後, status: 状況}\n";
  out += p + "    groups:\n";
  out += p + "      - item: " + text() + "\n";
  out += p + "        rows:\n";
  std::size_t rows = 1 + pick(2);
  for (std::size_t r = 0; r < rows; ++r) {
    out += p + "          - content: " + cell() + "\n";
    out += p + "            target: " + cell() + "\n";
    out += p + "            baseline: " + cell() + "\n";
    out += p + "            result: " + cell() + "\n";
    out += p + "            status: " + cell() + "\n";
  }
  return out;
}

std::string PlanGenerator::chapter(int indent) {
  std::string p = pad(indent);
  std::string out = p + "- title: " + text() + "\n";
  std::string sheet = sheet_name();
  if (!sheet.empty()) out += p + "  sheet: " + sheet + "\n";
  out += p + "  slides:\n";
  std::size_t n = 1 + pick(2);
  for (std::size_t i = 0; i < n; ++i) out += slide(indent + 4);
  return out;
}

std::string PlanGenerator::plan() {
  // Half the plans are clean (they must build); the others hold a few troubles each.
  static const int kLevels[] = {0, 0, 0, 0, 5, 15, 40};
  trouble_per_mille_ = kLevels[pick(sizeof kLevels / sizeof kLevels[0])];
  sheets_ = 0;
  std::string out = "plandeck: 1\ndocument:\n";
  out += "  title: " + text() + "\n";
  out += "  organisation: " + text() + "\n";
  if (chance(30)) out += "  subject: " + (trouble() && chance(20) ? "\"" + repeat("件", 21846) + "\"" : text()) + "\n";
  if (chance(20)) out += "  date: " + text() + "\n";
  out += "sections:\n";
  std::size_t sections = 1 + pick(2);
  for (std::size_t s = 0; s < sections; ++s) {
    out += "  - title: " + text() + "\n";
    if (chance(30)) out += "    slides:\n" + slide(6);
    out += "    chapters:\n";
    std::size_t chapters = 1 + pick(3);
    for (std::size_t c = 0; c < chapters; ++c) out += chapter(6);
  }
  return out;
}

}  // namespace plandeck::testing
