// The differences between two plans, for a terminal (Japanese by default) or as JSON.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "diff/diff.hpp"

namespace plandeck::diff {

// Where an element is, as a reader names it: "Ⅱ-1 結果詳細 › 行「オンライン申請件数」 › 目標".
std::string describe(const Path& path, diag::Lang lang);

// One block per change:
//   変更: Ⅱ-1 結果詳細 › 表「簡単手続に関する実績」 › 行「オンライン申請件数」 › 令和2年度（プラン前）の状況
//     113,600件 → 113,700件
//     （旧 old.yaml:234:33 → 新 new.yaml:234:33）
std::string format_text(const std::vector<Change>& changes, const std::string& old_path,
                        const std::string& new_path, diag::Lang lang);

// {"old": …, "new": …, "same": bool, "changes": [{"change": "changed", "path": [...], …}]}
std::string format_json(const std::vector<Change>& changes, const std::string& old_path,
                        const std::string& new_path, diag::Lang lang);

}  // namespace plandeck::diff
