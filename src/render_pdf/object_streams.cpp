#include "render_pdf/object_streams.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "render_pdf/pdf_numbers.hpp"
#include "render_pdf/render_pdf.hpp"

namespace plandeck::render_pdf::detail {

namespace {

// Objects per object stream: a reader inflates a whole stream to reach one object, so
// streams stay moderate (an 18-slide tagged deck has about 1,000 objects, 60 KB of text);
// the more small dictionaries deflate together, the smaller they get.
constexpr std::size_t kObjectsPerStream = 1000;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<std::uint64_t> number(std::string_view s) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

struct Object {
  std::uint32_t number = 0;
  std::size_t offset = 0;
  std::string_view body;        // between "N 0 obj" and "endobj", trimmed
  std::string_view dict;        // streams: the dictionary; others: the whole body
  std::string_view stream;      // streams: from the keyword "stream" to "endstream" inclusive
  bool is_stream = false;
  bool dropped = false;         // a stream length written in place instead
};

// "N 0 R" references in `text` to each object (a conservative count: the text of a string
// that looks like a reference counts too, which only keeps an object that could go).
void count_references(std::string_view text, std::vector<int>& counts) {
  for (std::size_t at = text.find(" 0 R"); at != std::string_view::npos; at = text.find(" 0 R", at + 1)) {
    const std::size_t after = at + 4;
    if (after < text.size() && !is_space(text[after]) && text[after] != '/' && text[after] != ']' &&
        text[after] != '>') {
      continue;
    }
    std::size_t begin = at;
    while (begin > 0 && is_digit(text[begin - 1])) --begin;
    if (begin == at) continue;
    if (auto n = number(text.substr(begin, at - begin)); n && *n < counts.size()) ++counts[*n];
  }
}

void put_be(std::string& out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string deflated(Deflater& deflater, const std::string& data, int level) {
  const std::vector<unsigned char> packed =
      deflater.deflate(reinterpret_cast<const unsigned char*>(data.data()), data.size(), level);
  return std::string(packed.begin(), packed.end());
}

// The parsed file, or nothing when it is not laid out as libharu saves.
struct Parsed {
  char version = '3';                   // the x of %PDF-1.x
  std::string_view binary_comment;      // the second line, "%" and four high bytes
  std::vector<Object> objects;          // in file order
  std::string trailer_without_size;     // inside the trailer's << >>
  std::uint32_t size = 0;               // /Size: the highest object number + 1
};

std::optional<Parsed> parse(std::string_view pdf) {
  Parsed p;
  if (pdf.size() < 32 || pdf.substr(0, 7) != "%PDF-1." || !is_digit(pdf[7]) || pdf[8] != '\n') return std::nullopt;
  p.version = pdf[7];
  const std::size_t second = pdf.find('\n', 9);
  if (second == std::string_view::npos || pdf[9] != '%') return std::nullopt;
  p.binary_comment = pdf.substr(9, second - 9);

  const std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string_view::npos) return std::nullopt;
  std::size_t at = startxref + 9;
  while (at < pdf.size() && is_space(pdf[at])) ++at;
  std::size_t digits = at;
  while (digits < pdf.size() && is_digit(pdf[digits])) ++digits;
  const auto xref = number(pdf.substr(at, digits - at));
  if (!xref || *xref >= startxref || pdf.substr(*xref, 4) != "xref") return std::nullopt;

  // The table: subsections "first count", then 20-byte entries "oooooooooo ggggg n\r\n".
  at = *xref + 4;
  std::vector<std::pair<std::uint32_t, std::size_t>> in_use;  // number, offset
  for (;;) {
    while (at < pdf.size() && is_space(pdf[at])) ++at;
    if (pdf.substr(at, 7) == "trailer") break;
    const std::size_t eol = pdf.find('\n', at);
    if (eol == std::string_view::npos) return std::nullopt;
    const std::string_view line = trim(pdf.substr(at, eol - at));
    const std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    const auto first = number(line.substr(0, sp));
    const auto count = number(line.substr(sp + 1));
    if (!first || !count || *count > pdf.size() / 20) return std::nullopt;
    at = eol + 1;
    for (std::uint64_t i = 0; i < *count; ++i, at += 20) {
      if (at + 20 > pdf.size()) return std::nullopt;
      const std::string_view e = pdf.substr(at, 20);
      const auto offset = number(e.substr(0, 10));
      const auto gen = number(e.substr(11, 5));
      if (!offset || !gen || e[10] != ' ' || e[16] != ' ') return std::nullopt;
      const std::uint64_t n = *first + i;
      if (e[17] == 'n') {
        if (*gen != 0 || n == 0 || n > 0xFFFFFFu) return std::nullopt;  // libharu writes generation 0 only
        in_use.emplace_back(static_cast<std::uint32_t>(n), static_cast<std::size_t>(*offset));
      } else if (e[17] != 'f') {
        return std::nullopt;
      }
      p.size = std::max(p.size, static_cast<std::uint32_t>(n + 1));
    }
  }
  const std::size_t open = pdf.find("<<", at);
  const std::size_t close = pdf.rfind(">>", startxref);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
  const std::string_view trailer = pdf.substr(open + 2, close - open - 2);
  if (trailer.find("/Encrypt") != std::string_view::npos || trailer.find("/Prev") != std::string_view::npos ||
      trailer.find("/Root") == std::string_view::npos) {
    return std::nullopt;
  }
  // Everything but /Size goes to the cross-reference stream's dictionary.
  const std::size_t size_key = trailer.find("/Size");
  if (size_key == std::string_view::npos) return std::nullopt;
  std::size_t size_end = size_key + 5;
  while (size_end < trailer.size() && is_space(trailer[size_end])) ++size_end;
  while (size_end < trailer.size() && is_digit(trailer[size_end])) ++size_end;
  p.trailer_without_size = std::string(trailer.substr(0, size_key)) + std::string(trailer.substr(size_end));

  // Each object ends at the last "endobj" before the next object (stream data may hold
  // anything, "endobj" included, so the table's offsets bound the search).
  std::sort(in_use.begin(), in_use.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (std::size_t i = 0; i < in_use.size(); ++i) {
    const auto [n, offset] = in_use[i];
    const std::size_t limit = i + 1 < in_use.size() ? in_use[i + 1].second : static_cast<std::size_t>(*xref);
    const std::string head = std::to_string(n) + " 0 obj";
    if (offset >= limit || pdf.substr(offset, head.size()) != head) return std::nullopt;
    const std::size_t start = offset + head.size();
    const std::size_t end = pdf.substr(0, limit).rfind("endobj");
    if (end == std::string_view::npos || end < start) return std::nullopt;
    Object o;
    o.number = n;
    o.offset = offset;
    o.body = trim(pdf.substr(start, end - start));
    o.dict = o.body;
    if (o.body.size() >= 9 && o.body.substr(o.body.size() - 9) == "endstream") {
      // The dictionary ends at the first ">>" followed by the keyword "stream" and an EOL.
      std::size_t k = o.body.find(">>");
      for (; k != std::string_view::npos; k = o.body.find(">>", k + 2)) {
        std::size_t s = k + 2;
        while (s < o.body.size() && is_space(o.body[s])) ++s;
        if (o.body.substr(s, 6) == "stream" && s + 6 < o.body.size() &&
            (o.body[s + 6] == '\r' || o.body[s + 6] == '\n')) {
          o.dict = o.body.substr(0, k + 2);
          o.stream = o.body.substr(s);
          o.is_stream = true;
          break;
        }
      }
      if (!o.is_stream) return std::nullopt;
    }
    p.objects.push_back(o);
  }
  return p;
}

}  // namespace

std::string pack_object_streams(const std::string& input, Deflater& deflater, const AddedObjects& added) {
  std::optional<Parsed> parsed = parse(input);
  if (!parsed) {
    // Without its kept streams or added objects the file would lack data: never the case for
    // what libharu saves, so this is a bug, not a plan's fault.
    if (!deflater.kept().empty() || added) {
      throw Error("internal error: the saved PDF could not be read back for packing");
    }
    return input;
  }
  Parsed& p = *parsed;
  TextObjects extra;
  std::size_t added_count = 0;  // new objects, at the end of p.objects
  if (added) extra = added(p.size);
  for (const TextObjects::Entry& e : extra.entries) {
    const std::uint32_t number = e.number;
    const std::string_view body = std::string_view(extra.text).substr(e.offset, e.size);
    if (number < p.size) {
      const auto it = std::find_if(p.objects.begin(), p.objects.end(),
                                   [n = number](const Object& o) { return o.number == n; });
      if (it == p.objects.end() || it->is_stream) {
        throw Error("internal error: object " + std::to_string(number) + " is not a placeholder in the saved PDF");
      }
      it->body = it->dict = body;
    } else if (number == p.size) {
      Object o;
      o.number = number;
      o.body = o.dict = body;
      p.objects.push_back(o);
      ++p.size;
      ++added_count;
    } else {
      throw Error("internal error: added object " + std::to_string(number) + " is not numbered in sequence");
    }
  }
  for (const auto& [number, data] : deflater.kept()) {
    const auto it = std::find_if(p.objects.begin(), p.objects.end(),
                                 [n = number](const Object& o) { return o.number == n; });
    if (it == p.objects.end() || !it->is_stream || trim(it->stream.substr(6, it->stream.size() - 15)).size() != 0) {
      throw Error("internal error: stream object " + std::to_string(number) + " is not an empty stream in the saved PDF");
    }
  }

  // By object number (numbers are below /Size): the objects, and the references to each.
  std::vector<Object*> by_number(p.size, nullptr);
  for (Object& o : p.objects) by_number[o.number] = &o;
  std::vector<int> references(p.size, 0);
  count_references(p.trailer_without_size, references);
  // Only libharu's objects: the counts decide whether a length object (a bare integer that
  // libharu wrote for a stream) can go, and added objects never refer to one (the structure
  // tree refers to its own elements, pages and annotations).
  const std::size_t added_from = p.objects.size() - added_count;
  for (std::size_t i = 0; i < added_from; ++i) count_references(p.objects[i].dict, references);

  // Stream lengths in place: "/Length N 0 R" where object N is a bare integer, or the
  // length of the kept data.
  std::map<std::uint32_t, std::string> stream_dicts;
  for (Object& o : p.objects) {
    if (!o.is_stream) continue;
    std::string dict(o.dict);
    const auto kept = deflater.kept().find(o.number);
    const std::size_t key = dict.find("/Length ");
    bool in_place = false;
    if (key != std::string::npos) {
      std::size_t a = key + 8, b = a;
      while (b < dict.size() && is_digit(dict[b])) ++b;
      const auto value = number(std::string_view(dict).substr(a, b - a));
      const bool reference = value && dict.compare(b, 4, " 0 R") == 0;
      Object* const target = reference && *value < by_number.size() ? by_number[*value] : nullptr;
      const bool length_object = target != nullptr && !target->is_stream && number(target->body);
      if (length_object || (value && !reference)) {
        const std::size_t end = reference ? b + 4 : b;
        if (kept != deflater.kept().end()) {
          dict.replace(a, end - a, std::to_string(kept->second.size()));
          in_place = true;
        } else if (length_object) {
          dict.replace(a, end - a, std::string(target->body));
        }
        if (length_object && references[target->number] == 1) target->dropped = true;
      }
    }
    if (kept != deflater.kept().end() && !in_place) {
      throw Error("internal error: the length of stream object " + std::to_string(o.number) + " cannot be set");
    }
    stream_dicts[o.number] = std::move(dict);
  }

  std::string out;
  std::size_t kept_bytes = 0;
  for (const auto& [number, data] : deflater.kept()) kept_bytes += data.size();
  out.reserve(input.size() + kept_bytes);
  out += "%PDF-1.";
  out += std::max(p.version, '5');
  out += '\n';
  out += p.binary_comment;
  out += '\n';

  // Per object number: type (0 free, 1 at an offset, 2 in an object stream) and two fields.
  struct Entry {
    int type = 0;
    std::uint64_t field2 = 0, field3 = 0;
  };
  std::vector<Entry> xref(p.size);
  for (const Object& o : p.objects) {
    if (!o.is_stream) continue;
    xref[o.number] = {1, out.size(), 0};
    out += std::to_string(o.number) + " 0 obj\n";
    out += stream_dicts[o.number];
    out += '\n';
    if (const auto kept = deflater.kept().find(o.number); kept != deflater.kept().end()) {
      out += "stream\r\n";
      out.append(reinterpret_cast<const char*>(kept->second.data()), kept->second.size());
      out += "\nendstream";
    } else {
      out += o.stream;
    }
    out += "\nendobj\n";
  }

  std::vector<const Object*> packed;
  for (const Object& o : p.objects)
    if (!o.is_stream && !o.dropped) packed.push_back(&o);
  std::sort(packed.begin(), packed.end(), [](const Object* a, const Object* b) { return a->number < b->number; });
  std::uint32_t next = p.size;
  for (std::size_t from = 0; from < packed.size(); from += kObjectsPerStream) {
    const std::size_t to = std::min(packed.size(), from + kObjectsPerStream);
    const std::uint32_t stream_number = next++;
    std::string header, bodies;
    std::size_t body_bytes = 0;
    for (std::size_t i = from; i < to; ++i) body_bytes += packed[i]->body.size() + 1;
    header.reserve(16 * (to - from));
    bodies.reserve(body_bytes);
    for (std::size_t i = from; i < to; ++i) {
      append_decimal(header, packed[i]->number);
      header += ' ';
      append_decimal(header, bodies.size());
      header += ' ';
      bodies += packed[i]->body;
      bodies += '\n';
      xref[packed[i]->number] = {2, stream_number, i - from};
    }
    header.back() = '\n';
    const std::string data = deflated(deflater, header + bodies, kObjectStreamLevel);
    xref.push_back({1, out.size(), 0});
    out += std::to_string(stream_number) + " 0 obj\n<<\n/Type /ObjStm\n/N " + std::to_string(to - from) +
           "\n/First " + std::to_string(header.size()) + "\n/Filter /FlateDecode\n/Length " +
           std::to_string(data.size()) + "\n>>\nstream\r\n";
    out += data;
    out += "\nendstream\nendobj\n";
  }

  // The free list: object 0, then the numbers of dropped lengths and unused numbers.
  const std::uint32_t xref_number = next++;
  xref.push_back({1, out.size(), 0});
  std::vector<std::uint32_t> free_numbers;
  for (std::uint32_t n = 1; n < p.size; ++n)
    if (xref[n].type == 0) free_numbers.push_back(n);
  xref[0] = {0, free_numbers.empty() ? 0 : free_numbers.front(), 65535};
  for (std::size_t i = 0; i < free_numbers.size(); ++i)
    xref[free_numbers[i]] = {0, i + 1 < free_numbers.size() ? free_numbers[i + 1] : 0, 1};
  // Rows of 1 + 4 + 2 bytes, each preceded by PNG filter 2 ("Up": the difference from the
  // row above), which turns the ascending offsets into small, repetitive bytes.
  constexpr std::size_t kRow = 7;
  std::string table;
  table.reserve(xref.size() * (kRow + 1));
  std::string row, above(kRow, '\0');
  for (const Entry& e : xref) {
    row.clear();
    put_be(row, static_cast<std::uint64_t>(e.type), 1);
    put_be(row, e.field2, 4);
    put_be(row, e.field3, 2);
    table += '\2';
    for (std::size_t k = 0; k < kRow; ++k) table += static_cast<char>(static_cast<unsigned char>(row[k] - above[k]));
    above = row;
  }
  const std::string data = deflated(deflater, table, kXrefStreamLevel);
  out += std::to_string(xref_number) + " 0 obj\n<<\n/Type /XRef\n/Size " + std::to_string(next) +
         "\n/W [ 1 4 2 ]\n" + std::string(trim(p.trailer_without_size)) +
         "\n/Filter /FlateDecode\n/DecodeParms << /Columns 7 /Predictor 12 >>\n/Length " +
         std::to_string(data.size()) + "\n>>\nstream\r\n";
  out += data;
  out += "\nendstream\nendobj\nstartxref\n" + std::to_string(xref[xref_number].field2) + "\n%%EOF\n";
  return out;
}

}  // namespace plandeck::render_pdf::detail
