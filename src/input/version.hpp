// The version of the YAML library this module was built with (for `plandeck --version`).
#pragma once

#include <string>

namespace plandeck::input {

std::string yaml_cpp_version();

}  // namespace plandeck::input
