// fuzz_layout: arbitrary bytes as a layout file -> input::load_layout_text. Like plans, a
// layout is loaded or rejected with located errors, never both, never neither; no crash,
// no hang. A loaded layout must hold sane numbers (the loader's range checks).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/layout_loader.hpp"

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_layout: invariant violated: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = "fuzz-layout.yaml";
  plandeck::diag::SourceMap sources;
  plandeck::diag::Diagnostics diags;
  auto layout = plandeck::input::load_layout_text(
      path, std::string(reinterpret_cast<const char*>(data), size), sources, diags);
  if (layout.has_value() == diags.has_errors())
    fail(layout ? "a layout was returned together with errors" : "no layout and no error reported");
  for (const auto& d : diags.items()) {
    if (d.message.en.empty() || d.message.ja.empty()) fail("a diagnostic without a message");
    if (d.loc.known() && d.loc.file != path) fail("a diagnostic names another file: " + d.loc.file);
  }
  if (layout) {
    if (!(layout->frame.width > 0) || !(layout->frame.height > 0) ||
        !std::isfinite(layout->frame.width) || !std::isfinite(layout->frame.height)) {
      fail("a loaded layout with a degenerate page");
    }
  }
  return 0;
}
