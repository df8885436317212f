#include "helpers.hpp"

#include <memory>
#include <sstream>
#include <stdexcept>

namespace plandeck::testing {

const compose::FontSet& default_fonts() {
  static std::unique_ptr<compose::FontSet> fonts = [] {
    std::string err;
    auto f = compose::FontSet::load(spec::Fonts{}, text::font_search_dirs(PLANDECK_SOURCE_DIR "/fonts"), &err);
    if (!f) throw std::runtime_error(err);
    return std::make_unique<compose::FontSet>(std::move(*f));
  }();
  return *fonts;
}

model::RichText rt(const std::string& text, int line, bool strong) {
  model::RichText t;
  t.runs.push_back({text, strong});
  t.loc = diag::SourceLoc{"mem.yaml", line, 1};
  return t;
}

model::Item item(const std::string& text, int line) {
  model::Item i;
  i.text = rt(text, line);
  i.loc = i.text.loc;
  return i;
}

model::DetailTable detail_table(const std::string& caption, std::vector<model::TableGroup> groups) {
  model::DetailTable t;
  t.caption = rt(caption, 30);
  t.columns.item = rt("項目", 31);
  t.columns.content = rt("内容", 31);
  t.columns.target = rt("目標", 31);
  t.columns.baseline = rt("令和2年度（プラン前）の状況", 31);
  t.columns.result = rt("令和5年度末の状況", 31);
  t.columns.status = rt("目標達成状況", 31);
  t.groups = std::move(groups);
  return t;
}

model::Slide details_slide(model::DetailTable t, const std::string& id) {
  model::Slide s;
  s.id = id;
  s.label = rt("結果詳細", 29);
  s.body = model::DetailsSlide{std::move(t)};
  return s;
}

model::Plan one_chapter(std::vector<model::Slide> slides) {
  model::Plan plan;
  plan.path = "mem.yaml";
  plan.document.title = rt("テスト用の資料", 2);
  plan.document.organisation = rt("総務局", 3);
  plan.document.toc_title = rt("目次", 4);
  model::Section s;
  s.title = rt("取組結果", 5);
  s.title_slide = true;
  model::Chapter ch;
  ch.id = "p1";
  ch.title = rt("【プロジェクト1】いつでもどこでも簡単手続", 6);
  ch.toc_note = rt("取組結果", 7);
  ch.slides = std::move(slides);
  s.chapters.push_back(std::move(ch));
  plan.sections.push_back(std::move(s));
  return plan;
}

std::vector<compose::TextRun> runs(const compose::Page& page) {
  std::vector<compose::TextRun> out;
  for (const auto& s : page.shapes) {
    if (const auto* t = std::get_if<compose::TextRun>(&s)) out.push_back(*t);
  }
  return out;
}

std::string page_text(const compose::Page& page) {
  std::string s;
  for (const auto& r : runs(page)) s += r.text;
  return s;
}

std::string title_text(const compose::Page& page, double bar_bottom) {
  std::string s;
  for (const auto& r : runs(page)) {
    if (r.y < bar_bottom) s += r.text;
  }
  return s;
}

namespace {

struct Box {
  double x0, y0, x1, y1;
};

Box box_of(const compose::TextRun& r) {
  // The em box: 0.88 em above the baseline, 0.12 em below (BIZ UDPGothic's design).
  return {r.x, r.y - 0.88 * r.size, r.x + r.width, r.y + 0.12 * r.size};
}

bool overlap(const Box& a, const Box& b, double eps = 0.01) {
  return a.x0 < b.x1 - eps && b.x0 < a.x1 - eps && a.y0 < b.y1 - eps && b.y0 < a.y1 - eps;
}

bool inside(const Box& a, const Box& b, double eps = 0.01) {  // a inside b
  return a.x0 >= b.x0 - eps && a.x1 <= b.x1 + eps && a.y0 >= b.y0 - eps && a.y1 <= b.y1 + eps;
}

}  // namespace

std::vector<std::string> geometry_problems(const compose::Deck& deck, std::size_t p) {
  std::vector<std::string> out;
  const compose::Page& page = deck.pages[p];
  std::vector<compose::TextRun> rs = runs(page);
  const Box paper{0, 0, deck.width, deck.height};
  auto name = [&](const compose::TextRun& r) {
    std::ostringstream s;
    s << "page " << p << " \"" << r.text << "\" at (" << r.x << ", " << r.y << ")";
    return s.str();
  };
  for (std::size_t i = 0; i < rs.size(); ++i) {
    Box a = box_of(rs[i]);
    if (!inside(a, paper)) out.push_back(name(rs[i]) + " is outside the page");
    for (std::size_t j = i + 1; j < rs.size(); ++j) {
      if (overlap(a, box_of(rs[j]))) out.push_back(name(rs[i]) + " overlaps " + name(rs[j]));
    }
    for (const auto& s : page.shapes) {
      const auto* rect = std::get_if<compose::Rect>(&s);
      if (!rect) continue;
      Box b{rect->x, rect->y, rect->x + rect->w, rect->y + rect->h};
      if (overlap(a, b) && !inside(a, b)) {
        std::ostringstream m;
        m << name(rs[i]) << " crosses the edge of the box (" << rect->x << ", " << rect->y << ", "
          << rect->w << " x " << rect->h << ")";
        out.push_back(m.str());
      }
    }
  }
  return out;
}

}  // namespace plandeck::testing
