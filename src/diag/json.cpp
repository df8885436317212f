#include "diag/json.hpp"

#include <cstdio>

namespace plandeck::diag {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string to_json(const Diagnostic& d, Lang lang) {
  auto number = [](int n) { return n > 0 ? std::to_string(n) : std::string("null"); };
  std::string out = "{\"file\": " + json_string(d.loc.file);
  out += ", \"line\": " + number(d.loc.line);
  out += ", \"column\": " + number(d.loc.known() ? d.loc.col : 0);
  out += std::string(", \"severity\": ") +
         (d.severity == Severity::Error ? "\"error\"" : d.severity == Severity::Warning ? "\"warning\"" : "\"note\"");
  out += ", \"code\": " + json_string(code_of(d));
  out += ", \"message\": " + json_string(text(d.message, lang));
  out += ", \"hint\": " + (d.hint ? json_string(text(*d.hint, lang)) : std::string("null"));
  return out + "}";
}

std::string to_json(const Diagnostics& ds, Lang lang, int indent) {
  if (ds.empty()) return "[]";
  std::string pad(static_cast<std::size_t>(indent > 0 ? indent : 0), ' ');
  std::string out = "[\n";
  for (std::size_t i = 0; i < ds.items().size(); ++i) {
    out += pad + "  " + to_json(ds.items()[i], lang);
    out += i + 1 < ds.items().size() ? ",\n" : "\n";
  }
  return out + pad + "]";
}

}  // namespace plandeck::diag
