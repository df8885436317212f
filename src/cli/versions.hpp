// `plandeck --version`: the program's version and those of the libraries it was built with.
#pragma once

#include <string>

namespace plandeck::cli {

std::string version_text();

}  // namespace plandeck::cli
