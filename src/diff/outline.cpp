#include "diff/outline.hpp"

#include <variant>

#include "model/verdict.hpp"

namespace plandeck::diff {

using diag::Message;

namespace {

Message same(const std::string& s) { return {s, s}; }

// The first line of a text, as a name: a row's 内容 or a bullet's text.
std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

void field(Node& n, Message name, const model::RichText& t) {
  n.fields.push_back({std::move(name), markup(t), t.loc});
}
void field(Node& n, Message name, const std::string& text, const diag::SourceLoc& loc) {
  n.fields.push_back({std::move(name), text, loc});
}

Node item_node(const model::Item& item) {
  Node n;
  n.type = "item";
  n.key = markup(item.text);
  n.pair_class = "item";
  n.name = same(first_line(item.text.plain()));
  n.loc = item.loc.known() ? item.loc : item.text.loc;
  field(n, {"本文", "text"}, item.text);
  field(n, {"行頭記号", "marker"}, item.marker ? "\"" + *item.marker + "\"" : std::string(), n.loc);
  List sub{"items", {}};
  for (const auto& i : item.items) sub.nodes.push_back(item_node(i));
  n.lists.push_back(std::move(sub));
  return n;
}

List items(std::string role, const std::vector<model::Item>& list) {
  List l{std::move(role), {}};
  for (const auto& i : list) l.nodes.push_back(item_node(i));
  return l;
}

Node table_node(const model::DetailTable& t) {
  Node n;
  n.type = "table";
  n.key = "table";
  n.pair_class = "table";
  n.name = same(t.caption.plain());
  n.loc = t.loc;
  const model::TableColumns& c = t.columns;
  field(n, {"表題", "caption"}, t.caption);
  const model::RichText* headers[] = {&c.item, &c.content, &c.target, &c.baseline, &c.result, &c.status};
  const char* keys[] = {"item", "content", "target", "baseline", "result", "status"};
  for (std::size_t i = 0; i < 6; ++i) {
    field(n, {std::string("列見出し ") + keys[i], std::string("column header ") + keys[i]}, *headers[i]);
  }
  // A cell is named by its column header, as the reader of the table sees it.
  auto header = [&](const model::RichText* h) {
    std::string s = h->plain();
    for (char& ch : s) ch = ch == '\n' ? ' ' : ch;
    return same(s);
  };
  List groups{"groups", {}};
  for (const auto& g : t.groups) {
    Node gn;
    gn.type = "group";
    gn.key = markup(g.item);
    gn.pair_class = "group";
    gn.name = same(first_line(g.item.plain()));
    gn.loc = g.loc;
    field(gn, header(&c.item), g.item);
    field(gn, {"改ページ（new_page）", "new_page"}, g.new_page ? "true" : "false", g.loc);
    List rows{"rows", {}};
    for (const auto& r : g.rows) {
      Node rn;
      rn.type = "row";
      rn.key = markup(r.content.text);
      rn.pair_class = "row";
      rn.name = same(first_line(r.content.text.plain()));
      rn.loc = r.loc;
      const model::Cell* cells[] = {&r.content, &r.target, &r.baseline, &r.result, &r.status};
      for (std::size_t i = 0; i < 5; ++i) {
        const model::Cell& cell = *cells[i];
        field(rn, header(headers[i + 1]), markup(cell.text), cell.loc.known() ? cell.loc : cell.text.loc);
      }
      // The 達成区分 written in the plan (a derived one changes with the status text).
      field(rn, {"達成区分（verdict）", "verdict"}, r.verdict ? std::string(model::verdict_word(*r.verdict)) : "",
            r.loc);
      rows.nodes.push_back(std::move(rn));
    }
    gn.lists.push_back(std::move(rows));
    groups.nodes.push_back(std::move(gn));
  }
  n.lists.push_back(std::move(groups));
  return n;
}

struct Body {
  Node& n;
  void operator()(const model::OverviewSlide& s) const {
    List blocks{"blocks", {}};
    for (const auto& b : s.blocks) {
      Node bn;
      bn.type = "block";
      bn.key = markup(b.heading);
      bn.pair_class = "block";
      bn.name = same(b.heading.plain());
      bn.loc = b.loc;
      field(bn, {"見出し", "heading"}, b.heading);
      field(bn, {"本文", "body"}, b.body);
      bn.lists.push_back(items("items", b.items));
      blocks.nodes.push_back(std::move(bn));
    }
    n.lists.push_back(std::move(blocks));
  }
  void operator()(const model::ProjectsSlide& s) const {
    field(n, {"リード文", "lead"}, s.lead);
    List groups{"groups", {}};
    for (const auto& g : s.groups) {
      Node gn;
      gn.type = "projects";
      gn.key = markup(g.name_header);
      gn.pair_class = "projects";
      gn.name = same(g.name_header.plain());
      gn.loc = g.loc;
      field(gn, {"名前の見出し", "name header"}, g.name_header);
      field(gn, {"項目の見出し", "items header"}, g.items_header);
      List rows{"rows", {}};
      for (const auto& r : g.rows) {
        Node rn;
        rn.type = "project";
        rn.key = r.number + " " + markup(r.name);
        rn.pair_class = "project";
        rn.name = same(r.number + " " + r.name.plain());
        rn.loc = r.loc;
        field(rn, {"番号", "number"}, r.number, r.loc);
        field(rn, {"名前", "name"}, r.name);
        field(rn, {"リード", "tagline"}, r.tagline);
        rn.lists.push_back(items("items", r.items));
        rows.nodes.push_back(std::move(rn));
      }
      gn.lists.push_back(std::move(rows));
      groups.nodes.push_back(std::move(gn));
    }
    n.lists.push_back(std::move(groups));
  }
  void operator()(const model::GoalStatusSlide& s) const {
    field(n, {"リード文", "lead"}, s.lead);
    field(n, {"実績の見出し", "results label"}, s.results_label);
    field(n, {"課題の見出し", "challenges label"}, s.challenges_label);
    field(n, {"注記", "note"}, s.note);
    List goals{"goals", {}};
    for (const auto& g : s.goals) {
      Node gn;
      gn.type = "goal";
      gn.key = markup(g.label);
      gn.pair_class = "goal";
      gn.name = same(g.label.plain());
      gn.loc = g.loc;
      field(gn, {"ラベル", "label"}, g.label);
      field(gn, {"目標", "statement"}, g.statement);
      gn.lists.push_back(items("results", g.results));
      gn.lists.push_back(items("challenges", g.challenges));
      goals.nodes.push_back(std::move(gn));
    }
    n.lists.push_back(std::move(goals));
  }
  void operator()(const model::ResultsSlide& s) const {
    field(n, {"方向性の見出し", "direction label"}, s.direction_label);
    field(n, {"取組の方向性", "direction"}, s.direction);
    field(n, {"要約", "summary"}, s.summary);
    field(n, {"取組結果の見出し", "results label"}, s.results_label);
    n.lists.push_back(items("results", s.results));
    List panels{"panels", {}};
    for (const auto& p : s.panels) {
      Node pn;
      pn.type = "panel";
      pn.key = markup(p.title);
      pn.pair_class = "panel";
      pn.name = same(p.title.plain());
      pn.loc = p.loc;
      field(pn, {"タイトル", "title"}, p.title);
      field(pn, {"効果の見出し", "effects label"}, p.effects_label);
      pn.lists.push_back(items("items", p.items));
      pn.lists.push_back(items("effects", p.effects));
      panels.nodes.push_back(std::move(pn));
    }
    n.lists.push_back(std::move(panels));
    List table{"table", {}};
    if (s.table) table.nodes.push_back(table_node(*s.table));
    n.lists.push_back(std::move(table));
  }
  void operator()(const model::DetailsSlide& s) const {
    n.lists.push_back(List{"table", {table_node(s.table)}});
  }
};

const char* kind_name(const model::SlideBody& body) {
  static const char* const names[] = {"overview", "projects", "goal_status", "results", "details"};
  return names[body.index()];
}

Node slide_node(const model::Slide& s, const std::string& number) {
  Node n;
  n.type = "slide";
  std::string kind = kind_name(s.body);
  n.key = s.id.empty() ? kind + "|" + markup(s.label) + "|" + markup(s.heading) : "id:" + s.id;
  // A slide with an id is that slide: it is never paired with another as "changed".
  n.pair_class = s.id.empty() ? kind : n.key;
  // A slide with neither label nor heading is named by its kind, in words of each language.
  static const Message kinds[] = {{"概要", "overview"},
                                        {"取組内容", "projects"},
                                        {"到達目標の達成状況", "goal status"},
                                        {"取組結果", "results"},
                                        {"結果詳細", "details"}};
  const std::string given = !s.label.plain().empty() ? s.label.plain() : s.heading.plain();
  n.name = given.empty() ? Message{number + " " + kinds[s.body.index()].ja, number + " " + kinds[s.body.index()].en}
                         : same(number + " " + given);
  n.loc = s.loc;
  field(n, {"id", "id"}, s.id, s.id_loc.known() ? s.id_loc : s.loc);
  field(n, {"種類（kind）", "kind"}, kind, s.loc);
  field(n, {"ラベル", "label"}, s.label);
  field(n, {"見出し", "heading"}, s.heading);
  std::visit(Body{n}, s.body);
  return n;
}

}  // namespace

std::string markup(const model::RichText& t) {
  std::string out;
  for (const auto& r : t.runs) out += r.strong ? "**" + r.text + "**" : r.text;
  return out;
}

Node outline(const model::Plan& plan) {
  Node root;
  root.type = "document";
  root.key = "document";
  root.name = {"文書", "document"};
  root.loc = plan.document.loc;
  const model::Document& d = plan.document;
  field(root, {"表題", "title"}, d.title);
  field(root, {"作成部署", "organisation"}, d.organisation);
  field(root, {"件名", "subject"}, d.subject);
  field(root, {"日付", "date"}, d.date);
  field(root, {"目次の見出し", "table of contents title"}, d.toc_title);
  List sections{"sections", {}};
  for (std::size_t si = 0; si < plan.sections.size(); ++si) {
    const model::Section& sec = plan.sections[si];
    std::string number = model::section_number(si);
    Node sn;
    sn.type = "section";
    sn.key = sec.id.empty() ? markup(sec.title) : "id:" + sec.id;
    sn.pair_class = sec.id.empty() ? "section" : sn.key;
    sn.name = same(number + " " + sec.title.plain());
    sn.loc = sec.loc;
    field(sn, {"id", "id"}, sec.id, sec.id_loc.known() ? sec.id_loc : sec.loc);
    field(sn, {"タイトル", "title"}, sec.title);
    field(sn, {"扉スライド（title_slide）", "title_slide"}, sec.title_slide ? "true" : "false", sec.loc);
    List slides{"slides", {}};
    for (const auto& s : sec.slides) slides.nodes.push_back(slide_node(s, number));
    sn.lists.push_back(std::move(slides));
    List chapters{"chapters", {}};
    for (std::size_t ci = 0; ci < sec.chapters.size(); ++ci) {
      const model::Chapter& ch = sec.chapters[ci];
      std::string cnum = model::chapter_number(si, ci);
      Node cn;
      cn.type = "chapter";
      cn.key = ch.id.empty() ? markup(ch.title) : "id:" + ch.id;
      cn.pair_class = ch.id.empty() ? "chapter" : cn.key;
      cn.name = same(cnum + " " + ch.title.plain());
      cn.loc = ch.loc;
      field(cn, {"id", "id"}, ch.id, ch.id_loc.known() ? ch.id_loc : ch.loc);
      field(cn, {"タイトル", "title"}, ch.title);
      field(cn, {"目次での表記（toc_title）", "toc_title"}, ch.toc_title);
      field(cn, {"目次の補足（toc_note）", "toc_note"}, ch.toc_note);
      field(cn, {"シート名（sheet）", "sheet"}, ch.sheet, ch.sheet_loc.known() ? ch.sheet_loc : ch.loc);
      List cslides{"slides", {}};
      for (const auto& s : ch.slides) cslides.nodes.push_back(slide_node(s, cnum));
      cn.lists.push_back(std::move(cslides));
      chapters.nodes.push_back(std::move(cn));
    }
    sn.lists.push_back(std::move(chapters));
    sections.nodes.push_back(std::move(sn));
  }
  root.lists.push_back(std::move(sections));
  return root;
}

}  // namespace plandeck::diff
