# Stop-gap until the top-level CMakeLists.txt has
#   option(PLANDECK_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)
#   if(PLANDECK_FUZZ) add_subdirectory(fuzz) endif()
# Pass it as -DCMAKE_PROJECT_INCLUDE=<repo>/fuzz/cmake/add-fuzz.cmake: it adds fuzz/ (and,
# with PLANDECK_FUZZ_REPLAY=ON, fuzz/replay/) at the end of the top-level directory, after
# every library target exists. Harmless once the top-level file adds them itself.
set(_plandeck_fuzz_dir "${CMAKE_CURRENT_LIST_DIR}/..")
get_filename_component(_plandeck_fuzz_dir "${_plandeck_fuzz_dir}" ABSOLUTE)
if(NOT PLANDECK_FUZZ_REPLAY)
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL include "${_plandeck_fuzz_dir}/cmake/targets.cmake")
else()
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL include "${_plandeck_fuzz_dir}/replay/replay.cmake")
endif()
