#include "model/plan.hpp"

namespace plandeck::model {

std::string RichText::plain() const {
  std::string out;
  for (const auto& r : runs) out += r.text;
  return out;
}

bool RichText::empty() const {
  for (const auto& r : runs) {
    for (char c : r.text) {
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
    }
  }
  return true;
}

std::string section_number(std::size_t index) {
  // Ⅰ U+2160 … Ⅻ U+216B; beyond twelve sections fall back to ASCII digits.
  if (index < 12) {
    char32_t cp = U'\u2160' + static_cast<char32_t>(index);
    std::string s;
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  }
  return std::to_string(index + 1);
}

std::string chapter_number(std::size_t section_index, std::size_t chapter_index) {
  return section_number(section_index) + "-" + std::to_string(chapter_index + 1);
}

namespace {

void add(std::vector<const RichText*>& out, const RichText& t) {
  if (!t.runs.empty()) out.push_back(&t);
}

void add_items(std::vector<const RichText*>& out, const std::vector<Item>& items) {
  for (const auto& item : items) {
    add(out, item.text);
    add_items(out, item.items);
  }
}

void add_table(std::vector<const RichText*>& out, const DetailTable& t) {
  add(out, t.caption);
  for (const RichText* h : {&t.columns.item, &t.columns.content, &t.columns.target,
                            &t.columns.baseline, &t.columns.result, &t.columns.status}) {
    add(out, *h);
  }
  for (const auto& g : t.groups) {
    add(out, g.item);
    for (const auto& r : g.rows) {
      for (const Cell* c : {&r.content, &r.target, &r.baseline, &r.result, &r.status}) {
        add(out, c->text);
      }
    }
  }
}

struct BodyTexts {
  std::vector<const RichText*>& out;
  void operator()(const OverviewSlide& s) const {
    for (const auto& b : s.blocks) {
      add(out, b.heading);
      add(out, b.body);
      add_items(out, b.items);
    }
  }
  void operator()(const ProjectsSlide& s) const {
    add(out, s.lead);
    for (const auto& g : s.groups) {
      add(out, g.name_header);
      add(out, g.items_header);
      for (const auto& r : g.rows) {
        add(out, r.name);
        add(out, r.tagline);
        add_items(out, r.items);
      }
    }
  }
  void operator()(const GoalStatusSlide& s) const {
    add(out, s.lead);
    add(out, s.results_label);
    add(out, s.challenges_label);
    for (const auto& g : s.goals) {
      add(out, g.label);
      add(out, g.statement);
      add_items(out, g.results);
      add_items(out, g.challenges);
    }
    add(out, s.note);
  }
  void operator()(const ResultsSlide& s) const {
    add(out, s.direction_label);
    add(out, s.direction);
    add(out, s.summary);
    add(out, s.results_label);
    add_items(out, s.results);
    for (const auto& p : s.panels) {
      add(out, p.title);
      add_items(out, p.items);
      add(out, p.effects_label);
      add_items(out, p.effects);
    }
    if (s.table) add_table(out, *s.table);
  }
  void operator()(const DetailsSlide& s) const { add_table(out, s.table); }
};

void add_slide(std::vector<const RichText*>& out, const Slide& s) {
  add(out, s.label);
  add(out, s.heading);
  std::visit(BodyTexts{out}, s.body);
}

}  // namespace

std::vector<const RichText*> all_texts(const Plan& plan) {
  std::vector<const RichText*> out;
  const Document& d = plan.document;
  for (const RichText* t : {&d.title, &d.organisation, &d.subject, &d.date, &d.toc_title}) add(out, *t);
  for (const auto& sec : plan.sections) {
    add(out, sec.title);
    for (const auto& s : sec.slides) add_slide(out, s);
    for (const auto& ch : sec.chapters) {
      add(out, ch.title);
      add(out, ch.toc_title);
      add(out, ch.toc_note);
      for (const auto& s : ch.slides) add_slide(out, s);
    }
  }
  return out;
}

}  // namespace plandeck::model
