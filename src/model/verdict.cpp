#include "model/verdict.hpp"

#include <string>

#include "model/plan.hpp"

namespace plandeck::model {

namespace {

// What may follow the verdict word for the status to state it: nothing, or a separator.
// Written as UTF-8 prefixes of the rest of the text.
constexpr std::string_view kSeparators[] = {
    " ", "\n", "\t", "\u3000",        // spaces, the ideographic space
    "(", "\uFF08", "[", "\uFF3B",     // ( （ [ ［
    "\u3010", "\u300C", "\u3014",     // 【 「 〔
    "\u3001", "\u3002", "\uFF0C",     // 、 。 ，
    "\uFF1A", ":", "\uFF0F", "/",     // ： : ／ /
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view trim_leading_space(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (starts_with(s, "\u3000")) {
      s.remove_prefix(std::string_view("\u3000").size());
    } else {
      return s;
    }
  }
}

}  // namespace

std::string_view verdict_word(Verdict v) {
  switch (v) {
    case Verdict::Achieved:
      return "達成";
    case Verdict::MostlyAchieved:
      return "概ね達成";
    case Verdict::InProgress:
      return "進捗中";
    case Verdict::NotAchieved:
      return "未達成";
  }
  return "";
}

std::optional<Verdict> verdict_from_word(std::string_view word) {
  for (Verdict v : kVerdicts) {
    if (verdict_word(v) == word) return v;
  }
  return std::nullopt;
}

std::optional<Verdict> verdict_from_status(std::string_view status) {
  status = trim_leading_space(status);
  std::optional<Verdict> best;
  std::size_t best_size = 0;
  for (Verdict v : kVerdicts) {
    std::string_view word = verdict_word(v);
    if (word.size() <= best_size || !starts_with(status, word)) continue;
    std::string_view rest = status.substr(word.size());
    bool separated = rest.empty();
    for (std::string_view sep : kSeparators) separated = separated || starts_with(rest, sep);
    if (!separated) continue;
    best = v;
    best_size = word.size();
  }
  return best;
}

std::optional<Verdict> row_verdict(const TableRow& row) {
  if (row.verdict) return row.verdict;
  if (row.status.quantity) return std::nullopt;
  return verdict_from_status(row.status.text.plain());
}

}  // namespace plandeck::model
