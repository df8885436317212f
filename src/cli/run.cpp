#include "cli/run.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace plandeck::cli {

int main(int argc, char** argv) {
  CLI::App app{"plandeck"};
  app.set_version_flag("--version", std::string("plandeck ") + PLANDECK_VERSION);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace plandeck::cli
