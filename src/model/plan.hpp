// The validated plan: plain data that the deck and the workbook are made from.
// Built by input/ from YAML (or by hand in tests). Every element keeps the location it came
// from, so later stages (text fitting, glyph coverage) can name the place in the plan file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/verdict.hpp"

namespace plandeck::model {

using diag::SourceLoc;

// A piece of text with one style. `strong` is the plan's **emphasis**.
struct Run {
  std::string text;
  bool strong = false;
};

// Text as the author wrote it, split into styled runs. '\n' inside a run is a hard line
// break. `loc` is where the YAML scalar starts.
struct RichText {
  std::vector<Run> runs;
  SourceLoc loc;

  std::string plain() const;  // all runs concatenated, markup removed
  bool empty() const;         // no visible characters
};

// One quantity: 113,600件, 約27,000回/月, ▲96%, 約4.3倍.
// The number is kept as the digits the author wrote (never through a double), so that it is
// printed exactly as written: `integer` and `fraction` are the digits before and after the
// point ("4.30" -> "4" and "30": two decimals shown), `negative` a decrease (shown with ▲;
// never set for zero). `prefix` holds qualifiers printed before the number (約); `unit` is
// printed after it (件, 回/月, %, 倍).
struct Quantity {
  bool negative = false;
  std::string integer = "0";  // no leading zeros except a lone "0"
  std::string fraction;       // as written, trailing zeros kept
  std::string prefix;
  std::string unit;
  // A scale written between the digits and the unit: 万 (10^4), 億 (10^8), 千 (10^3) or
  // 兆 (10^12); {number: 41.6, scale: 万, unit: 人} prints 41.6万人 and means 416,000人.
  std::string scale;
  // The sign as the plan writes it: "" (▲ for a decrease, nothing for an increase), "▲" or
  // "△" for a decrease, "＋" or "+" for an increase. Always agrees with `negative`.
  std::string sign;
  SourceLoc loc;

  // Takes the digits of a plain decimal -?(0|[1-9][0-9]*)(.[0-9]+)? ; false (and nothing
  // changed) when `literal` is not one.
  bool set_number(std::string_view literal);

  int decimals() const { return static_cast<int>(fraction.size()); }
  // Digits written from the first non-zero one: "113600" has 6, "4.30" has 3 (the zero is
  // printed), "0.05" has 1. A double (and so Excel) holds every number of at most 15 such
  // digits closely enough to show them again (DBL_DIG).
  std::size_t significant_digits() const;
  // The number written, divided by 10^shift (2 for a percentage shown by Excel's % format;
  // a negative shift multiplies), as the nearest double: computed from the digits, so it is
  // exact within 15 digits.
  double value(int shift = 0) const;
  // "-4.30": the number as written.
  std::string literal() const;
  // The power of ten of `scale`: 4 for 万, 0 when there is none.
  int scale_exponent() const;
  // What the quantity means, the scale applied: 416000 for 41.6万 (exact within 15 digits).
  double amount() const { return value(-scale_exponent()); }
  // The sign printed before the digits: ▲ / △ for a decrease, ＋ / + when written, else "".
  std::string shown_sign() const;

  // The printed form: prefix + sign + digits with thousands separators + scale + unit.
  std::string format() const;
};

// Excel keeps 15 significant digits; a quantity with more cannot be shown as written.
inline constexpr std::size_t kMaxQuantityDigits = 15;

// A table cell: either text or a single quantity.
struct Cell {
  RichText text;                     // for a quantity: its printed form (one run)
  std::optional<Quantity> quantity;  // set when the cell is one number with a unit
  SourceLoc loc;
};

// A bulleted item, possibly with sub-items. `marker` overrides the layout's marker for this
// depth when set (an empty string means "no marker").
struct Item {
  RichText text;
  std::optional<std::string> marker;
  std::vector<Item> items;
  bool new_page = false;  // a 取組結果 result: continue the slide on a new page before it
  SourceLoc loc;
};

// ---- slide kinds -------------------------------------------------------------------------

// A heading with optional body text and bullet items (the overview's 計画期間, 目指す姿, 到達目標).
struct Block {
  RichText heading;
  RichText body;
  std::vector<Item> items;
  bool new_page = false;  // continue the slide on a new page before this block
  SourceLoc loc;
};

// 概要: the plan at a glance.
struct OverviewSlide {
  std::vector<Block> blocks;
};

// 取組内容: projects with their main items, in one or more groups (プロジェクト / 下支えプロジェクト).
struct ProjectRow {
  std::string number;  // as printed in the row, e.g. "1"
  RichText name;
  RichText tagline;  // optional lead line above the items
  std::vector<Item> items;
  SourceLoc loc;
};
struct ProjectGroup {
  RichText name_header;   // プロジェクト名
  RichText items_header;  // 主な具体項目
  std::vector<ProjectRow> rows;
  SourceLoc loc;
};
struct ProjectsSlide {
  RichText lead;
  std::vector<ProjectGroup> groups;
};

// 到達目標の達成状況: per goal, its statement, results and remaining challenges.
struct Goal {
  RichText label;  // 【到達目標1】
  RichText statement;
  std::vector<Item> results;
  std::vector<Item> challenges;
  bool new_page = false;  // continue the slide on a new page before this goal
  SourceLoc loc;
};
struct GoalStatusSlide {
  RichText lead;
  RichText results_label;     // 実績
  RichText challenges_label;  // 今後の課題
  std::vector<Goal> goals;
  RichText note;  // ※詳細は…
};

// 結果詳細: the result-detail table. Column headers come from the plan, so next year's
// baseline/result years need no code change.
struct TableColumns {
  RichText item;      // 項目
  RichText content;   // 内容
  RichText target;    // 目標
  RichText baseline;  // 令和2年度（プラン前）の状況
  RichText result;    // 令和5年度末の状況
  RichText status;    // 目標達成状況・増加の状況等
};
struct TableRow {
  Cell content, target, baseline, result, status;
  // 達成区分 given in the plan (`verdict:`); when unset, row_verdict() derives it from the
  // status text (model/verdict.hpp).
  std::optional<Verdict> verdict;
  SourceLoc loc;
};
// A 項目 with its rows; the 項目 cell spans them (and is repeated on a continuation slide).
struct TableGroup {
  RichText item;
  bool new_page = false;  // start a new slide before this group (mirrors the original deck)
  std::vector<TableRow> rows;
  SourceLoc loc;
};
struct DetailTable {
  RichText caption;  // optional, e.g. 簡単手続に関する実績
  TableColumns columns;
  std::vector<TableGroup> groups;
  SourceLoc loc;
};
struct DetailsSlide {
  DetailTable table;
};

// 取組結果: one project's results.
struct Panel {
  RichText title;
  std::vector<Item> items;
  RichText effects_label;  // 【効果】
  std::vector<Item> effects;
  bool new_page = false;  // start a new row of panels on a new page with this panel
  SourceLoc loc;
};
struct ResultsSlide {
  RichText direction_label;  // 取組の方向性
  RichText direction;
  RichText summary;        // the ➤ line under the direction
  RichText results_label;  // 取組結果（R3～R5）
  std::vector<Item> results;
  std::vector<Panel> panels;
  std::optional<DetailTable> table;  // a short table shown on the same slide (Ⅱ-5)
};

using SlideBody =
    std::variant<OverviewSlide, ProjectsSlide, GoalStatusSlide, ResultsSlide, DetailsSlide>;

struct Slide {
  std::string id;   // optional, unique when given
  RichText label;   // title-bar suffix: 取組結果 → "…（取組結果）"
  RichText heading; // heading inside the slide, e.g. 到達目標の達成状況(概要)
  SlideBody body;
  SourceLoc loc;
  SourceLoc id_loc;  // where `id` is written (unknown when absent)
};

// Ⅱ-1 【プロジェクト1】いつでもどこでも簡単手続: numbered from its position in the section.
struct Chapter {
  std::string id;
  RichText title;
  RichText toc_title;  // the 目次's wording when it differs from the title bars' (optional)
  RichText toc_note;   // shown after the title in the 目次: "：取組結果、結果詳細"
  std::string sheet;  // workbook sheet name for its tables (optional; derived when empty)
  std::vector<Slide> slides;
  SourceLoc loc;
  SourceLoc id_loc;     // where `id` is written (unknown when absent)
  SourceLoc sheet_loc;  // where `sheet` is written (unknown when absent)
};

// Ⅰ, Ⅱ: numbered from position.
struct Section {
  std::string id;
  RichText title;
  bool title_slide = true;    // draw a section divider slide
  std::vector<Slide> slides;  // slides before the first chapter (e.g. Ⅱ's goal status)
  std::vector<Chapter> chapters;
  SourceLoc loc;
  SourceLoc id_loc;  // where `id` is written (unknown when absent)
};

struct Document {
  RichText title;
  RichText organisation;  // author in PDF and workbook properties
  RichText subject;
  RichText date;       // optional, printed on the cover
  RichText toc_title;  // 目次
  SourceLoc loc;
};

struct Plan {
  std::string path;  // the plan file, as given on the command line
  Document document;
  std::vector<Section> sections;
};

// Section and chapter numbers are positions, never typed: Ⅰ, Ⅱ … and 1, 2 …
std::string section_number(std::size_t index);  // 0 -> "Ⅰ"
std::string chapter_number(std::size_t section_index, std::size_t chapter_index);  // "Ⅱ-1"

// Every piece of text of the plan in reading order, with its location. Used for glyph
// coverage checks and by the test that compares the plan with the seed deck.
std::vector<const RichText*> all_texts(const Plan& plan);

}  // namespace plandeck::model
