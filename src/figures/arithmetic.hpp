// Figures that check themselves: where a table row's baseline and result are amounts of the
// same unit, the ratio (約4.3倍), change (▲96%) or difference (＋15市町) stated in the row is
// recomputed from them, and a statement that does not round to what is written is reported.
//
// Tolerances, so that a correct plan never raises an alarm:
//  - a statement without 約 must equal the computed value rounded to the decimals written
//    (4.3倍 for 4.32); with 約 it may be off by up to one step of its last digit
//    (約4.3倍 for 4.36), since 約 also covers truncation;
//  - an amount with 約 is as precise as its last significant digit (約1,552万枚 is
//    15,515,000…15,525,000; 約27,000 is 26,500…27,500), and every value in that range counts;
//  - on a row of percentages (79% → 85%), a change in % may mean points or a relative change;
//  - a statement may compare the result with the target instead (目標 14施設, 結果 16施設,
//    「+2施設」), when the target is an amount of the same unit.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "figures/scan.hpp"
#include "model/plan.hpp"

namespace plandeck::figures {

struct Mismatch {
  Figure baseline;
  Figure result;
  Figure statement;                     // what the row says: 約5.3倍
  const model::Cell* cell = nullptr;    // the cell that says it
  double computed = 0;                  // in the statement's terms: 4.321 (倍), -95.6 (%), 15 (市町)
  std::string computed_text;            // as it would be written: 約4.3倍, ▲96%, ＋15市町
  std::string working;                  // how: 350 ÷ 81 = 4.321

  diag::Message message() const;  // 「81手続→350手続は約4.3倍です（記載: 約5.3倍）」
  diag::Message hint() const;     // 「計算: 350 ÷ 81 = 4.321」
};

// The statements of one row that its baseline and result contradict. Empty when the row
// has no baseline and result of the same unit, or when every statement agrees.
std::vector<Mismatch> check_row(const model::TableRow& row);

// Every table of the plan; one located warning per mismatch. With `sources`, the warning
// points at the statement itself inside its cell (else at the cell).
void check_arithmetic(const model::Plan& plan, diag::Diagnostics& diags,
                      const diag::SourceMap* sources = nullptr);

// Where `needle` is written, searching from `start` over at most `lines` further lines of
// the file; `start` when the file is unknown or the needle is not found.
diag::SourceLoc locate(const diag::SourceLoc& start, std::string_view needle, int lines,
                       const diag::SourceMap* sources);

}  // namespace plandeck::figures
