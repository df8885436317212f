// Internal: strict UTF-8 decoding for the renderer.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace plandeck::render_pdf::detail {

// Decodes UTF-8. Returns nullopt on malformed input (overlong forms, surrogates,
// truncated sequences, code points above U+10FFFF); `bad_offset` gets the byte offset.
std::optional<std::vector<char32_t>> decode_utf8(const std::string& s, std::size_t* bad_offset);

// "U+4E00 '一'" style description for messages.
std::string describe_code_point(char32_t cp);

}  // namespace plandeck::render_pdf::detail
