#include "figures/summary.hpp"

#include <algorithm>
#include <variant>

#include "model/verdict.hpp"

namespace plandeck::figures {

namespace {

void count_table(const model::DetailTable& table, VerdictCounts& counts) {
  for (const auto& group : table.groups) {
    for (const auto& row : group.rows) {
      std::optional<model::Verdict> v = model::row_verdict(row);
      if (!v) {
        ++counts.without;
        continue;
      }
      for (std::size_t i = 0; i < model::kVerdicts.size(); ++i) {
        if (model::kVerdicts[i] == *v) ++counts.by_verdict[i];
      }
    }
  }
}

void count_slide(const model::Slide& slide, VerdictCounts& counts) {
  if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) count_table(d->table, counts);
  if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body); r != nullptr && r->table) {
    count_table(*r->table, counts);
  }
}

// Display width in a terminal: the words are all full-width (two cells per character).
std::size_t cells(const std::string& s) {
  std::size_t n = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) n += c >= 0xE0 ? 2 : 1;
  }
  return n;
}

std::string line(const std::string& label, std::size_t count) {
  std::string out = "  " + label;
  out.append(12 - std::min<std::size_t>(cells(label), 10), ' ');
  std::string n = std::to_string(count);
  out.append(n.size() < 3 ? 3 - n.size() : 0, ' ');
  return out + n + "\n";
}

}  // namespace

std::size_t VerdictCounts::rows() const {
  std::size_t n = without;
  for (std::size_t c : by_verdict) n += c;
  return n;
}

VerdictCounts count_verdicts(const model::Plan& plan) {
  VerdictCounts counts;
  for (const auto& section : plan.sections) {
    for (const auto& slide : section.slides) count_slide(slide, counts);
    for (const auto& chapter : section.chapters) {
      for (const auto& slide : chapter.slides) count_slide(slide, counts);
    }
  }
  return counts;
}

std::string format_summary(const VerdictCounts& counts, diag::Lang lang) {
  bool ja = lang == diag::Lang::Ja;
  std::string total = std::to_string(counts.rows());
  std::string out = ja ? "達成区分（全 " + total + " 行）\n" : "達成区分 (verdicts) of " + total + " rows\n";
  for (std::size_t i = 0; i < model::kVerdicts.size(); ++i) {
    out += line(std::string(model::verdict_word(model::kVerdicts[i])), counts.by_verdict[i]);
  }
  out += line(ja ? "区分なし" : "none", counts.without);
  return out;
}

}  // namespace plandeck::figures
