// Running the readers and the real binary for the deck's acceptance tests (Catch2 assertions
// inside: a missing reader or a failed build stops the test case with the reason).
#pragma once

#include <string>
#include <vector>

namespace deck {

// Runs one of the readers (argv[0] a name on PATH). It must be installed, succeed, and say
// nothing on stderr; returns its standard output.
std::string read_with(std::vector<std::string> argv);

// Builds the default plan into a scratch directory named `scratch` (SOURCE_DATE_EPOCH fixed)
// and returns the path of the deck written there.
std::string build_default(const std::string& scratch);

}  // namespace deck
