// The check = build property on generated plans (plan_generator.hpp), through the real
// pipeline in-process (cli::run, as main() calls it): for every plan, `check` and `build`
// end with the same code; when it is 0, build wrote a PDF that qpdf accepts and a workbook
// whose every XML part parses; when it is 1, build wrote nothing. No plan may end in 3
// ("environment"): that would be something check let through and a library refused.
//
// PLANDECK_PROPERTY_PLANS (default 40) sets how many plans; PLANDECK_PROPERTY_SEED the seed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "plan_generator.hpp"
#include "support/process.hpp"

using namespace plandeck;
using namespace plandeck::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

unsigned long from_env(const char* name, unsigned long fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoul(v, nullptr, 10) : fallback;
}

struct Outcome {
  int code = -1;
  std::string err;
};

Outcome run(cli::Command command, const std::string& plan, const std::string& out_dir) {
  cli::Options o;
  o.command = command;
  o.plans = {plan};
  o.output_dir = out_dir;
  o.lang = diag::Lang::En;
  o.source_date_epoch = 1700000000;
  std::ostringstream out, err;
  Outcome r;
  r.code = cli::run(o, out, err);
  r.err = err.str();
  return r;
}

// Parses every XML part of every workbook with Python's strict parser (one process).
void check_workbooks(const std::vector<std::string>& files) {
  if (files.empty()) return;
  std::string script =
      "import sys, zipfile, xml.dom.minidom\n"
      "for f in sys.argv[1:]:\n"
      "    z = zipfile.ZipFile(f)\n"
      "    assert z.testzip() is None, f\n"
      "    for n in z.namelist():\n"
      "        if n.endswith('.xml') or n.endswith('.rels'):\n"
      "            try:\n"
      "                xml.dom.minidom.parseString(z.read(n))\n"
      "            except Exception as e:\n"
      "                sys.exit(f'{f}: {n}: {e}')\n"
      "print('ok', len(sys.argv) - 1)\n";
  std::vector<std::string> argv = {"/usr/bin/python3", "-c", script};
  argv.insert(argv.end(), files.begin(), files.end());
  ProcessOptions po;
  po.timeout = time_bound(120s);
  ProcessResult r = run_process(argv, po);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "ok " + std::to_string(files.size()) + "\n");
}

}  // namespace

TEST_CASE("whatever check accepts build writes, and what check refuses build refuses", "[check_build][property]") {
  const unsigned long plans = from_env("PLANDECK_PROPERTY_PLANS", 40);
  const auto seed = static_cast<std::uint32_t>(from_env("PLANDECK_PROPERTY_SEED", 20261128));
  PlanGenerator gen(seed);
  std::string dir = scratch_dir("check-build-property");
  std::vector<std::string> workbooks;
  unsigned long accepted = 0, refused = 0;
  for (unsigned long i = 0; i < plans; ++i) {
    std::string plan = dir + "/plan" + std::to_string(i) + ".yaml";
    write_file(plan, gen.plan());
    std::string out = dir + "/out" + std::to_string(i);
    INFO("plan " << plan << " (seed " << seed << ", plan " << i << ")");
    Outcome check = run(cli::Command::Check, plan, out);
    Outcome build = run(cli::Command::Build, plan, out);
    INFO("check says: " << check.err.substr(0, 800));
    INFO("build says: " << build.err.substr(0, 800));
    REQUIRE((check.code == cli::kSuccess || check.code == cli::kInvalidInput));
    REQUIRE(build.code == check.code);
    const std::string pdf = out + "/plan" + std::to_string(i) + ".pdf";
    const std::string xlsx = out + "/plan" + std::to_string(i) + ".xlsx";
    if (check.code == cli::kSuccess) {
      ++accepted;
      REQUIRE(fs::exists(pdf));
      REQUIRE(fs::exists(xlsx));
      ProcessResult q = run_process({"/usr/bin/qpdf", "--check", pdf});
      INFO(q.out << q.err);
      CHECK(q.exit_code == 0);
      workbooks.push_back(xlsx);
    } else {
      ++refused;
      CHECK_FALSE(fs::exists(pdf));
      CHECK_FALSE(fs::exists(xlsx));
      CHECK(check.err.find(plan + ":") != std::string::npos);
    }
  }
  check_workbooks(workbooks);
  // A generator whose plans were all refused (or all accepted) would test nothing.
  WARN("accepted " << accepted << ", refused " << refused);
  CHECK(accepted >= plans / 5);
  CHECK(refused >= plans / 5);
}
