#include "lint/lint.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

namespace plandeck::lint {

using diag::Message;

namespace {

// How far past the start of a text its characters are looked for in the file: a text is
// at most a few lines, and a needle not found nearby (written as an escape) is reported at
// the start of the text instead.
constexpr std::size_t kSearchWindow = 4096;

class Linter {
 public:
  Linter(const spec::Layout& layout, diag::Diagnostics& diags, const diag::SourceMap* sources)
      : layout_(layout), diags_(diags), sources_(sources) {}

  void plan(const model::Plan& p) {
    for (const model::RichText* t : model::all_texts(p)) {
      html_tags(*t);
    }
    for (std::size_t si = 0; si < p.sections.size(); ++si) {
      const model::Section& sec = p.sections[si];
      typed_number(sec.title, model::section_number(si));
      for (const model::Slide& s : sec.slides) slide(s);
      for (std::size_t ci = 0; ci < sec.chapters.size(); ++ci) {
        const model::Chapter& ch = sec.chapters[ci];
        const std::string number = model::chapter_number(si, ci);
        typed_number(ch.title, number);
        typed_number(ch.toc_title, number);
        for (const model::Slide& s : ch.slides) slide(s);
      }
    }
  }

 private:
  void slide(const model::Slide& s) {
    const std::vector<std::string>& plain = layout_.text.markers;
    if (const auto* o = std::get_if<model::OverviewSlide>(&s.body)) {
      for (const model::Block& b : o->blocks) items(b.items, plain, 0);
    } else if (const auto* p = std::get_if<model::ProjectsSlide>(&s.body)) {
      for (const model::ProjectGroup& g : p->groups) {
        for (const model::ProjectRow& r : g.rows) items(r.items, plain, 0);
      }
    } else if (const auto* g = std::get_if<model::GoalStatusSlide>(&s.body)) {
      for (const model::Goal& goal : g->goals) {
        items(goal.results, plain, 0);
        items(goal.challenges, plain, 0);
      }
    } else if (const auto* r = std::get_if<model::ResultsSlide>(&s.body)) {
      items(r->results, plain, 0);
      for (const model::Panel& panel : r->panels) {
        items(panel.items, layout_.results.panel_markers, 0);  // compose: panel items use these
        items(panel.effects, plain, 0);
      }
    }
  }

  // ---- typed bullets -----------------------------------------------------------------

  void items(const std::vector<model::Item>& list, const std::vector<std::string>& markers, std::size_t depth) {
    for (const model::Item& it : list) {
      std::string drawn;
      if (it.marker) {
        drawn = *it.marker;
      } else if (!markers.empty()) {
        drawn = markers[std::min(depth, markers.size() - 1)];
      }
      if (!drawn.empty()) typed_bullet(it.text, drawn);
      items(it.items, markers, depth + 1);
    }
  }

  // The bullet an author may type at the start of an item: the common list symbols, and
  // an ASCII or full-width dash or asterisk when a space follows it.
  static std::string leading_bullet(const std::string& s) {
    static const char* const kSymbols[] = {"・", "･", "○", "◯", "●", "◎", "■", "□", "◆", "◇", "▪",
                                           "•", "‣", "➤", "➢", "►", "▶", "▸", "✓", "✔"};
    for (const char* sym : kSymbols) {
      if (s.rfind(sym, 0) == 0) return sym;
    }
    for (const char* sym : {"-", "*", "－", "＊", "ー"}) {
      if (s.rfind(sym, 0) != 0) continue;
      std::string_view rest = std::string_view(s).substr(std::string_view(sym).size());
      if (rest.rfind(" ", 0) == 0 || rest.rfind("\u3000", 0) == 0) return sym;
    }
    return {};
  }

  void typed_bullet(const model::RichText& t, const std::string& drawn) {
    std::string text = t.plain();
    std::string typed = leading_bullet(text);
    if (typed.empty()) return;
    std::string shown = drawn + " " + typed;
    Message message = typed == drawn
                          ? Message{"項目の先頭の \"" + typed + "\" はレイアウトが付けるので、「" + shown + "」と二重に表示されます",
                                    "the layout bullets this item itself: the typed \"" + typed + "\" prints as \"" +
                                        shown + "\""}
                          : Message{"項目にはレイアウトが \"" + drawn + "\" を付けるので、先頭の \"" + typed + "\" と合わせて「" +
                                        shown + "」と表示されます",
                                    "the layout bullets this item with \"" + drawn + "\": with the typed \"" + typed +
                                        "\" it prints as \"" + shown + "\""};
    warn(find(t, typed), std::move(message),
         Message{"先頭の \"" + typed + "\" を消してください（この項目だけ記号を変えるときは text: と marker: \"" + typed +
                     "\" で書きます）",
                 "remove the leading \"" + typed + "\" (to change this item's bullet, write text: and marker: \"" +
                     typed + "\")"},
         "lint-typed-bullet");
  }

  // ---- typed numbers -----------------------------------------------------------------

  static bool is_roman(char32_t c) { return c >= 0x2160 && c <= 0x217F; }  // Ⅰ… and ⅰ…
  static bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
  static bool is_dash(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0xFF0D || c == 0x30FC; }
  static bool is_space(char32_t c) { return c == ' ' || c == 0x3000 || c == '\t'; }

  // The numbering typed at the start of a title: "Ⅱ", "Ⅱ-1", "Ⅱ．", "2.", "１．" (the
  // number as written, without what follows). Empty when the title starts otherwise.
  static std::string leading_number(const std::string& s) {
    std::u32string u = text::utf8::to_u32(s);
    std::size_t i = 0;
    if (i < u.size() && is_roman(u[i])) {
      while (i < u.size() && is_roman(u[i])) ++i;
      if (i + 1 < u.size() && is_dash(u[i]) && is_digit(u[i + 1])) {
        ++i;
        while (i < u.size() && is_digit(u[i])) ++i;
      }
      bool ends = i == u.size() || is_space(u[i]) || u[i] == '.' || u[i] == 0xFF0E || u[i] == 0x3001;
      return ends ? text::utf8::encode(u.substr(0, i)) : std::string();
    }
    while (i < u.size() && is_digit(u[i])) ++i;
    if (i == 0 || i >= u.size()) return {};
    if (is_dash(u[i]) && i + 1 < u.size() && is_digit(u[i + 1])) {  // "2-1 "
      ++i;
      while (i < u.size() && is_digit(u[i])) ++i;
      return i < u.size() && is_space(u[i]) ? text::utf8::encode(u.substr(0, i)) : std::string();
    }
    if ((u[i] == '.' || u[i] == 0xFF0E) && i + 1 < u.size() && is_space(u[i + 1])) {  // "2. ", "２．　"
      return text::utf8::encode(u.substr(0, i + 1));
    }
    return {};
  }

  void typed_number(const model::RichText& title, const std::string& number) {
    if (title.empty()) return;
    std::string text = title.plain();
    std::string typed = leading_number(text);
    if (typed.empty()) return;
    warn(find(title, typed),
         {"見出しの先頭の番号 \"" + typed + "\" は自動で付くので、「" + number + " " + text + "」と表示されます",
          "the layout numbers this title itself: the typed \"" + typed + "\" prints as \"" + number + " " + text + "\""},
         Message{"番号は節と章の並び順から付きます。先頭の \"" + typed + "\" と続く空白を消してください",
                 "numbers come from the order of sections and chapters: remove the leading \"" + typed +
                     "\" and the space after it"},
         "lint-typed-number");
  }

  // ---- pasted text -------------------------------------------------------------------

  static bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  // The first HTML tag in `s`: "<p>", "</p>", "<br/>", "<ul style=…>" (a letter right after
  // "<" or "</", then a ">" on the same line). "<5件>" and "a < b" are not tags.
  static std::string first_tag(const std::string& s) {
    for (std::size_t i = s.find('<'); i != std::string::npos; i = s.find('<', i + 1)) {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '/') ++j;
      if (j >= s.size() || !ascii_letter(s[j])) continue;
      while (j < s.size() && (ascii_letter(s[j]) || (s[j] >= '0' && s[j] <= '9'))) ++j;
      if (j >= s.size() || (s[j] != '>' && s[j] != ' ' && s[j] != '/')) continue;
      std::size_t close = s.find_first_of(">\n<", j);
      if (close == std::string::npos || s[close] != '>') continue;
      return s.substr(i, close + 1 - i);
    }
    return {};
  }

  void html_tags(const model::RichText& t) {
    std::string text = t.plain();
    std::string tag = first_tag(text);
    if (tag.empty()) return;
    warn(find(t, tag), {"HTML のタグ \"" + tag + "\" がそのまま表示されます", "the HTML tag \"" + tag + "\" is printed as it is"},
         Message{"古い資料から貼り付けたタグです。タグを消してください（改行は | のブロックで、強調は **…** で、箇条書きは items で書けます）",
                 "a tag pasted from an old document: remove it (write line breaks with a | block, emphasis as **…**, lists as items)"},
         "lint-html-tag");
  }

  // ---- locations ---------------------------------------------------------------------

  // Where `needle` is written in the file, looking from the start of text `t`.
  diag::SourceLoc find(const model::RichText& t, std::string_view needle) const {
    const diag::SourceLoc& start = t.loc;
    if (sources_ == nullptr || !start.known()) return start;
    const std::string* file = sources_->text(start.file);
    std::string_view line = sources_->line(start.file, start.line);
    if (file == nullptr || line.data() < file->data() || line.data() > file->data() + file->size()) return start;
    auto line_start = static_cast<std::size_t>(line.data() - file->data());
    std::size_t from = line_start;
    for (int col = 1; col < start.col && from < file->size(); ++col) text::utf8::next(*file, from);
    std::size_t found = file->find(needle.data(), from, needle.size());
    if (found == std::string::npos || found - from > kSearchWindow) return start;
    diag::SourceLoc loc = diag::locate(start.file, std::string_view(*file).substr(line_start), found - line_start);
    loc.line += start.line - 1;
    return loc;
  }

  void warn(diag::SourceLoc at, Message message, Message hint, const char* code) {
    found_.emplace_back(diag::Severity::Warning, std::move(at), std::move(message), std::move(hint), code);
  }

 public:
  // The warnings in file order (they are found check by check).
  void report() {
    std::stable_sort(found_.begin(), found_.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
      return std::make_pair(a.loc.line, a.loc.col) < std::make_pair(b.loc.line, b.loc.col);
    });
    for (auto& d : found_) diags_.add(std::move(d));
    found_.clear();
  }

 private:
  std::vector<diag::Diagnostic> found_;

  const spec::Layout& layout_;
  diag::Diagnostics& diags_;
  const diag::SourceMap* sources_;
};

}  // namespace

void check(const model::Plan& plan, const spec::Layout& layout, diag::Diagnostics& diags,
           const diag::SourceMap* sources) {
  Linter linter(layout, diags, sources);
  linter.plan(plan);
  linter.report();
}

}  // namespace plandeck::lint
