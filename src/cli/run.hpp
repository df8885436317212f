// The command line: parses arguments, runs the stages, prints diagnostics, returns the
// documented exit code (see exit_code.hpp).
#pragma once

namespace plandeck::cli {

int main(int argc, char** argv);

}  // namespace plandeck::cli
