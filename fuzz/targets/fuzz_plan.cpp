// fuzz_plan: arbitrary bytes as a plan file -> input::load_plan_text. The loader must
// return a plan or report errors (never both, never neither), never crash or hang, and
// every diagnostic must point into the file it names. Nothing else is run on the result.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"

namespace in = plandeck::input;
namespace dg = plandeck::diag;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_plan: invariant violated: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = "fuzz.yaml";
  std::string text(reinterpret_cast<const char*>(data), size);
  // Upper bound of the line count whatever YAML counts as a line break (LF, CR, NEL, LS, PS).
  std::size_t lines = 1;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    lines += c == '\n' || c == '\r' || (c == 0x85 && k > 0 && text[k - 1] == '\xC2') ||
             ((c == 0xA8 || c == 0xA9) && k > 1 && text[k - 1] == '\x80' && text[k - 2] == '\xE2');
  }
  dg::SourceMap sources;
  dg::Diagnostics diags;
  const std::optional<plandeck::model::Plan> plan = in::load_plan_text(path, std::move(text), sources, diags);
  if (plan.has_value() == diags.has_errors())
    fail(plan ? "a plan was returned together with errors" : "no plan and no error reported");
  for (const dg::Diagnostic& d : diags.items()) {
    if (d.message.en.empty() || d.message.ja.empty()) fail("a diagnostic without a message");
    if (d.loc.line < 0 || d.loc.col < 0) fail("a negative location");
    if (d.loc.known() && (d.loc.file != path || static_cast<std::size_t>(d.loc.line) > lines))
      fail("a diagnostic points outside the file: " + d.loc.file + ":" + std::to_string(d.loc.line));
  }
  return 0;
}
