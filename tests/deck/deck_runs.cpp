#include "deck_runs.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

#include "pdf_readers.hpp"
#include "support/process.hpp"

namespace deck {

using namespace plandeck::testing;

std::string read_with(std::vector<std::string> argv) {
  std::string path = find_tool(argv[0]);
  INFO("the PDF reader " << argv[0] << " is not installed (poppler-utils / qpdf): the deck "
                         << "cannot be checked without it");
  REQUIRE_FALSE(path.empty());
  std::string shown;
  for (const auto& a : argv) shown += a + " ";
  argv[0] = path;
  ProcessResult r = run_process(argv);
  INFO(shown << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  return r.out;
}

std::string build_default(const std::string& scratch) {
  std::string dir = scratch_dir(scratch);
  ProcessResult r = run_process({plandeck_bin(), "build", default_plan(), "-o", dir}, with_epoch());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string pdf = dir + "/hiroshima-dx-r3-r5.pdf";
  REQUIRE(std::filesystem::exists(pdf));
  return pdf;
}

}  // namespace deck
