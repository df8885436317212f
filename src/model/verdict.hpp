// 達成区分: the closed set of outcomes a result-detail row can have, so that the workbook
// can filter and count rows whose status texts differ (「達成\n（+15市町）」, 「達成（0件）」).
// A row's verdict is given explicitly (`verdict:` in the plan) or derived from the start of
// its status text; the printed status text never changes.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace plandeck::model {

struct TableRow;

enum class Verdict {
  Achieved,        // 達成
  MostlyAchieved,  // 概ね達成
  InProgress,      // 進捗中
  NotAchieved,     // 未達成
};

// Every verdict in the order the workbook lists them.
inline constexpr std::array<Verdict, 4> kVerdicts = {Verdict::Achieved, Verdict::MostlyAchieved,
                                                     Verdict::InProgress, Verdict::NotAchieved};

// The word as printed: 達成, 概ね達成, 進捗中, 未達成.
std::string_view verdict_word(Verdict v);

// The verdict whose word is exactly `word` (the plan's `verdict:` value); nullopt otherwise.
std::optional<Verdict> verdict_from_word(std::string_view word);

// The verdict a status text states by its first word, after leading spaces and line
// breaks: the longest word that matches wins (概ね達成 and 未達成 before 達成), and it must
// end the text or be followed by a space, a line break, an opening bracket or a
// punctuation mark, so that 「達成率80%」 states none. nullopt when the text starts otherwise.
std::optional<Verdict> verdict_from_status(std::string_view status);

// The row's verdict: the explicit one when given, else the one its status text states
// (a status that is a quantity states none).
std::optional<Verdict> row_verdict(const TableRow& row);

}  // namespace plandeck::model
