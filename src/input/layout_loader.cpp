#include "input/layout_loader.hpp"

#include <cmath>
#include <initializer_list>

#include "input/reader.hpp"
#include "input/yaml_tree.hpp"
#include "model/text_rules.hpp"

namespace plandeck::input {

using diag::Message;

namespace {

std::string fmt(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e9) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  return s;
}

// A numeric key and the range it must lie in.
struct Num {
  std::string_view key;
  double* out;
  double lo;
  double hi;
};

class LayoutReader {
 public:
  LayoutReader(const YamlFile& file, diag::Diagnostics& diags) : r_(file, diags) {}

  spec::Layout layout(const Node& root) {
    spec::Layout L;
    L.loc = diag::SourceLoc{r_.file().path, 1, 1};
    MapReader m(r_, root, "",
                {"plandeck_layout", "name", "fonts", "colors", "text", "sizes", "frame", "cover",
                 "divider", "toc", "overview", "projects", "goal_status", "results", "table"});
    if (const Node* v = m.require("plandeck_layout")) {
      if (auto version = r_.integer(*v, "plandeck_layout"); version && *version != 1) {
        r_.error(v->loc, {"レイアウトの版 " + std::to_string(*version) + " には対応していません（対応しているのは 1）",
                          "layout version " + std::to_string(*version) + " is not supported (this plandeck reads version 1)"},
                 Message{"plandeck_layout: 1 と書いてください", "write plandeck_layout: 1"});
      }
    }
    if (m.get("name")) {
      if (auto name = m.string("name", Need::Required)) L.name = *name;
    }
    if (const Node* n = m.get("fonts")) fonts(*n, L.fonts);
    if (const Node* n = m.get("colors")) colors(*n, L.palette);
    if (const Node* n = m.get("text")) text(*n, L.text);
    if (const Node* n = m.get("sizes")) sizes(*n, L.sizes);
    if (const Node* n = m.get("frame")) frame(*n, L.frame);
    auto& F = L.frame;
    if (const Node* n = m.get("cover")) {
      auto& C = L.cover;
      numbers(*n, "cover", {{"title_top", &C.title_top, 0, F.height}, {"title_height", &C.title_height, 1, F.height},
                            {"title_width", &C.title_width, 1, F.width}, {"band_height", &C.band_height, 0, F.height},
                            {"text_top", &C.text_top, 0, F.height}, {"text_height", &C.text_height, 1, F.height}});
    }
    if (const Node* n = m.get("divider")) {
      auto& D = L.divider;
      numbers(*n, "divider", {{"band_top", &D.band_top, 0, F.height}, {"band_height", &D.band_height, 10, F.height},
                              {"number_width", &D.number_width, 10, F.width}});
    }
    if (const Node* n = m.get("toc")) {
      auto& T = L.toc;
      MapReader t = numbers(*n, "toc", {{"indent", &T.indent, 0, F.width / 2}, {"number_width", &T.number_width, 0, F.width / 2},
                                        {"section_gap_em", &T.section_gap_em, 0, 5}, {"entry_gap_em", &T.entry_gap_em, 0, 5}},
                            {"leader"});
      if (t.get("leader")) {
        if (auto s = t.string("leader", Need::Required)) T.leader = *s;
      }
    }
    if (const Node* n = m.get("overview")) {
      auto& O = L.overview;
      numbers(*n, "overview", {{"band_height_em", &O.band_height_em, 1, 5}, {"body_indent", &O.body_indent, 0, F.width / 2}});
    }
    if (const Node* n = m.get("projects")) {
      auto& P = L.projects;
      numbers(*n, "projects", {{"number_width", &P.number_width, 8, F.width / 2}, {"name_fraction", &P.name_fraction, 0.05, 0.9},
                               {"header_height_em", &P.header_height_em, 1, 5}, {"group_gap", &P.group_gap, 0, 100}});
    }
    if (const Node* n = m.get("goal_status")) {
      auto& G = L.goal_status;
      numbers(*n, "goal_status", {{"label_width", &G.label_width, 20, F.width / 2},
                                  {"results_fraction", &G.results_fraction, 0.1, 0.9},
                                  {"column_band_em", &G.column_band_em, 1, 5}});
    }
    if (const Node* n = m.get("results")) {
      auto& R = L.results;
      MapReader rm = numbers(*n, "results", {{"label_width", &R.label_width, 20, F.width / 2}, {"panel_gap", &R.panel_gap, 0, 100},
                                             {"band_height_em", &R.band_height_em, 1, 5}, {"effects_gap", &R.effects_gap, 0, 100},
                                             {"stretch", &R.stretch, 1, 10}},
                             {"panel_markers"});
      strings(rm, "panel_markers", R.panel_markers, false);
      drawn_markers(rm, "panel_markers");
    }
    if (const Node* n = m.get("table")) table(*n, L.table);
    check_frame(L, m);
    return L;
  }

 private:
  // Reads the numeric keys of a mapping (and allows `extra` keys for the caller).
  MapReader numbers(const Node& node, std::string_view name, std::initializer_list<Num> nums,
                    std::initializer_list<std::string_view> extra = {}) {
    std::vector<std::string_view> keys;
    for (const Num& n : nums) keys.push_back(n.key);
    keys.insert(keys.end(), extra.begin(), extra.end());
    MapReader m(r_, node, name, keys);
    for (const Num& n : nums) read_number(m, n);
    return m;
  }

  void read_number(const MapReader& m, const Num& n) {
    const Node* v = m.get(n.key);
    if (!v) return;
    std::optional<double> d = r_.number(*v, n.key);
    if (!d) return;
    if (*d < n.lo || *d > n.hi) {
      std::string k(n.key);
      r_.error(v->loc, {"\"" + k + "\" は " + fmt(n.lo) + " 以上 " + fmt(n.hi) + " 以下にしてください（" + fmt(*d) + "）",
                        "\"" + k + "\" must be between " + fmt(n.lo) + " and " + fmt(n.hi) + " (it is " + fmt(*d) + ")"});
      return;
    }
    *n.out = *d;
  }

  void strings(const MapReader& m, std::string_view key, std::vector<std::string>& out, bool need_text) {
    const Node* v = m.get(key);
    if (!v) return;
    std::optional<std::vector<const Node*>> items = r_.list(*v, key);
    if (!items) return;
    std::string k(key);
    if (items->empty()) {
      r_.error(v->loc, {"\"" + k + "\" が空です（少なくとも 1 つ必要です）", "\"" + k + "\" is empty (at least one entry is needed)"});
      return;
    }
    std::vector<std::string> got;
    for (const Node* item : *items) {
      auto s = r_.string(*item, k + "[]", need_text ? Need::Required : Need::Optional);
      if (!s) return;
      got.push_back(*s);
    }
    out = got;
  }

  // Markers are drawn like the plan's text and follow its rules (model/text_rules.hpp).
  void drawn_markers(const MapReader& m, std::string_view key) {
    const Node* v = m.get(key);
    if (v == nullptr) return;
    const model::TextUse use{{"記号（" + std::string(key) + "）", "the marker (" + std::string(key) + ")"}, true, 0, 0};
    if (v->is_scalar()) model::check_text(v->value, v->loc, use, r_.diags());
    for (const auto& item : v->items) {
      if (item->is_scalar()) model::check_text(item->value, item->loc, use, r_.diags());
    }
  }

  void fonts(const Node& node, spec::Fonts& f) {
    MapReader m(r_, node, "fonts", {"regular", "strong"});
    strings(m, "regular", f.regular, true);
    strings(m, "strong", f.strong, true);
    // A chain is a font and its fallbacks: a handful. Thousands of entries would only cost
    // searches and memory (each distinct file is loaded, and kept for the whole run).
    constexpr std::size_t kMaxChain = 16;
    for (const char* key : {"regular", "strong"}) {
      const std::vector<std::string>& chain = std::string_view(key) == "regular" ? f.regular : f.strong;
      const Node* v = m.get(key);
      if (v == nullptr || chain.size() <= kMaxChain) continue;
      std::string n = std::to_string(chain.size()), most = std::to_string(kMaxChain);
      r_.error(v->loc, {"\"" + std::string(key) + "\" のフォントが多すぎます（" + n + " 個。" + most + " 個まで）",
                        "too many fonts in \"" + std::string(key) + "\" (" + n + "; at most " + most + ")"},
               diag::Message{"使うフォントと、その字形がないときの代わりのフォントだけを書いてください",
                             "list the font and the fallbacks for characters it lacks, nothing more"});
    }
  }

  void colors(const Node& node, spec::Palette& p) {
    struct C {
      std::string_view key;
      spec::Color* out;
    };
    const C all[] = {{"text", &p.text}, {"muted", &p.muted}, {"title_bar", &p.title_bar}, {"title_text", &p.title_text},
                     {"heading", &p.heading}, {"rule", &p.rule}, {"band", &p.band}, {"band_text", &p.band_text},
                     {"label", &p.label}, {"label_text", &p.label_text}, {"panel_fill", &p.panel_fill},
                     {"border", &p.border}, {"effects_fill", &p.effects_fill}, {"effects_border", &p.effects_border},
                     {"accent", &p.accent}, {"table_header", &p.table_header}, {"table_item", &p.table_item},
                     {"table_border", &p.table_border}, {"cover_band", &p.cover_band},
                     {"divider_band", &p.divider_band}, {"divider_text", &p.divider_text}};
    std::vector<std::string_view> keys;
    for (const C& c : all) keys.push_back(c.key);
    MapReader m(r_, node, "colors", keys);
    for (const C& c : all) {
      const Node* v = m.get(c.key);
      if (!v) continue;
      auto s = r_.string(*v, c.key, Need::Required);
      if (!s) continue;
      if (auto col = parse_color(*s)) {
        *c.out = *col;
      } else {
        std::string k(c.key);
        r_.error(v->loc, {"\"" + k + "\" の色 \"" + *s + "\" が読めません", "\"" + k + "\": cannot read the colour \"" + *s + "\""},
                 Message{"\"#1F3864\" のように # と 16 進 6 桁で書いてください", "write # and six hex digits, e.g. \"#1F3864\""});
      }
    }
  }

  static std::optional<spec::Color> parse_color(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = 1; i < 7; ++i) {
      char ch = s[i];
      unsigned d = 0;
      if (ch >= '0' && ch <= '9') d = static_cast<unsigned>(ch - '0');
      else if (ch >= 'a' && ch <= 'f') d = static_cast<unsigned>(ch - 'a' + 10);
      else if (ch >= 'A' && ch <= 'F') d = static_cast<unsigned>(ch - 'A' + 10);
      else return std::nullopt;
      v = v * 16 + d;
    }
    return spec::rgb(v);
  }

  void text(const Node& node, spec::TextRules& t) {
    MapReader m = numbers(node, "text",
                          {{"line_height", &t.line_height, 1, 3}, {"line_height_max", &t.line_height_max, 1, 3},
                           {"step", &t.step, 0.1, 4},
                           {"paragraph_spacing_em", &t.paragraph_spacing_em, 0, 3},
                           {"marker_gap_em", &t.marker_gap_em, 0, 3}, {"indent_em", &t.indent_em, 0, 5},
                           {"ascent", &t.ascent, 0.5, 1.2}, {"balance_floor", &t.balance_floor, 0.5, 1},
                           {"summary_marker_scale", &t.summary_marker_scale, 0.3, 1}},
                          {"markers", "summary_marker", "balance", "trim_numeral_one"});
    strings(m, "markers", t.markers, false);
    if (auto s = m.string("summary_marker")) t.summary_marker = *s;
    drawn_markers(m, "markers");
    drawn_markers(m, "summary_marker");
    if (auto b = m.boolean("balance")) t.balance = *b;
    if (auto b = m.boolean("trim_numeral_one")) t.trim_numeral_one = *b;
  }

  void size_range(const MapReader& parent, std::string_view key, spec::SizeRange& out) {
    const Node* v = parent.get(key);
    if (!v) return;
    spec::SizeRange r = out;
    MapReader m(r_, *v, key, {"max", "min", "deck_min", "flow_below"});
    if (!m.valid()) return;
    read_number(m, {"max", &r.max, 4, 200});
    read_number(m, {"min", &r.min, 4, 200});
    read_number(m, {"deck_min", &r.deck_min, 0, 200});
    read_number(m, {"flow_below", &r.flow_below, 0, 200});
    // Every bound of the range lies at or below max (a min above max leaves no size at all;
    // a deck_min or flow_below above it would never be reached).
    const std::string k(key);
    for (auto [name, value] : {std::pair<const char*, double>{"min", r.min}, {"deck_min", r.deck_min},
                               {"flow_below", r.flow_below}}) {
      if (value <= r.max) continue;
      const std::string n(name);
      r_.error(v->loc, {"\"" + k + "\" の " + n + " (" + fmt(value) + ") が max (" + fmt(r.max) + ") より大きくなっています",
                        "\"" + k + "\": " + n + " (" + fmt(value) + ") is larger than max (" + fmt(r.max) + ")"},
               Message{n + " ≤ max にしてください", "make " + n + " ≤ max"});
      return;
    }
    out = r;
  }

  void sizes(const Node& node, spec::Sizes& s) {
    MapReader m(r_, node, "sizes",
                {"title", "heading", "body", "table", "cover_title", "cover_text", "divider", "toc", "page_number"});
    size_range(m, "title", s.title);
    size_range(m, "heading", s.heading);
    size_range(m, "body", s.body);
    size_range(m, "table", s.table);
    size_range(m, "cover_title", s.cover_title);
    size_range(m, "cover_text", s.cover_text);
    size_range(m, "divider", s.divider);
    size_range(m, "toc", s.toc);
    read_number(m, {"page_number", &s.page_number, 4, 72});
  }

  void frame(const Node& node, spec::Frame& f) {
    MapReader m = numbers(node, "frame",
                          {{"width", &f.width, 100, 5000}, {"height", &f.height, 100, 5000},
                           {"title_bar_height", &f.title_bar_height, 10, 300},
                           {"title_padding", &f.title_padding, 0, 200}, {"content_gap", &f.content_gap, 0, 200},
                           {"heading_height", &f.heading_height, 10, 200}, {"footer_height", &f.footer_height, 0, 200},
                           {"gap", &f.gap, 0, 100}, {"padding", &f.padding, 0, 100},
                           {"border_width", &f.border_width, 0, 10}},
                          {"margins", "first_page_number"});
    if (const Node* v = m.get("margins")) {
      numbers(*v, "margins", {{"top", &f.margins.top, 0, 1000}, {"right", &f.margins.right, 0, 1000},
                              {"bottom", &f.margins.bottom, 0, 1000}, {"left", &f.margins.left, 0, 1000}});
    }
    if (const Node* v = m.get("first_page_number")) {
      if (auto n = r_.integer(*v, "first_page_number")) {
        if (*n < 0 || *n > 10000) {
          r_.error(v->loc, {"\"first_page_number\" は 0 以上 10000 以下にしてください",
                            "\"first_page_number\" must be between 0 and 10000"});
        } else {
          f.first_page_number = static_cast<int>(*n);
        }
      }
    }
  }

  void table(const Node& node, spec::Table& t) {
    MapReader m = numbers(node, "table",
                          {{"padding", &t.padding, 0, 50}, {"caption_height", &t.caption_height, 0, 200},
                           {"split_below", &t.split_below, 4, 200}, {"grow_below", &t.grow_below, 0, 1}},
                          {"column_weights", "fit_columns", "column_min", "column_max"});
    if (auto b = m.boolean("fit_columns")) t.fit_columns = *b;
    auto six = [&](std::string_view key, std::vector<double>& out, double lo, double hi, bool open_lo) {
      const Node* v = m.get(key);
      if (!v) return true;
      auto items = r_.list(*v, key);
      if (!items) return false;
      std::string k(key);
      if (items->size() != 6) {
        r_.error(v->loc, {"\"" + k + "\" には 6 列（項目, 内容, 目標, 基準, 結果, 状況）の" + (open_lo && hi > 1 ? "重み" : "値") + "が必要です（" +
                              std::to_string(items->size()) + " 個）",
                          "\"" + k + "\" needs 6 " + (open_lo && hi > 1 ? "weights" : "values") + " (item, content, target, baseline, result, status); it has " +
                              std::to_string(items->size())});
        return false;
      }
      std::vector<double> got;
      for (const Node* item : *items) {
        auto d = r_.number(*item, k + "[]");
        if (!d) return false;
        if ((open_lo ? *d <= lo : *d < lo) || *d > hi) {
          if (hi > 1) {
            r_.error(item->loc, {"列の重みは正の数にしてください", "a column weight must be positive"});
          } else {
            r_.error(item->loc, {"\"" + k + "\" の値は " + (open_lo ? fmt(lo) + " より大きく " : fmt(lo) + " 以上 ") +
                                     fmt(hi) + " 以下にしてください（表の幅に対する割合）",
                                 "a value of \"" + k + "\" must be " + (open_lo ? "above " : "at least ") + fmt(lo) +
                                     " and at most " + fmt(hi) + " (a share of the table width)"});
          }
          return false;
        }
        got.push_back(*d);
      }
      out = got;
      return true;
    };
    // Weights are relative (any positive numbers); min and max are shares of the width.
    const bool ok = six("column_weights", t.column_weights, 0, 1e9, true) &
                    six("column_min", t.column_min, 0, 1, false) & six("column_max", t.column_max, 0, 1, true);
    if (!ok) return;
    double lo = 0, hi = 0;
    for (std::size_t i = 0; i < 6; ++i) {
      lo += t.column_min[i];
      hi += t.column_max[i];
      if (t.column_min[i] > t.column_max[i]) {
        const Node* v = m.get("column_min") ? m.get("column_min") : m.get("column_max");
        r_.error(v ? v->loc : m.loc(), {"列 " + std::to_string(i + 1) + " の column_min が column_max より大きくなっています",
                                        "column " + std::to_string(i + 1) + ": column_min is larger than column_max"});
        return;
      }
    }
    if (lo > 1 + 1e-9 || hi < 1 - 1e-9) {
      const Node* v = m.get(lo > 1 + 1e-9 ? "column_min" : "column_max");
      r_.error(v ? v->loc : m.loc(), {"column_min の合計は 1 以下、column_max の合計は 1 以上にしてください",
                                      "column_min must add up to at most 1 and column_max to at least 1"});
    }
  }

  // Cross-field checks: the frame must leave room for content.
  void check_frame(const spec::Layout& L, const MapReader& root) {
    const auto& F = L.frame;
    const Node* at = root.get("frame");
    diag::SourceLoc loc = at ? at->loc : root.loc();
    if (F.margins.left + F.margins.right >= F.width - 100) {
      r_.error(loc, {"左右の余白がページ幅に対して大きすぎます", "the left and right margins leave less than 100 pt of page width"});
    }
    if (F.margins.top + F.title_bar_height + F.content_gap + F.heading_height + F.margins.bottom >= F.height - 100) {
      r_.error(loc, {"余白とタイトル帯がページの高さに対して大きすぎます",
                     "margins, title bar and heading leave less than 100 pt of page height"});
    }
  }

  Reader r_;
};

std::optional<spec::Layout> finish(const YamlFile& file, diag::Diagnostics& diags) {
  if (!file.root) return std::nullopt;
  const std::size_t before = diags.error_count();
  LayoutReader reader(file, diags);
  spec::Layout layout = reader.layout(*file.root);
  if (diags.error_count() > before) return std::nullopt;
  return layout;
}

}  // namespace

std::optional<spec::Layout> load_layout(const std::string& path, diag::SourceMap& sources,
                                        diag::Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  YamlFile file = read_yaml_file(path, sources, diags);
  if (diags.error_count() > before) return std::nullopt;
  return finish(file, diags);
}

std::optional<spec::Layout> load_layout_text(const std::string& path, std::string text,
                                             diag::SourceMap& sources, diag::Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  YamlFile file = parse_yaml(path, std::move(text), sources, diags);
  if (diags.error_count() > before) return std::nullopt;
  return finish(file, diags);
}

}  // namespace plandeck::input
