#include "diff/report.hpp"

#include <cstdio>

#include "text/utf8.hpp"

namespace plandeck::diff {

using diag::Lang;

namespace {

bool ja(Lang lang) { return lang == Lang::Ja; }

// A long name is cut: a bullet's whole sentence would bury the path.
std::string shorten(const std::string& s, std::size_t max_chars = 30) {
  std::u32string u = text::utf8::to_u32(s);
  if (u.size() <= max_chars) return s;
  return text::utf8::encode(u.substr(0, max_chars)) + "…";
}

// A text on one line: its line breaks shown as ⏎.
std::string one_line(const std::string& s, Lang lang) {
  if (s.empty()) return ja(lang) ? "（なし）" : "(none)";
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "⏎";
    } else {
      out += c;
    }
  }
  return out;
}

std::string segment_text(const Segment& s, Lang lang) {
  const std::string& name = diag::text(s.name, lang);
  std::string n = shorten(name);
  bool j = ja(lang);
  if (s.type == "row") return j ? "行「" + n + "」" : "row “" + n + "”";
  if (s.type == "item") return j ? "箇条書き「" + n + "」" : "bullet “" + n + "”";
  if (s.type == "group") return j ? "項目「" + n + "」" : "group “" + n + "”";
  if (s.type == "table") return name.empty() ? (j ? "表" : "table") : (j ? "表「" + n + "」" : "table “" + n + "”");
  if (s.type == "panel") return j ? "パネル「" + n + "」" : "panel “" + n + "”";
  if (s.type == "block") return j ? "ブロック「" + n + "」" : "block “" + n + "”";
  if (s.type == "projects") return j ? "表「" + n + "」" : "table “" + n + "”";
  if (s.type == "project") return j ? "プロジェクト「" + n + "」" : "project “" + n + "”";
  if (s.type == "goal") return j ? "目標「" + n + "」" : "goal “" + n + "”";
  if (s.type == "section") return j ? "節「" + n + "」" : "section “" + n + "”";
  if (s.type == "chapter") return j ? "章「" + n + "」" : "chapter “" + n + "”";
  if (s.type == "slide") return j ? "スライド「" + n + "」" : "slide “" + n + "”";
  return name;  // field, document
}

// Readers name an element from the nearest slide, chapter or section down; a row's 項目
// (group) only matters when the group itself is what changed.
std::string path_text(const Path& path, Lang lang) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& t = path[i].type;
    if (t == "document" || t == "section" || t == "chapter" || t == "slide") from = i;
  }
  std::string out;
  for (std::size_t i = from; i < path.size(); ++i) {
    if (path[i].type == "group" && i + 1 < path.size()) continue;
    if (!out.empty()) out += " › ";
    out += segment_text(path[i], lang);
  }
  return out;
}

std::string place(const diag::SourceLoc& loc) {
  std::string s = loc.file;
  if (loc.line > 0) s += ":" + std::to_string(loc.line);
  if (loc.col > 0) s += ":" + std::to_string(loc.col);
  return s;
}

const char* kind_word(ChangeKind k, Lang lang) {
  bool j = ja(lang);
  switch (k) {
    case ChangeKind::Added: return j ? "追加" : "added";
    case ChangeKind::Removed: return j ? "削除" : "removed";
    case ChangeKind::Moved: return j ? "移動" : "moved";
    case ChangeKind::Changed: return j ? "変更" : "changed";
  }
  return "";
}

const char* kind_key(ChangeKind k) {
  switch (k) {
    case ChangeKind::Added: return "added";
    case ChangeKind::Removed: return "removed";
    case ChangeKind::Moved: return "moved";
    case ChangeKind::Changed: return "changed";
  }
  return "";
}

std::string position(const Path& parent, std::size_t index, Lang lang) {
  std::string where = path_text(parent, lang);
  std::string n = std::to_string(index);
  if (ja(lang)) return where.empty() ? n + " 番目" : where + " の " + n + " 番目";
  return where.empty() ? "position " + n : "position " + n + " in " + where;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_side(const diag::SourceLoc& loc, const std::string* text) {
  std::string out = "{\"file\": " + json_string(loc.file) + ", \"line\": " + std::to_string(loc.line) +
                    ", \"column\": " + std::to_string(loc.col);
  if (text != nullptr) out += ", \"text\": " + json_string(*text);
  return out + "}";
}

}  // namespace

std::string describe(const Path& path, Lang lang) { return path_text(path, lang); }

std::string format_text(const std::vector<Change>& changes, const std::string& old_path,
                        const std::string& new_path, Lang lang) {
  bool j = ja(lang);
  std::string out;
  if (changes.empty()) {
    return j ? old_path + " と " + new_path + " の内容は同じです\n"
             : old_path + " and " + new_path + " say the same\n";
  }
  std::string n = std::to_string(changes.size());
  out += j ? old_path + " → " + new_path + ": 違いが " + n + " 件あります\n"
           : old_path + " → " + new_path + ": " + n + (changes.size() == 1 ? " difference\n" : " differences\n");
  for (const Change& c : changes) {
    out += "\n";
    out += std::string(kind_word(c.kind, lang)) + ": " + path_text(c.path, lang) + "\n";
    switch (c.kind) {
      case ChangeKind::Changed:
        if (!c.figures.empty()) {
          for (const auto& f : c.figures) out += "  " + f.old_text + " → " + f.new_text + "\n";
        } else {
          std::string a = one_line(c.old_text, lang), b = one_line(c.new_text, lang);
          if (text::utf8::to_u32(a).size() + text::utf8::to_u32(b).size() <= 60) {
            out += "  " + a + " → " + b + "\n";
          } else {
            out += std::string(j ? "  旧: " : "  old: ") + a + "\n";
            out += std::string(j ? "  新: " : "  new: ") + b + "\n";
          }
        }
        out += j ? "  （旧 " + place(c.old_loc) + " → 新 " + place(c.new_loc) + "）\n"
                 : "  (old " + place(c.old_loc) + " → new " + place(c.new_loc) + ")\n";
        break;
      case ChangeKind::Moved:
        if (path_text(c.old_parent, lang) == path_text(c.new_parent, lang)) {
          std::string parent = path_text(c.new_parent, lang), a = std::to_string(c.old_index),
                      b = std::to_string(c.new_index);
          out += j ? "  " + parent + " の中で " + a + " 番目 → " + b + " 番目\n"
                   : "  within " + parent + ": position " + a + " → " + b + "\n";
        } else {
          out += "  " + position(c.old_parent, c.old_index, lang) + " → " + position(c.new_parent, c.new_index, lang) + "\n";
        }
        out += j ? "  （旧 " + place(c.old_loc) + " → 新 " + place(c.new_loc) + "）\n"
                 : "  (old " + place(c.old_loc) + " → new " + place(c.new_loc) + ")\n";
        break;
      case ChangeKind::Added:
        out += j ? "  （新 " + place(c.new_loc) + "）\n" : "  (new " + place(c.new_loc) + ")\n";
        break;
      case ChangeKind::Removed:
        out += j ? "  （旧 " + place(c.old_loc) + "）\n" : "  (old " + place(c.old_loc) + ")\n";
        break;
    }
  }
  return out;
}

std::string format_json(const std::vector<Change>& changes, const std::string& old_path,
                        const std::string& new_path, Lang lang) {
  std::string out = "{\n  \"old\": " + json_string(old_path) + ",\n  \"new\": " + json_string(new_path) +
                    ",\n  \"same\": " + (changes.empty() ? "true" : "false") + ",\n  \"changes\": [";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    out += i == 0 ? "\n    {" : ",\n    {";
    out += "\"change\": " + json_string(kind_key(c.kind));
    out += ", \"where\": " + json_string(path_text(c.path, lang));
    out += ", \"path\": [";
    for (std::size_t k = 0; k < c.path.size(); ++k) {
      if (k > 0) out += ", ";
      out += "{\"type\": " + json_string(c.path[k].type) + ", \"name\": " +
             json_string(diag::text(c.path[k].name, lang)) + "}";
    }
    out += "]";
    bool texts = c.kind == ChangeKind::Changed;
    if (c.kind != ChangeKind::Added) out += ", \"old\": " + json_side(c.old_loc, texts ? &c.old_text : nullptr);
    if (c.kind != ChangeKind::Removed) out += ", \"new\": " + json_side(c.new_loc, texts ? &c.new_text : nullptr);
    if (!c.figures.empty()) {
      out += ", \"figures\": [";
      for (std::size_t k = 0; k < c.figures.size(); ++k) {
        if (k > 0) out += ", ";
        out += "{\"old\": " + json_string(c.figures[k].old_text) + ", \"new\": " + json_string(c.figures[k].new_text) + "}";
      }
      out += "]";
    }
    if (c.kind == ChangeKind::Moved) {
      out += ", \"from\": {\"parent\": " + json_string(path_text(c.old_parent, lang)) +
             ", \"index\": " + std::to_string(c.old_index) + "}";
      out += ", \"to\": {\"parent\": " + json_string(path_text(c.new_parent, lang)) +
             ", \"index\": " + std::to_string(c.new_index) + "}";
    }
    out += "}";
  }
  out += changes.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace plandeck::diff
