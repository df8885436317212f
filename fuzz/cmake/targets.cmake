# The libFuzzer targets; included by fuzz/CMakeLists.txt (see there) or cmake/add-fuzz.cmake.
if(TARGET fuzz_text)
  return()  # already added (by the top-level file and by cmake/add-fuzz.cmake)
endif()
get_filename_component(_plandeck_fuzz_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "PLANDECK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(NOT CMAKE_CXX_FLAGS MATCHES "fuzzer-no-link")
  message(WARNING "CMAKE_CXX_FLAGS lacks -fsanitize=fuzzer-no-link: the plandeck libraries are not "
                  "coverage-instrumented and fuzzing will be blind (see fuzz/README.md)")
endif()

# plandeck_fuzz_target(name LIBS libs...): fuzz/targets/<name>.cpp linked with libFuzzer.
function(plandeck_fuzz_target name)
  cmake_parse_arguments(F "" "" "LIBS" ${ARGN})
  add_executable(${name} ${_plandeck_fuzz_root}/targets/${name}.cpp)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(${name} PRIVATE ${F_LIBS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
endfunction()

plandeck_fuzz_target(fuzz_text LIBS plandeck_text)
plandeck_fuzz_target(fuzz_font LIBS plandeck_text)
if(TARGET plandeck_input AND EXISTS ${PROJECT_SOURCE_DIR}/src/input/plan_loader.cpp)
  plandeck_fuzz_target(fuzz_plan LIBS plandeck_input)
endif()
if(TARGET plandeck_input AND EXISTS ${PROJECT_SOURCE_DIR}/src/input/layout_loader.cpp
   AND EXISTS ${_plandeck_fuzz_root}/targets/fuzz_layout.cpp)
  plandeck_fuzz_target(fuzz_layout LIBS plandeck_input)
endif()
if(TARGET plandeck_compose AND TARGET plandeck_render_pdf AND TARGET plandeck_render_xlsx
   AND EXISTS ${_plandeck_fuzz_root}/targets/fuzz_deck.cpp)
  plandeck_fuzz_target(fuzz_deck LIBS plandeck_compose plandeck_input plandeck_render_pdf plandeck_render_xlsx)
endif()
