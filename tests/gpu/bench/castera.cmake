# Tests of the Castera protocols (gpu/bench/castera.cmake; docs/protocols-castera.md): the checks
# on fabricated measurements, the shipped protocol files, one tiny real run. The report-schema
# validation of that run needs analysis/ (the full build).
optverify_add_torch_test(NAME gpu_castera_protocols_test LABELS unit
                         SOURCES ${CMAKE_CURRENT_LIST_DIR}/castera_protocols_test.cpp LIBS optverify_gpu_bench)
target_compile_definitions(gpu_castera_protocols_test PRIVATE OPTVERIFY_SOURCE_ROOT="${PROJECT_SOURCE_DIR}")
if(OPTVERIFY_RIGOROUS_CORE)
  target_link_libraries(gpu_castera_protocols_test PRIVATE optverify::analysis)
  target_compile_definitions(gpu_castera_protocols_test PRIVATE OPTVERIFY_CASTERA_TEST_REPORT_SCHEMA=1)
endif()
