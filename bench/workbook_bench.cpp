// The workbook writer alone, on plans with one result-detail table of N rows (groups of
// four rows, so the 項目 cells are merged; two figures and a 達成区分 per row). Such tables
// cannot come from a YAML plan at 8,000 rows: the loader refuses more than 100,000 nodes
// (a guard against hostile files). Prints the CPU time per size and per row: a linear
// writer keeps the time per row flat as N doubles.
//
//   workbook_bench [N...]   (default: 2000 4000 8000)
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "render_xlsx/workbook.hpp"
#include "text/font.hpp"

using namespace plandeck;

namespace {

model::RichText text(const std::string& s) {
  model::RichText t;
  t.runs = {model::Run{s, false}};
  return t;
}

model::Cell text_cell(const std::string& s) {
  model::Cell c;
  c.text = text(s);
  return c;
}

model::Cell quantity(int value, const std::string& prefix, const std::string& unit) {
  model::Quantity q;
  q.set_number(std::to_string(value));
  q.prefix = prefix;
  q.unit = unit;
  model::Cell c = text_cell(q.format());
  c.quantity = q;
  return c;
}

model::Plan table_plan(int rows) {
  const char* statuses[] = {"達成", "概ね達成\n（一部を除く）", "進捗中", "新規対策", "達成\n（+3市町）"};
  model::DetailTable t;
  t.columns.item = text("項目");
  t.columns.content = text("内容");
  t.columns.target = text("目標");
  t.columns.baseline = text("令和2年度（プラン前）の状況");
  t.columns.result = text("令和5年度末の状況");
  t.columns.status = text("目標達成状況");
  for (int r = 0; r < rows; ++r) {
    if (r % 4 == 0) {
      model::TableGroup g;
      g.item = text("項目その" + std::to_string(r / 4 + 1));
      t.groups.push_back(std::move(g));
    }
    model::TableRow row;
    row.content = text_cell("指標" + std::to_string(r + 1) + "の件数（オンライン申請等）");
    row.target = text_cell(r % 3 ? "-" : "【目標】\n" + std::to_string(r + 10) + "件");
    row.baseline = quantity(1000 + 7 * r, "", "件");
    row.result = quantity(2000 + 13 * r, "約", "件");
    row.status = text_cell(statuses[r % 5]);
    t.groups.back().rows.push_back(std::move(row));
  }
  model::DetailsSlide details;
  details.table = std::move(t);
  model::Slide slide;
  slide.label = text("結果詳細");
  slide.body = std::move(details);
  model::Chapter chapter;
  chapter.title = text("大きな表");
  chapter.sheet = "大きな表";
  chapter.slides.push_back(std::move(slide));
  model::Section section;
  section.title = text("取組結果");
  section.chapters.push_back(std::move(chapter));
  model::Plan plan;
  plan.path = "bench.yaml";
  plan.document.title = text("大きな表のベンチマーク");
  plan.document.organisation = text("ベンチマーク");
  plan.sections.push_back(std::move(section));
  return plan;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoi(argv[i]));
  if (sizes.empty()) sizes = {2000, 4000, 8000};

  render_xlsx::WorkbookOptions options;
  options.source_date_epoch = 1700000000;
  auto dirs = text::font_search_dirs(std::string(PLANDECK_SOURCE_DIR) + "/fonts");
  if (auto f = text::find_font("BIZUDPGothic-Regular.ttf", dirs)) options.regular_font_files = {*f};
  if (auto f = text::find_font("BIZUDPGothic-Bold.ttf", dirs)) options.strong_font_files = {*f};
  const std::string path = (std::filesystem::temp_directory_path() / "plandeck_workbook_bench.xlsx").string();

  for (int rows : sizes) {
    const model::Plan plan = table_plan(rows);
    const std::clock_t cpu0 = std::clock();
    const auto wall0 = std::chrono::steady_clock::now();
    render_xlsx::write_workbook(plan, path, options);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    std::printf("workbook writer, %5d-row table      cpu %7.3f s   wall %7.3f s   %6.1f us cpu per row   %8ju bytes\n",
                rows, cpu, wall, cpu / rows * 1e6,
                static_cast<std::uintmax_t>(std::filesystem::file_size(path)));
  }
  std::filesystem::remove(path);
  return 0;
}
