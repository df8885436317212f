// The layout file: layouts/default.yaml is the built-in default, and bad files give located
// errors like plan files do.
#include <catch2/catch.hpp>

#include <algorithm>

#include "diag/source_map.hpp"
#include "input/layout_loader.hpp"

using namespace plandeck;

namespace {

struct Loaded {
  std::optional<spec::Layout> layout;
  diag::Diagnostics diags;
};

Loaded load(const std::string& text) {
  Loaded l;
  diag::SourceMap sources;
  l.layout = input::load_layout_text("layout.yaml", text, sources, l.diags);
  return l;
}

bool same(const spec::SizeRange& a, const spec::SizeRange& b) {
  return a.max == b.max && a.min == b.min && a.deck_min == b.deck_min && a.flow_below == b.flow_below;
}

}  // namespace

TEST_CASE("layouts/default.yaml is exactly the built-in default layout") {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto l = input::load_layout(PLANDECK_SOURCE_DIR "/layouts/default.yaml", sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(l);
  const spec::Layout d;
  CHECK(l->name == d.name);
  CHECK(l->fonts.regular == d.fonts.regular);
  CHECK(l->fonts.strong == d.fonts.strong);
  const spec::Color* a[] = {&l->palette.text, &l->palette.muted, &l->palette.title_bar, &l->palette.title_text,
                            &l->palette.heading, &l->palette.rule, &l->palette.band, &l->palette.band_text,
                            &l->palette.label, &l->palette.label_text, &l->palette.panel_fill, &l->palette.border,
                            &l->palette.effects_fill, &l->palette.effects_border, &l->palette.accent,
                            &l->palette.table_header, &l->palette.table_item, &l->palette.table_border,
                            &l->palette.cover_band, &l->palette.divider_band, &l->palette.divider_text};
  const spec::Color* b[] = {&d.palette.text, &d.palette.muted, &d.palette.title_bar, &d.palette.title_text,
                            &d.palette.heading, &d.palette.rule, &d.palette.band, &d.palette.band_text,
                            &d.palette.label, &d.palette.label_text, &d.palette.panel_fill, &d.palette.border,
                            &d.palette.effects_fill, &d.palette.effects_border, &d.palette.accent,
                            &d.palette.table_header, &d.palette.table_item, &d.palette.table_border,
                            &d.palette.cover_band, &d.palette.divider_band, &d.palette.divider_text};
  for (std::size_t i = 0; i < std::size(a); ++i) CHECK(*a[i] == *b[i]);
  CHECK(l->text.line_height == d.text.line_height);
  CHECK(l->text.markers == d.text.markers);
  CHECK(l->text.summary_marker == d.text.summary_marker);
  CHECK(same(l->sizes.title, d.sizes.title));
  CHECK(same(l->sizes.body, d.sizes.body));
  CHECK(same(l->sizes.table, d.sizes.table));
  CHECK(same(l->sizes.toc, d.sizes.toc));
  CHECK(l->frame.width == d.frame.width);
  CHECK(l->frame.height == d.frame.height);
  CHECK(l->frame.margins.bottom == d.frame.margins.bottom);
  CHECK(l->frame.first_page_number == d.frame.first_page_number);
  CHECK(l->results.label_width == d.results.label_width);
  CHECK(l->results.panel_markers == d.results.panel_markers);
  CHECK(l->table.column_weights == d.table.column_weights);
  CHECK(l->table.fit_columns == d.table.fit_columns);
  CHECK(l->table.column_min == d.table.column_min);
  CHECK(l->table.column_max == d.table.column_max);
  CHECK(l->text.balance == d.text.balance);
  CHECK(l->text.balance_floor == d.text.balance_floor);
  CHECK(l->table.split_below == d.table.split_below);
  CHECK(l->toc.leader == d.toc.leader);
  CHECK(same(l->sizes.heading, d.sizes.heading));
  CHECK(l->text.line_height_max == d.text.line_height_max);
  CHECK(l->text.summary_marker_scale == d.text.summary_marker_scale);
  CHECK(l->text.trim_numeral_one == d.text.trim_numeral_one);
  CHECK(l->table.padding == d.table.padding);
  CHECK(l->table.grow_below == d.table.grow_below);
  CHECK(l->frame.footer_height == d.frame.footer_height);
}

TEST_CASE("the type scale and print details are read and checked") {
  Loaded ok = load("plandeck_layout: 1\nsizes:\n  body: {max: 14, min: 8, deck_min: 10}\ntext:\n"
                   "  line_height_max: 1.4\n  summary_marker_scale: 1\n  trim_numeral_one: false\n"
                   "table:\n  grow_below: 0\n");
  REQUIRE(ok.layout);
  CHECK(ok.layout->sizes.body.deck_min == 10);
  CHECK(ok.layout->sizes.body.floor() == 10);
  CHECK(ok.layout->text.line_height_max == 1.4);
  CHECK(ok.layout->text.summary_marker_scale == 1);
  CHECK_FALSE(ok.layout->text.trim_numeral_one);
  CHECK(ok.layout->table.grow_below == 0);
  CHECK(spec::SizeRange{12, 8}.floor() == 8);  // no deck_min: the range's min

  Loaded bad = load("plandeck_layout: 1\nsizes:\n  table: {max: 12, min: 7, deck_min: 13}\n");
  CHECK_FALSE(bad.layout);
  REQUIRE(bad.diags.items().size() == 1);
  CHECK(bad.diags.items()[0].loc.line == 3);
  CHECK(bad.diags.items()[0].message.en.find("deck_min (13) is larger than max (12)") != std::string::npos);

  Loaded flow = load("plandeck_layout: 1\nsizes:\n  body: {max: 14, min: 8, flow_below: 9.5}\n");
  REQUIRE(flow.layout);
  CHECK(flow.layout->sizes.body.flow_below == 9.5);
  Loaded high = load("plandeck_layout: 1\nsizes:\n  body: {max: 14, min: 8, flow_below: 15}\n");
  CHECK_FALSE(high.layout);
  REQUIRE(high.diags.items().size() == 1);
  CHECK(high.diags.items()[0].loc.line == 3);
  CHECK(high.diags.items()[0].message.en.find("flow_below (15) is larger than max (14)") != std::string::npos);
}

TEST_CASE("a layout file overrides only what it names") {
  Loaded l = load("plandeck_layout: 1\ncolors:\n  accent: \"#00FF00\"\nsizes:\n  body: {max: 12, min: 9}\n");
  REQUIRE(l.layout);
  CHECK(l.layout->palette.accent == spec::rgb(0x00FF00));
  CHECK(l.layout->sizes.body.max == 12);
  CHECK(l.layout->palette.title_bar == spec::Layout{}.palette.title_bar);
}

TEST_CASE("layout errors are located: unknown key, min > max, bad colour, range, weights") {
  Loaded l = load(
      "plandeck_layout: 1\n"
      "colours: {}\n"                                   // 2: unknown key, did you mean colors
      "sizes:\n"
      "  body: {max: 9, min: 12}\n"                     // 4: min > max
      "colors:\n"
      "  accent: red\n"                                 // 6: bad colour
      "text:\n"
      "  line_height: 7\n"                              // 8: out of range
      "table:\n"
      "  column_weights: [1, 2, 3]\n");                 // 10: six needed
  CHECK_FALSE(l.layout);
  std::vector<diag::Diagnostic> ds = l.diags.items();
  std::stable_sort(ds.begin(), ds.end(), [](const auto& a, const auto& b) { return a.loc.line < b.loc.line; });
  std::vector<int> lines;
  for (const auto& d : ds) lines.push_back(d.loc.line);
  CHECK(lines == std::vector<int>{2, 4, 6, 8, 10});
  REQUIRE(ds.size() == 5);
  REQUIRE(ds[0].hint);
  CHECK(ds[0].hint->en.find("colors") != std::string::npos);
  CHECK(ds[1].message.en.find("min (12) is larger than max (9)") != std::string::npos);
  CHECK(ds[2].message.en.find("cannot read the colour \"red\"") != std::string::npos);
  CHECK(ds[3].message.en.find("between 1 and 3") != std::string::npos);
  CHECK(ds[4].message.en.find("needs 6 weights") != std::string::npos);
}

TEST_CASE("column limits and balancing are read and checked") {
  Loaded ok = load("plandeck_layout: 1\ntext:\n  balance: false\n  balance_floor: 0.9\ntable:\n  fit_columns: false\n"
                   "  column_min: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]\n  column_max: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3]\n");
  REQUIRE(ok.layout);
  CHECK_FALSE(ok.layout->text.balance);
  CHECK(ok.layout->text.balance_floor == 0.9);
  CHECK_FALSE(ok.layout->table.fit_columns);
  CHECK(ok.layout->table.column_min == std::vector<double>(6, 0.1));
  CHECK(ok.layout->table.column_max == std::vector<double>(6, 0.3));

  Loaded bad = load("plandeck_layout: 1\ntable:\n  column_min: [0.18, 0.18, 0.18, 0.18, 0.18, 0.18]\n");  // adds up to 1.08
  CHECK_FALSE(bad.layout);
  REQUIRE(bad.diags.items().size() == 1);
  CHECK(bad.diags.items()[0].loc.line == 3);
  CHECK(bad.diags.items()[0].message.en.find("column_min must add up to at most 1") != std::string::npos);

  Loaded five = load("plandeck_layout: 1\ntable:\n  column_max: [0.3, 0.3, 0.3, 0.3, 1.5, 0.3]\n");
  CHECK_FALSE(five.layout);
  REQUIRE(five.diags.items().size() == 1);
  CHECK(five.diags.items()[0].message.en.find("at most 1 (a share of the table width)") != std::string::npos);
}
