#include "model/validate.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "diag/printable.hpp"
#include "model/text_rules.hpp"

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

std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    n += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
  }
  return n;
}

// The workbook's index sheet (render_xlsx::kIndexSheetName), its table of figures and the
// name Excel keeps for itself: a chapter's sheet may be none of them, in any case.
constexpr std::string_view kIndexSheetName = "一覧";
constexpr std::string_view kNumbersSheetName = "数値";  // render_xlsx::kNumbersSheetName
constexpr std::string_view kReservedSheetName = "History";

// Room for what the renderers put before a section or chapter title: "Ⅱ-12 " in a bookmark
// and a cell of the workbook's index.
constexpr std::size_t kNumberRoom = 16;

TextUse use(const char* ja, const char* en, bool one_line = false, std::size_t max_pdf_bytes = 0,
            std::size_t max_cell_chars = kMaxCellChars) {
  return TextUse{{ja, en}, one_line, max_pdf_bytes, max_cell_chars};
}

class Validator {
 public:
  explicit Validator(diag::Diagnostics& diags) : diags_(diags) {}

  void id(const std::string& id, const SourceLoc& loc) {
    if (id.empty()) return;
    auto [it, inserted] = ids_.emplace(id, loc);
    if (inserted) return;
    Message first = first_place(it->second);
    diags_.error(loc, {"id " + diag::quote(id) + " が重複しています" + first.ja, "duplicate id " + diag::quote(id) + first.en},
                 Message{"id はファイル全体で一意にしてください", "ids must be unique in the whole file"});
  }

  void sheet(const Chapter& chapter) {
    const std::string& name = chapter.sheet;
    if (name.empty()) return;
    const SourceLoc& loc = either(chapter.sheet_loc, chapter.loc);
    if (!check_text(name, loc, use("シート名", "the sheet name", true, 0, 0), diags_)) return;
    std::string quoted = diag::quote(name);
    std::size_t length = utf16_units(name);
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
    const std::string folded = fold_sheet_name(name);
    if (folded == fold_sheet_name(kReservedSheetName)) {
      diags_.error(loc, {"シート名 " + quoted + " は Excel が予約しているため使えません",
                         "sheet name " + quoted + " is reserved by Excel"},
                   Message{"別の名前にしてください（大文字と小文字は区別されません）",
                           "choose another name (case does not matter)"});
      return;
    }
    if (folded == fold_sheet_name(kIndexSheetName)) {
      diags_.error(loc, {"シート名 " + quoted + " はブックの一覧シートの名前です",
                         "sheet name " + quoted + " is the name of the workbook's index sheet"},
                   Message{"別の名前にしてください", "choose another name"});
      return;
    }
    if (folded == fold_sheet_name(kNumbersSheetName)) {
      diags_.error(loc, {"シート名 " + quoted + " はブックの数値シートの名前です",
                         "sheet name " + quoted + " is the name of the workbook's table of figures"},
                   Message{"別の名前にしてください", "choose another name"});
      return;
    }
    auto [it, inserted] = sheets_.emplace(folded, loc);
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
      diags_.error(g.loc, {"表のグループ " + diag::quote(g.item.plain()) + " に行（rows）が一つもありません",
                           "table group " + diag::quote(g.item.plain()) + " has no rows"});
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

// Every text against what its renderers can take (text_rules.hpp). The texts that become
// one-line strings (document info, bookmarks) have their own names and limits; every other
// text may hold line breaks and must fit an Excel cell.
class TextChecker {
 public:
  explicit TextChecker(diag::Diagnostics& diags) : diags_(diags) {}

  void check(const Plan& plan) {
    const Document& d = plan.document;
    // PDF document info; the workbook's properties flatten line breaks, libharu does not.
    one(d.title, use("文書のタイトル（title）", "the document title", true, kMaxPdfStringBytes));
    one(d.organisation, use("作成者（organisation）", "the organisation", true, kMaxPdfStringBytes));
    one(d.subject, use("件名（subject）", "the subject", true, kMaxPdfStringBytes));
    one(d.toc_title, use("目次の見出し（toc_title）", "the table of contents title", true, kMaxPdfStringBytes));
    // Bookmarks ("Ⅱ-1 " + title) and index cells of the workbook.
    const std::size_t titled_bytes = kMaxPdfStringBytes - kNumberRoom;
    const std::size_t titled_cells = kMaxCellChars - kNumberRoom;
    for (const auto& section : plan.sections) {
      one(section.title, use("節のタイトル", "the section title", true, titled_bytes, titled_cells));
      for (const auto& s : section.slides) slide(s);
      for (const auto& chapter : section.chapters) {
        one(chapter.title, use("章のタイトル", "the chapter title", true, titled_bytes, titled_cells));
        for (const auto& s : chapter.slides) slide(s);
      }
    }
    for (const RichText* t : all_texts(plan)) {
      if (done_.count(t) == 0) check_text(t->plain(), t->loc, use("テキスト", "the text"), diags_);
    }
  }

 private:
  void one(const RichText& t, const TextUse& u) {
    done_.emplace(&t, true);
    check_text(t.plain(), t.loc, u, diags_);
  }

  void slide(const Slide& s) {
    // Bookmarks of the slide.
    one(s.label, use("スライドのラベル（label）", "the slide label", true, kMaxPdfStringBytes));
    one(s.heading, use("スライドの見出し（heading）", "the slide heading", true, kMaxPdfStringBytes));
    std::visit([this](const auto& body) { items_of(body); }, s.body);
  }

  // Markers are drawn like text, on one line.
  void items(const std::vector<Item>& list) {
    for (const Item& item : list) {
      if (item.marker) {
        check_text(*item.marker, item.loc, use("記号（marker）", "the marker", true), diags_);
      }
      items(item.items);
    }
  }
  void items_of(const OverviewSlide& b) {
    for (const auto& block : b.blocks) items(block.items);
  }
  void items_of(const ProjectsSlide& b) {
    for (const auto& g : b.groups) {
      for (const auto& r : g.rows) items(r.items);
    }
  }
  void items_of(const GoalStatusSlide& b) {
    for (const auto& g : b.goals) {
      items(g.results);
      items(g.challenges);
    }
  }
  void items_of(const ResultsSlide& b) {
    items(b.results);
    for (const auto& p : b.panels) {
      items(p.items);
      items(p.effects);
    }
  }
  void items_of(const DetailsSlide&) {}

  diag::Diagnostics& diags_;
  std::map<const RichText*, bool> done_;
};

}  // namespace

void validate(const Plan& plan, diag::Diagnostics& out) {
  // Collected first, then reported in file order (texts and structure are checked apart).
  diag::Diagnostics diags;
  TextChecker(diags).check(plan);
  Validator v(diags);
  for (const auto& section : plan.sections) {
    v.id(section.id, either(section.id_loc, section.loc));
    if (section.slides.empty() && section.chapters.empty()) {
      std::string title = section.title.plain();
      diags.error(section.loc, {"節 " + diag::quote(title) + " にスライドも章もありません", "section " + diag::quote(title) + " has no slides and no chapters"},
                  Message{"slides か chapters を書いてください", "add slides or chapters"});
    }
    for (const auto& s : section.slides) v.slide(s);
    for (const auto& chapter : section.chapters) {
      v.id(chapter.id, either(chapter.id_loc, chapter.loc));
      v.sheet(chapter);
      if (chapter.slides.empty()) {
        std::string title = chapter.title.plain();
        diags.error(chapter.loc, {"章 " + diag::quote(title) + " にスライドがありません", "chapter " + diag::quote(title) + " has no slides"});
      }
      for (const auto& s : chapter.slides) v.slide(s);
    }
  }
  std::vector<diag::Diagnostic> found = diags.items();
  std::stable_sort(found.begin(), found.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return std::make_pair(a.loc.line, a.loc.col) < std::make_pair(b.loc.line, b.loc.col);
  });
  for (auto& d : found) out.add(std::move(d));
}

}  // namespace plandeck::model
