#include "model/validate.hpp"

#include <map>
#include <string_view>

namespace plandeck::model {

using diag::Message;

namespace {

const SourceLoc& either(const SourceLoc& precise, const SourceLoc& fallback) {
  return precise.known() ? precise : fallback;
}

// "（最初は 8 行目）" when the first place is known.
Message first_place(const SourceLoc& first) {
  if (!first.known()) return {"", ""};
  std::string line = std::to_string(first.line);
  return {"（最初は " + line + " 行目）", " (first on line " + line + ")"};
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Excel compares sheet names without regard to (ASCII) case.
std::string fold(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

class Validator {
 public:
  explicit Validator(diag::Diagnostics& diags) : diags_(diags) {}

  void id(const std::string& id, const SourceLoc& loc) {
    if (id.empty()) return;
    auto [it, inserted] = ids_.emplace(id, loc);
    if (inserted) return;
    Message first = first_place(it->second);
    diags_.error(loc, {"id \"" + id + "\" が重複しています" + first.ja, "duplicate id \"" + id + "\"" + first.en},
                 Message{"id はファイル全体で一意にしてください", "ids must be unique in the whole file"});
  }

  void sheet(const Chapter& chapter) {
    const std::string& name = chapter.sheet;
    if (name.empty()) return;
    const SourceLoc& loc = either(chapter.sheet_loc, chapter.loc);
    std::string quoted = "\"" + name + "\"";
    std::size_t length = code_points(name);
    if (length > 31) {
      std::string n = std::to_string(length);
      diags_.error(loc, {"シート名 " + quoted + " が長すぎます（" + n + " 文字。Excel の上限は 31 文字）",
                         "sheet name " + quoted + " is too long (" + n + " characters; Excel allows 31)"});
    }
    std::string_view forbidden = "[]:*?/\\";
    for (char c : name) {
      if (forbidden.find(c) == std::string_view::npos) continue;
      std::string ch(1, c);
      diags_.error(loc, {"シート名 " + quoted + " に使えない文字 \"" + ch + "\" があります",
                         "sheet name " + quoted + " contains \"" + ch + "\", which Excel does not allow"},
                   Message{"Excel のシート名には [ ] : * ? / \\ を使えません",
                           "Excel sheet names cannot contain [ ] : * ? / \\"});
      break;
    }
    if (name.front() == '\'' || name.back() == '\'') {
      diags_.error(loc, {"シート名 " + quoted + " の先頭と末尾にはアポストロフィ ' を使えません",
                         "sheet name " + quoted + " cannot begin or end with an apostrophe"});
    }
    auto [it, inserted] = sheets_.emplace(fold(name), loc);
    if (!inserted) {
      Message first = first_place(it->second);
      diags_.error(loc, {"シート名 " + quoted + " が重複しています" + first.ja,
                         "duplicate sheet name " + quoted + first.en},
                   Message{"Excel ではシート名が一意でなければなりません（大文字と小文字は区別されません）",
                           "Excel needs unique sheet names (case does not matter)"});
    }
  }

  void table(const DetailTable& t) {
    if (t.groups.empty()) {
      diags_.error(t.loc, {"表にグループ（groups）が一つもありません", "the table has no groups"});
    }
    for (const auto& g : t.groups) {
      if (!g.rows.empty()) continue;
      diags_.error(g.loc, {"表のグループ \"" + g.item.plain() + "\" に行（rows）が一つもありません",
                           "table group \"" + g.item.plain() + "\" has no rows"});
    }
  }

  void slide(const Slide& s) {
    id(s.id, either(s.id_loc, s.loc));
    if (const auto* d = std::get_if<DetailsSlide>(&s.body)) table(d->table);
    if (const auto* r = std::get_if<ResultsSlide>(&s.body); r != nullptr && r->table) table(*r->table);
  }

 private:
  diag::Diagnostics& diags_;
  std::map<std::string, SourceLoc> ids_;
  std::map<std::string, SourceLoc> sheets_;
};

}  // namespace

void validate(const Plan& plan, diag::Diagnostics& diags) {
  Validator v(diags);
  for (const auto& section : plan.sections) {
    v.id(section.id, either(section.id_loc, section.loc));
    if (section.slides.empty() && section.chapters.empty()) {
      std::string title = section.title.plain();
      diags.error(section.loc, {"節 \"" + title + "\" にスライドも章もありません", "section \"" + title + "\" has no slides and no chapters"},
                  Message{"slides か chapters を書いてください", "add slides or chapters"});
    }
    for (const auto& s : section.slides) v.slide(s);
    for (const auto& chapter : section.chapters) {
      v.id(chapter.id, either(chapter.id_loc, chapter.loc));
      v.sheet(chapter);
      if (chapter.slides.empty()) {
        std::string title = chapter.title.plain();
        diags.error(chapter.loc, {"章 \"" + title + "\" にスライドがありません", "chapter \"" + title + "\" has no slides"});
      }
      for (const auto& s : chapter.slides) v.slide(s);
    }
  }
}

}  // namespace plandeck::model
