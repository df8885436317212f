# The replay tests; included by fuzz/replay/CMakeLists.txt (see there) or fuzz/cmake/add-fuzz.cmake.
if(TARGET fuzz_replay_text)
  return()
endif()
get_filename_component(_fuzz_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

# plandeck_fuzz_replay(name LIBS libs...): fuzz_replay_<name> runs fuzz/targets/fuzz_<name>.cpp
# on fuzz/regressions/fuzz_<name>/ and fuzz/corpus/fuzz_<name>/ (ctest: fuzz_replay:<name>).
function(plandeck_fuzz_replay name)
  cmake_parse_arguments(R "" "" "LIBS" ${ARGN})
  add_executable(fuzz_replay_${name} ${_fuzz_dir}/replay/replay_main.cpp
                                     ${_fuzz_dir}/targets/fuzz_${name}.cpp)
  plandeck_warnings(fuzz_replay_${name})
  target_link_libraries(fuzz_replay_${name} PRIVATE ${R_LIBS})
  add_test(NAME fuzz_replay:${name}
           COMMAND fuzz_replay_${name} ${_fuzz_dir}/regressions/fuzz_${name} ${_fuzz_dir}/corpus/fuzz_${name})
  set_tests_properties(fuzz_replay:${name} PROPERTIES LABELS fuzz TIMEOUT 600)
endfunction()

plandeck_fuzz_replay(text LIBS plandeck_text)
plandeck_fuzz_replay(font LIBS plandeck_text)
if(TARGET plandeck_input AND EXISTS ${PROJECT_SOURCE_DIR}/src/input/plan_loader.cpp)
  plandeck_fuzz_replay(plan LIBS plandeck_input)
endif()
if(TARGET plandeck_input AND EXISTS ${PROJECT_SOURCE_DIR}/src/input/layout_loader.cpp
   AND EXISTS ${_fuzz_dir}/targets/fuzz_layout.cpp)
  plandeck_fuzz_replay(layout LIBS plandeck_input)
endif()
if(TARGET plandeck_compose AND TARGET plandeck_render_pdf AND TARGET plandeck_render_xlsx
   AND EXISTS ${_fuzz_dir}/targets/fuzz_deck.cpp)
  plandeck_fuzz_replay(deck LIBS plandeck_compose plandeck_input plandeck_render_pdf plandeck_render_xlsx)
endif()
