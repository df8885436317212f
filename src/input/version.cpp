#include "input/version.hpp"

namespace plandeck::input {

// yaml-cpp 0.7 has no version macro; CMake passes the version its package reported.
std::string yaml_cpp_version() { return PLANDECK_YAML_CPP_VERSION; }

}  // namespace plandeck::input
