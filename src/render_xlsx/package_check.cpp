#include "render_xlsx/package_check.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libdeflate.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "render_xlsx/workbook.hpp"

namespace plandeck::render_xlsx {

namespace {

// Zip record signatures and sizes (PKWARE APPNOTE 4.3).
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;
constexpr std::uint16_t kEncrypted = 0x0001;
constexpr std::uint16_t kDataDescriptor = 0x0008;  // sizes and CRC follow the data instead
constexpr std::uint16_t kStored = 0, kDeflated = 8;

// Far above any workbook plandeck writes; refuses absurd sizes from a damaged header
// before memory is reserved for them.
constexpr std::uint32_t kMaxPartSize = 1u << 30;
constexpr std::size_t kMaxFileSize = std::size_t{1} << 31;

[[noreturn]] void damaged(const std::string& what) {
  throw Error("workbook: the written file is not a complete workbook: " + what);
}

class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}
  std::size_t size() const { return data_.size(); }
  bool has(std::size_t at, std::size_t n) const { return at <= data_.size() && n <= data_.size() - at; }
  std::uint16_t u16(std::size_t at) const {
    need(at, 2);
    return static_cast<std::uint16_t>(byte(at) | byte(at + 1) << 8);
  }
  std::uint32_t u32(std::size_t at) const {
    need(at, 4);
    return byte(at) | byte(at + 1) << 8 | byte(at + 2) << 16 | byte(at + 3) << 24;
  }
  std::string_view view(std::size_t at, std::size_t n) const {
    need(at, n);
    return data_.substr(at, n);
  }

 private:
  std::uint32_t byte(std::size_t at) const { return static_cast<unsigned char>(data_[at]); }
  void need(std::size_t at, std::size_t n) const {
    if (!has(at, n)) damaged("a zip record runs past the end of the file (cut short?)");
  }
  std::string_view data_;
};

// An inflated part, in a buffer of its own (not zero-filled first: the inflater writes
// every byte of it).
struct Part {
  std::unique_ptr<char[]> bytes;
  std::size_t size = 0;
  std::string_view view() const { return {bytes.get(), size}; }
};

struct Entry {
  std::string name;
  std::uint16_t method = 0;
  std::uint32_t crc = 0, compressed = 0, size = 0, local_offset = 0;
};

std::size_t find_end_record(const Bytes& zip) {
  if (zip.size() < kEndSize) damaged("too short to be a zip file");
  const std::size_t lowest = zip.size() > kEndSize + 0xFFFF ? zip.size() - kEndSize - 0xFFFF : 0;
  for (std::size_t at = zip.size() - kEndSize + 1; at-- > lowest;) {
    if (zip.u32(at) == kEndSignature && at + kEndSize + zip.u16(at + 20) == zip.size()) return at;
  }
  damaged("no zip end record (the file is cut short or not a zip file)");
}

std::vector<Entry> read_central_directory(const Bytes& zip) {
  const std::size_t end = find_end_record(zip);
  const std::uint16_t disk = zip.u16(end + 4), cd_disk = zip.u16(end + 6);
  const std::uint16_t on_disk = zip.u16(end + 8), total = zip.u16(end + 10);
  const std::uint32_t cd_size = zip.u32(end + 12), cd_offset = zip.u32(end + 16);
  if (disk != 0 || cd_disk != 0 || on_disk != total) damaged("a multi-part zip file");
  if (cd_offset == 0xFFFFFFFFu || total == 0xFFFF) damaged("a zip64 file (not expected here)");
  if (std::size_t{cd_offset} + cd_size != end) damaged("the central directory is not where the end record says");

  std::vector<Entry> entries;
  std::size_t at = cd_offset;
  for (std::uint16_t i = 0; i < total; ++i) {
    if (zip.u32(at) != kCentralSignature) damaged("central directory entry " + std::to_string(i + 1) + " is broken");
    Entry e;
    const std::uint16_t flags = zip.u16(at + 8);
    e.method = zip.u16(at + 10);
    e.crc = zip.u32(at + 16);
    e.compressed = zip.u32(at + 20);
    e.size = zip.u32(at + 24);
    const std::uint16_t name_len = zip.u16(at + 28), extra_len = zip.u16(at + 30), comment_len = zip.u16(at + 32);
    e.local_offset = zip.u32(at + 42);
    e.name = std::string(zip.view(at + kCentralSize, name_len));
    if (flags & kEncrypted) damaged(e.name + " is encrypted");
    at += kCentralSize + name_len + extra_len + comment_len;
    if (at > end) damaged("the central directory overruns its size");
    entries.push_back(std::move(e));
  }
  if (at != end) damaged("the central directory holds more than its entries");
  return entries;
}

// Inflates a part with libdeflate, a decoder of its own (the file was deflated by zlib).
class Inflater {
 public:
  Inflater() : d_(libdeflate_alloc_decompressor()) {
    if (d_ == nullptr) damaged("no memory to read the parts");
  }
  ~Inflater() { libdeflate_free_decompressor(d_); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  Part part(std::string_view data, const Entry& e) const {
    if (e.size > kMaxPartSize) damaged(e.name + " claims an impossible size");
    Part out;
    if (e.method == kStored) {
      if (e.compressed != e.size) damaged(e.name + ": stored sizes disagree");
      out.bytes.reset(new char[data.size()]);
      out.size = data.size();
      std::memcpy(out.bytes.get(), data.data(), data.size());
      return out;
    }
    if (e.method != kDeflated) damaged(e.name + ": unknown compression method " + std::to_string(e.method));
    const std::size_t room = std::size_t{e.size} + 1;  // one byte more shows an overlong part
    out.bytes.reset(new char[room]);
    std::size_t used_in = 0, produced = 0;
    const libdeflate_result rc = libdeflate_deflate_decompress_ex(d_, data.data(), data.size(), out.bytes.get(),
                                                                  room, &used_in, &produced);
    if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) damaged(e.name + ": inflates to more than " + std::to_string(e.size) + " bytes");
    if (rc != LIBDEFLATE_SUCCESS) damaged(e.name + ": the compressed data is damaged or cut short");
    if (produced != e.size) damaged(e.name + ": inflates to " + std::to_string(produced) + " bytes, not " + std::to_string(e.size));
    if (used_in != data.size()) damaged(e.name + ": data follows the end of the compressed stream");
    out.size = e.size;
    return out;
  }

 private:
  libdeflate_decompressor* d_;
};

std::map<std::string, Part> read_parts(std::string_view bytes) {
  const Bytes zip(bytes);
  const Inflater inflater;
  std::map<std::string, Part> parts;
  for (const Entry& e : read_central_directory(zip)) {
    const std::size_t lo = e.local_offset;
    if (zip.u32(lo) != kLocalSignature) damaged(e.name + ": its local header is missing");
    const std::uint16_t flags = zip.u16(lo + 6), method = zip.u16(lo + 8);
    const std::uint16_t name_len = zip.u16(lo + 26), extra_len = zip.u16(lo + 28);
    if (zip.view(lo + kLocalSize, name_len) != e.name) damaged(e.name + ": the local header names another part");
    if (method != e.method) damaged(e.name + ": the local header disagrees on the compression");
    if (!(flags & kDataDescriptor) &&
        (zip.u32(lo + 14) != e.crc || zip.u32(lo + 18) != e.compressed || zip.u32(lo + 22) != e.size)) {
      damaged(e.name + ": the local header disagrees on the sizes or CRC");
    }
    const std::size_t data_at = lo + kLocalSize + name_len + extra_len;
    if (!zip.has(data_at, e.compressed)) damaged(e.name + ": its data runs past the end of the file");
    Part data = inflater.part(zip.view(data_at, e.compressed), e);
    const std::uint32_t crc = libdeflate_crc32(0, data.bytes.get(), data.size);
    if (crc != e.crc) damaged(e.name + ": CRC-32 mismatch (the data is damaged)");
    if (!parts.emplace(e.name, std::move(data)).second) damaged(e.name + " is in the file twice");
  }
  return parts;
}

// The parts [Content_Types].xml declares (PartName="/xl/…"), without the leading slash.
std::vector<std::string> declared_parts(std::string_view content_types) {
  std::vector<std::string> names;
  const std::string_view key = "PartName=\"/";
  for (std::size_t at = content_types.find(key); at != std::string_view::npos; at = content_types.find(key, at)) {
    at += key.size();
    const std::size_t quote = content_types.find('"', at);
    if (quote == std::string_view::npos) break;
    names.emplace_back(content_types.substr(at, quote - at));
  }
  return names;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The first byte of p[from, size) that is one of Cs, or `size`: sixteen bytes at a time
// where SSE2 is there (every x86-64), one at a time elsewhere and for the last few.
template <char... Cs>
std::size_t find_first_of(const char* p, std::size_t from, std::size_t size) {
#if defined(__SSE2__)
  while (size - from >= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + from));
    const int hits = _mm_movemask_epi8((_mm_cmpeq_epi8(block, _mm_set1_epi8(Cs)) | ...));
    if (hits != 0) return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(hits)));
    from += 16;
  }
#endif
  while (from < size && ((p[from] != Cs) && ...)) ++from;
  return from;
}

// xml_structure_problem(): one pass over the part, a few instructions per byte and no
// allocation per element (the open elements are views into `doc`).
std::string structure_problem(std::string_view doc) {
  const char* const p = doc.data();
  const std::size_t size = doc.size();
  std::vector<std::string_view> open;
  bool root_seen = false, root_closed = false;
  std::size_t i = 0;
  while (i < size) {
    // Most tags follow the previous one directly.
    const std::size_t lt = p[i] == '<' ? i : find_first_of<'<'>(p, i, size);
    if (open.empty()) {
      for (std::size_t k = i; k < lt; ++k) {
        if (!is_space(doc[k])) return root_seen ? "text after the root element" : "text before the root element";
      }
    }
    if (lt == size) break;
    const char kind = lt + 1 < size ? doc[lt + 1] : '\0';
    if (kind == '?' || kind == '!') {
      auto skip_to = [&](std::string_view terminator) {
        const std::size_t end = doc.find(terminator, lt);
        return end == std::string_view::npos ? end : end + terminator.size();
      };
      std::size_t next = std::string_view::npos;
      if (kind == '?') {
        next = skip_to("?>");
      } else if (doc.compare(lt, 4, "<!--") == 0) {
        next = skip_to("-->");
      } else if (doc.compare(lt, 9, "<![CDATA[") == 0) {
        if (open.empty()) return "character data outside the root element";
        next = skip_to("]]>");
      } else {
        next = skip_to(">");
      }
      if (next == std::string_view::npos) return "cut short inside a declaration or comment";
      i = next;
      continue;
    }
    const bool closing = kind == '/';
    std::size_t j = lt + (closing ? 2 : 1);
    const std::size_t name_at = j;
    while (j < size && !is_space(doc[j]) && doc[j] != '/' && doc[j] != '>' && doc[j] != '<') ++j;
    const std::string_view name = doc.substr(name_at, j - name_at);
    // To the tag's '>', over quoted attribute values (which may hold '<' and '>').
    for (;;) {
      j = find_first_of<'"', '\'', '<', '>'>(p, j, size);
      if (j == size || doc[j] == '>') break;
      if (doc[j] == '<') return "a tag is cut off";
      j = doc[j] == '"' ? find_first_of<'"'>(p, j + 1, size) : find_first_of<'\''>(p, j + 1, size);
      if (j == size) return "cut short inside a tag";
      ++j;
    }
    if (j == size) return "cut short inside a tag";
    if (name.empty()) return "a tag without a name";
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + std::string(name) + "> closes nothing that is open";
      open.pop_back();
      if (open.empty()) root_closed = true;
    } else {
      if (root_closed) return "a second root element <" + std::string(name) + ">";
      root_seen = true;
      if (doc[j - 1] != '/') {
        open.push_back(name);
      } else if (open.empty()) {
        root_closed = true;
      }
    }
    i = j + 1;
  }
  if (!root_seen) return "no element at all";
  if (!open.empty()) return "cut short: <" + std::string(open.back()) + "> is never closed";
  return "";
}

}  // namespace

std::string xml_structure_problem(const std::string& xml) { return structure_problem(xml); }

namespace {

void verify_bytes(std::string_view bytes, std::size_t sheet_count) {
  const std::map<std::string, Part> parts = read_parts(bytes);
  std::vector<std::string> expected = {"[Content_Types].xml", "_rels/.rels", "docProps/app.xml",
                                       "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                       "xl/styles.xml", "xl/theme/theme1.xml"};
  for (std::size_t n = 1; n <= sheet_count; ++n) expected.push_back("xl/worksheets/sheet" + std::to_string(n) + ".xml");
  if (auto types = parts.find("[Content_Types].xml"); types != parts.end()) {
    for (std::string& name : declared_parts(types->second.view())) expected.push_back(std::move(name));
  }
  for (const std::string& name : expected) {
    if (parts.count(name) == 0) damaged("the part " + name + " is missing");
  }
  for (const auto& [name, data] : parts) {
    if (data.size == 0) damaged("the part " + name + " is empty (was the disk full?)");
    if (ends_with(name, ".xml") || ends_with(name, ".rels")) {
      const std::string problem = structure_problem(data.view());
      if (!problem.empty()) damaged("the part " + name + " is incomplete: " + problem + " (was the disk full?)");
    }
  }
}

}  // namespace

void verify_package_bytes(const std::string& bytes, std::size_t sheet_count) { verify_bytes(bytes, sheet_count); }

void verify_package(const std::string& path, std::size_t sheet_count) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw Error("workbook: reading the written file back: " + std::string(std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) > kMaxFileSize) {
    ::close(fd);
    throw Error("workbook: reading the written file back: not a regular file of a sensible size");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  const std::unique_ptr<char[]> bytes(new char[size]);  // read() fills it: no zero-filling first
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, bytes.get() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      throw Error("workbook: reading the written file back: " + std::string(std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  verify_bytes(std::string_view(bytes.get(), size), sheet_count);
}

}  // namespace plandeck::render_xlsx
