#include "input/plan_loader.hpp"

#include "input/quantity_reader.hpp"
#include "input/reader.hpp"
#include "input/slips.hpp"
#include "input/yaml_tree.hpp"
#include "model/validate.hpp"

namespace plandeck::input {

using diag::Message;

namespace {

// The words `verdict:` accepts (model/verdict.hpp), in the model's order.
std::vector<std::string_view> verdict_words() {
  std::vector<std::string_view> out;
  for (model::Verdict v : model::kVerdicts) out.push_back(model::verdict_word(v));
  return out;
}

const std::vector<std::string_view> kSlideKinds = {"overview", "projects", "goal_status", "results", "details"};
const std::vector<std::string_view> kCommonSlideKeys = {"kind", "id", "label", "heading"};

std::vector<std::string_view> slide_keys(std::string_view kind) {
  std::vector<std::string_view> keys = kCommonSlideKeys;
  auto add = [&](std::initializer_list<std::string_view> more) { keys.insert(keys.end(), more); };
  if (kind == "overview" || kind.empty()) add({"blocks"});
  if (kind == "projects" || kind.empty()) add({"lead", "groups"});
  if (kind == "goal_status" || kind.empty()) add({"lead", "results_label", "challenges_label", "goals", "note"});
  if (kind == "results" || kind.empty()) {
    add({"direction_label", "direction", "summary", "results_label", "results", "panels", "table"});
  }
  if (kind == "details" || kind.empty()) add({"table"});
  return keys;
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

class PlanReader {
 public:
  PlanReader(const YamlFile& file, diag::Diagnostics& diags) : r_(file, diags) {}

  model::Plan plan(const Node& root) {
    model::Plan plan;
    plan.path = r_.file().path;
    MapReader m(r_, root, "", {"plandeck", "document", "sections"});
    if (const Node* v = m.require("plandeck")) {
      if (std::optional<long long> version = r_.integer(*v, "plandeck"); version && *version != 1) {
        std::string n = std::to_string(*version);
        r_.error(v->loc, {"スキーマの版 " + n + " には対応していません（対応しているのは 1）",
                          "schema version " + n + " is not supported (this plandeck reads version 1)"},
                 Message{"plandeck: 1 と書いてください", "write plandeck: 1"});
      }
    }
    if (const Node* d = m.require("document")) plan.document = document(*d);
    for (const Node* s : list(m, "sections", Need::Required)) plan.sections.push_back(section(*s));
    return plan;
  }

 private:
  model::RichText text(const MapReader& m, std::string_view key, Need need = Need::Optional) {
    return m.rich_text(key, need).value_or(model::RichText{});
  }

  // A list under `key`; a required list must have at least one entry.
  std::vector<const Node*> list(const MapReader& m, std::string_view key, Need need = Need::Optional) {
    std::optional<std::vector<const Node*>> items = m.list(key, need);
    if (!items) return {};
    if (need == Need::Required && items->empty()) {
      std::string k(key);
      r_.error(m.get(key)->loc, {"\"" + k + "\" が空です（少なくとも 1 つ必要です）",
                                 "\"" + k + "\" is empty (at least one entry is needed)"});
    }
    return *items;
  }

  std::string id(const MapReader& m, diag::SourceLoc& loc) {
    const Node* n = m.get("id");
    if (n == nullptr) return {};
    std::optional<std::string> s = r_.string(*n, "id", Need::Required);
    if (!s) return {};
    loc = n->loc;
    if (!valid_id(*s)) {
      r_.error(n->loc, {"id \"" + *s + "\" には半角の英数字と - _ . だけが使えます",
                        "id \"" + *s + "\" may only hold ASCII letters, digits and - _ ."},
               Message{"例: p1-results", "e.g. p1-results"});
    }
    return *s;
  }

  model::Document document(const Node& node) {
    model::Document d;
    MapReader m(r_, node, "document", {"title", "organisation", "subject", "date", "toc_title"});
    d.loc = node.loc;
    d.title = text(m, "title", Need::Required);
    d.organisation = text(m, "organisation", Need::Required);
    d.subject = text(m, "subject");
    d.date = text(m, "date");
    if (m.get("toc_title") != nullptr) {
      d.toc_title = text(m, "toc_title", Need::Required);
    } else {
      d.toc_title.runs = {model::Run{"目次", false}};
      d.toc_title.loc = node.loc;
    }
    return d;
  }

  model::Section section(const Node& node) {
    model::Section s;
    MapReader m(r_, node, "sections[]", {"id", "title", "title_slide", "slides", "chapters"});
    s.loc = node.loc;
    s.id = id(m, s.id_loc);
    s.title = text(m, "title", Need::Required);
    s.title_slide = m.boolean("title_slide").value_or(true);
    for (const Node* n : list(m, "slides")) {
      if (auto slide = this->slide(*n)) s.slides.push_back(std::move(*slide));
    }
    for (const Node* n : list(m, "chapters")) s.chapters.push_back(chapter(*n));
    return s;
  }

  model::Chapter chapter(const Node& node) {
    model::Chapter c;
    MapReader m(r_, node, "chapters[]", {"id", "title", "toc_title", "toc_note", "sheet", "slides"});
    c.loc = node.loc;
    c.id = id(m, c.id_loc);
    c.title = text(m, "title", Need::Required);
    c.toc_title = text(m, "toc_title");
    c.toc_note = text(m, "toc_note");
    if (const Node* sheet = m.get("sheet")) {
      c.sheet = r_.string(*sheet, "sheet", Need::Required).value_or("");
      c.sheet_loc = sheet->loc;
    }
    for (const Node* n : list(m, "slides", Need::Required)) {
      if (auto slide = this->slide(*n)) c.slides.push_back(std::move(*slide));
    }
    return c;
  }

  std::optional<model::Slide> slide(const Node& node) {
    std::optional<std::string> kind;
    if (node.is_mapping()) {
      if (const Node* k = node.find("kind")) kind = r_.choice(*k, "kind", kSlideKinds);
    }
    MapReader m(r_, node, "slides[]", slide_keys(kind.value_or("")));
    if (!m.valid()) return std::nullopt;
    if (node.find("kind") == nullptr) {
      m.require("kind");
      return std::nullopt;
    }
    if (!kind) return std::nullopt;
    model::Slide s;
    s.loc = node.loc;
    s.id = id(m, s.id_loc);
    s.label = text(m, "label");
    s.heading = text(m, "heading");
    if (*kind == "overview") {
      s.body = overview(m);
    } else if (*kind == "projects") {
      s.body = projects(m);
    } else if (*kind == "goal_status") {
      s.body = goal_status(m);
    } else if (*kind == "results") {
      s.body = results(m);
    } else {
      model::DetailsSlide d;
      if (const Node* t = m.require("table")) d.table = table(*t);
      s.body = std::move(d);
    }
    return s;
  }

  model::OverviewSlide overview(const MapReader& m) {
    model::OverviewSlide o;
    for (const Node* n : list(m, "blocks", Need::Required)) {
      MapReader b(r_, *n, "blocks[]", {"heading", "body", "items", "new_page"});
      model::Block block;
      block.loc = n->loc;
      block.new_page = b.boolean("new_page").value_or(false);
      block.heading = text(b, "heading", Need::Required);
      block.body = text(b, "body");
      block.items = items(b, "items");
      o.blocks.push_back(std::move(block));
    }
    return o;
  }

  model::ProjectsSlide projects(const MapReader& m) {
    model::ProjectsSlide p;
    p.lead = text(m, "lead");
    for (const Node* n : list(m, "groups", Need::Required)) {
      MapReader g(r_, *n, "groups[]", {"name_header", "items_header", "rows"});
      model::ProjectGroup group;
      group.loc = n->loc;
      group.name_header = text(g, "name_header", Need::Required);
      group.items_header = text(g, "items_header", Need::Required);
      for (const Node* rn : list(g, "rows", Need::Required)) {
        MapReader row(r_, *rn, "rows[]", {"number", "name", "tagline", "items"});
        model::ProjectRow r;
        r.loc = rn->loc;
        r.number = row.string("number").value_or("");
        r.name = text(row, "name", Need::Required);
        r.tagline = text(row, "tagline");
        r.items = items(row, "items");
        group.rows.push_back(std::move(r));
      }
      p.groups.push_back(std::move(group));
    }
    return p;
  }

  model::GoalStatusSlide goal_status(const MapReader& m) {
    model::GoalStatusSlide s;
    s.lead = text(m, "lead");
    s.results_label = text(m, "results_label", Need::Required);
    s.challenges_label = text(m, "challenges_label", Need::Required);
    for (const Node* n : list(m, "goals", Need::Required)) {
      MapReader g(r_, *n, "goals[]", {"label", "statement", "results", "challenges", "new_page"});
      model::Goal goal;
      goal.loc = n->loc;
      goal.new_page = g.boolean("new_page").value_or(false);
      goal.label = text(g, "label");
      goal.statement = text(g, "statement", Need::Required);
      goal.results = items(g, "results");
      goal.challenges = items(g, "challenges");
      s.goals.push_back(std::move(goal));
    }
    s.note = text(m, "note");
    return s;
  }

  model::ResultsSlide results(const MapReader& m) {
    model::ResultsSlide s;
    s.direction_label = text(m, "direction_label", Need::Required);
    s.direction = text(m, "direction", Need::Required);
    s.summary = text(m, "summary");
    s.results_label = text(m, "results_label", Need::Required);
    s.results = items(m, "results", /*breakable=*/true);
    for (const Node* n : list(m, "panels")) {
      MapReader p(r_, *n, "panels[]", {"title", "items", "effects_label", "effects", "new_page"});
      model::Panel panel;
      panel.loc = n->loc;
      panel.new_page = p.boolean("new_page").value_or(false);
      panel.title = text(p, "title", Need::Required);
      panel.items = items(p, "items");
      panel.effects_label = text(p, "effects_label");
      panel.effects = items(p, "effects");
      s.panels.push_back(std::move(panel));
    }
    if (const Node* t = m.get("table")) s.table = table(*t);
    return s;
  }

  model::DetailTable table(const Node& node) {
    model::DetailTable t;
    t.loc = node.loc;
    MapReader m(r_, node, "table", {"caption", "columns", "groups"});
    t.caption = text(m, "caption");
    if (const Node* c = m.require("columns")) {
      MapReader cols(r_, *c, "columns", {"item", "content", "target", "baseline", "result", "status"});
      t.columns.item = text(cols, "item", Need::Required);
      t.columns.content = text(cols, "content", Need::Required);
      t.columns.target = text(cols, "target", Need::Required);
      t.columns.baseline = text(cols, "baseline", Need::Required);
      t.columns.result = text(cols, "result", Need::Required);
      t.columns.status = text(cols, "status", Need::Required);
    }
    for (const Node* n : list(m, "groups", Need::Required)) {
      MapReader g(r_, *n, "groups[]", {"item", "new_page", "rows"});
      model::TableGroup group;
      group.loc = n->loc;
      group.item = text(g, "item", Need::Required);
      group.new_page = g.boolean("new_page").value_or(false);
      for (const Node* rn : list(g, "rows", Need::Required)) {
        MapReader row(r_, *rn, "rows[]", {"content", "target", "baseline", "result", "status", "verdict"});
        model::TableRow r;
        r.loc = rn->loc;
        r.content = cell(row, "content");
        r.target = cell(row, "target");
        r.baseline = cell(row, "baseline");
        r.result = cell(row, "result");
        r.status = cell(row, "status");
        if (auto v = row.choice("verdict", verdict_words())) {
          r.verdict = model::verdict_from_word(*v);
        }
        group.rows.push_back(std::move(r));
      }
      t.groups.push_back(std::move(group));
    }
    return t;
  }

  // A cell: a text, or a quantity {number, prefix, unit}.
  model::Cell cell(const MapReader& row, std::string_view key) {
    model::Cell c;
    const Node* n = row.require(key);
    if (n == nullptr) return c;
    c.loc = n->loc;
    if (n->is_sequence()) {
      r_.wrong_type(*n, key, {"テキストか数量（{number: …, unit: …}）", "a text or a quantity ({number: …, unit: …})"});
      return c;
    }
    if (!n->is_mapping()) {
      c.text = r_.rich_text(*n, key, Need::Required).value_or(model::RichText{});
      return c;
    }
    std::optional<model::Quantity> quantity = read_quantity(r_, *n, key);
    if (!quantity) return c;
    c.text.runs = {model::Run{quantity->format(), false}};
    c.text.loc = n->loc;
    c.quantity = std::move(*quantity);
    return c;
  }

  // `breakable`: the items of a 取組結果 list, which may say `new_page: true`.
  std::vector<model::Item> items(const MapReader& m, std::string_view key, bool breakable = false) {
    std::vector<model::Item> out;
    std::string name = std::string(key) + "[]";
    const std::vector<const Node*> nodes = list(m, key);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (i > 0 && split_at_comma(*nodes[i - 1], *nodes[i])) continue;
      if (auto it = item(*nodes[i], name, breakable)) out.push_back(std::move(*it));
    }
    return out;
  }

  // Whether two neighbouring items of a list are one text that YAML split at an ASCII
  // comma inside [ ] ("…▲2,310千円"): both plain, the comma directly before the second.
  // Reported at the comma (slips.hpp).
  bool split_at_comma(const Node& previous, const Node& next) {
    const std::string& text = r_.file().text;
    if (!previous.is_scalar() || !next.is_scalar() || previous.quoted() || next.quoted()) return false;
    if (next.offset == 0 || next.offset > text.size() || text[next.offset - 1] != ',') return false;
    diag::SourceLoc comma = next.loc;
    comma.col -= 1;
    r_.diags().add(flow_comma_slip(previous.value, next.value, comma));
    return true;
  }

  std::optional<model::Item> item(const Node& node, const std::string& name, bool breakable) {
    model::Item it;
    it.loc = node.loc;
    if (node.is_mapping()) {
      std::vector<std::string_view> keys = {"text", "items", "marker"};
      if (breakable) keys.push_back("new_page");
      MapReader m(r_, node, name, keys);
      it.text = text(m, "text", Need::Required);
      it.items = items(m, "items");
      if (breakable) it.new_page = m.boolean("new_page").value_or(false);
      if (const Node* marker = m.get("marker")) it.marker = r_.string(*marker, "marker");
      return it;
    }
    if (node.is_sequence()) {
      r_.wrong_type(node, name, {"テキストかマッピング（text: …）", "a text or a mapping (text: …)"});
      return std::nullopt;
    }
    std::optional<model::RichText> t = r_.rich_text(node, name, Need::Required);
    if (!t) return std::nullopt;
    it.text = std::move(*t);
    return it;
  }

  Reader r_;
};

std::optional<model::Plan> finish(const YamlFile& file, diag::Diagnostics& diags, std::size_t errors_before) {
  if (!file.root) return std::nullopt;
  PlanReader reader(file, diags);
  model::Plan plan = reader.plan(*file.root);
  // Semantic checks only on a plan that read cleanly: a partly read one would give
  // follow-up errors (a section "without slides" whose slides had errors).
  if (diags.error_count() != errors_before) return std::nullopt;
  model::validate(plan, diags);
  if (diags.error_count() != errors_before) return std::nullopt;
  return plan;
}

}  // namespace

std::optional<model::Plan> load_plan(const std::string& path, diag::SourceMap& sources, diag::Diagnostics& diags) {
  std::size_t before = diags.error_count();
  YamlFile file = read_yaml_file(path, sources, diags);
  return finish(file, diags, before);
}

std::optional<model::Plan> load_plan_text(const std::string& path, std::string text, diag::SourceMap& sources,
                                          diag::Diagnostics& diags) {
  std::size_t before = diags.error_count();
  YamlFile file = parse_yaml(path, std::move(text), sources, diags);
  return finish(file, diags, before);
}

}  // namespace plandeck::input
