// `check --summary`: how many result-detail rows have each 達成区分 (model/verdict.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "diag/diagnostics.hpp"
#include "model/plan.hpp"

namespace plandeck::figures {

struct VerdictCounts {
  std::array<std::size_t, 4> by_verdict{};  // in model::kVerdicts order: 達成, 概ね達成, 進捗中, 未達成
  std::size_t without = 0;                  // rows whose status states none (新規対策, "-", a quantity)
  std::size_t rows() const;
};

// Every row of every table of the plan (結果詳細 and the short tables of 取組結果 slides).
VerdictCounts count_verdicts(const model::Plan& plan);

// The counts, one line per 区分, aligned:
//   達成区分（全 21 行）
//     達成      11
//     …
//     区分なし   9
std::string format_summary(const VerdictCounts& counts, diag::Lang lang);

}  // namespace plandeck::figures
