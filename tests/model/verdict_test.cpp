// model: 達成区分 (verdict) derived from a status text, or given explicitly.
#include <catch2/catch.hpp>

#include "model/plan.hpp"
#include "model/verdict.hpp"

using namespace plandeck::model;

namespace {

std::string word(std::optional<Verdict> v) { return v ? std::string(verdict_word(*v)) : "(none)"; }

TableRow row_with_status(const std::string& status) {
  TableRow r;
  r.status.text.runs = {Run{status, false}};
  return r;
}

}  // namespace

TEST_CASE("the four words round-trip", "[verdict]") {
  for (Verdict v : kVerdicts) CHECK(verdict_from_word(verdict_word(v)) == v);
  CHECK(verdict_word(Verdict::Achieved) == "達成");
  CHECK(verdict_word(Verdict::MostlyAchieved) == "概ね達成");
  CHECK(verdict_word(Verdict::InProgress) == "進捗中");
  CHECK(verdict_word(Verdict::NotAchieved) == "未達成");
  CHECK_FALSE(verdict_from_word("達成済").has_value());
  CHECK_FALSE(verdict_from_word("").has_value());
}

TEST_CASE("a status text states a verdict by its first word", "[verdict]") {
  // The default plan's wordings.
  CHECK(word(verdict_from_status("達成")) == "達成");
  CHECK(word(verdict_from_status("達成\n（+15市町）")) == "達成");
  CHECK(word(verdict_from_status("達成\n(改善対策を随時実施)")) == "達成");
  CHECK(word(verdict_from_status("達成（0件）")) == "達成");
  CHECK(word(verdict_from_status("概ね達成\n（R3実績を除く）")) == "概ね達成");
  CHECK(word(verdict_from_status("新規対策")) == "(none)");
  CHECK(word(verdict_from_status("県対応完了\n4手続は国のシステムを活用")) == "(none)");
  CHECK(word(verdict_from_status("-")) == "(none)");
  CHECK(word(verdict_from_status("")) == "(none)");
  // The others, longest first, separated from what follows.
  CHECK(word(verdict_from_status("未達成（R6に継続）")) == "未達成");
  CHECK(word(verdict_from_status("進捗中 80%")) == "進捗中");
  CHECK(word(verdict_from_status("　達成、前倒し")) == "達成");
  CHECK(word(verdict_from_status("概ね達成")) == "概ね達成");
  // A longer word that merely starts with a verdict states none.
  CHECK(word(verdict_from_status("達成率80%")) == "(none)");
  CHECK(word(verdict_from_status("未達成分あり")) == "(none)");
  // Only the start counts.
  CHECK(word(verdict_from_status("一部達成")) == "(none)");
}

TEST_CASE("a row's verdict: explicit first, then its status text", "[verdict]") {
  TableRow r = row_with_status("達成\n（全市町）");
  CHECK(row_verdict(r) == Verdict::Achieved);
  r.verdict = Verdict::MostlyAchieved;
  CHECK(row_verdict(r) == Verdict::MostlyAchieved);
  CHECK(r.status.text.plain() == "達成\n（全市町）");  // the printed text is untouched

  TableRow q = row_with_status("達成");
  q.status.quantity = Quantity{};  // a figure states no verdict, whatever its text
  CHECK_FALSE(row_verdict(q).has_value());
  q.verdict = Verdict::InProgress;
  CHECK(row_verdict(q) == Verdict::InProgress);
}
