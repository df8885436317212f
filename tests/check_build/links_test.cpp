// URLs and e-mail addresses wider than their boxes (tests/fixtures/plans/warn/long_urls.yaml):
// printed whole, broken inside the address, with a located warning; an ordinary word as wide
// in the same place is still refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "support/process.hpp"

using namespace plandeck::testing;
using namespace std::chrono_literals;

namespace {

const std::string kUrl =
    "https://docs.google.com/forms/d/e/1FAIpQLSfXyzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789/viewform";
const std::string kMail = "kenchodigitalsuishinmadoguchi@pref.hiroshima.lg.jp";

std::string fixture() { return source_dir() + "/tests/fixtures/plans/warn/long_urls.yaml"; }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The fixture's text with `from` replaced, written as <dir>/long_urls.yaml.
std::string planted(const std::string& dir, const std::string& from, const std::string& to) {
  const std::string plan = dir + "/long_urls.yaml";
  write_file(plan, replaced(read_file(fixture()), from, to));
  return plan;
}

ProcessOptions bounded() {
  ProcessOptions o;
  o.timeout = time_bound(60s);
  return o;
}

}  // namespace

TEST_CASE("a long URL in a table cell and an e-mail address in a panel are printed whole, with warnings",
          "[check_build][links]") {
  const std::string out = scratch_dir("links-build");
  ProcessResult build = run_process({plandeck_bin(), "build", fixture(), "-o", out}, bounded());
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(build.err.find(fixture() + ":59:31: warning: ") != std::string::npos);  // the cell's text
  CHECK(build.err.find(fixture() + ":37:21: warning: ") != std::string::npos);  // the panel item
  CHECK(build.err.find("table.groups[1].rows[1]") != std::string::npos);
  CHECK(build.err.find("panel[3].items") != std::string::npos);
  CHECK(build.err.find(": error: ") == std::string::npos);

  // Poppler reads every character back; the break inside each address is a line break of
  // the text, so the lines are joined before looking.
  ProcessResult text = run_process({"/usr/bin/pdftotext", "-raw", "-enc", "UTF-8", out + "/long_urls.pdf", "-"});
  REQUIRE(text.exit_code == 0);
  std::string joined = text.out;
  joined.erase(std::remove(joined.begin(), joined.end(), '\n'), joined.end());
  CHECK(joined.find(kUrl) != std::string::npos);
  CHECK(joined.find(kMail) != std::string::npos);
  CHECK(text.out.find(kUrl) == std::string::npos);  // it was broken: the box is narrower

  ProcessResult en = run_process({plandeck_bin(), "--lang", "en", "check", fixture()}, bounded());
  CHECK(en.exit_code == 0);
  CHECK(en.err.find("a URL or e-mail address in table.groups[1].rows[1] is wider than its box") !=
        std::string::npos);

  ProcessResult strict = run_process({plandeck_bin(), "check", "--werror", fixture()}, bounded());
  CHECK(strict.exit_code == 1);
}

TEST_CASE("an ordinary word as wide as the URL or the address is still refused", "[check_build][links]") {
  // The same places, the same lengths, no address: an emergency break there would cut a word.
  const std::string word_for_url(kUrl.size(), 'W');
  const std::string word_for_mail = "kenchodigitalsuishinmadoguchiprefhiroshimalgjpxyz";
  for (const auto& [from, to, where, box] :
       {std::tuple<std::string, std::string, std::string, std::string>{kUrl, word_for_url, ":59:31: error: ",
                                                                      "table.groups[1].rows[1]"},
        std::tuple<std::string, std::string, std::string, std::string>{kMail, word_for_mail, ":37:21: error: ",
                                                                      "panel[3].items"}}) {
    const std::string dir = scratch_dir("links-word-" + box.substr(0, 5));
    const std::string plan = planted(dir, from, to);
    const std::string out = dir + "/out";
    ProcessResult check = run_process({plandeck_bin(), "check", plan}, bounded());
    ProcessResult build = run_process({plandeck_bin(), "build", plan, "-o", out}, bounded());
    INFO(check.err);
    CHECK(check.exit_code == 1);
    CHECK(build.exit_code == 1);
    CHECK(check.err.find(plan + where) != std::string::npos);
    CHECK(check.err.find(box + " に枠の幅に収まらない語があります") != std::string::npos);
    CHECK(listing(out).empty());
  }
}

TEST_CASE("an address and a word too wide in one box: the word makes it an error", "[check_build][links]") {
  const std::string dir = scratch_dir("links-mixed");
  const std::string plan = planted(dir, kMail, kMail + " " + std::string(50, 'W'));
  ProcessResult check = run_process({plandeck_bin(), "check", plan}, bounded());
  INFO(check.err);
  CHECK(check.exit_code == 1);
  CHECK(check.err.find(plan + ":37:21: error: ") != std::string::npos);
  CHECK(check.err.find("panel[3].items に枠の幅に収まらない語があります") != std::string::npos);
}
