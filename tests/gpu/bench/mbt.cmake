# Tests of the MBT protocols and the protocol file reader (gpu/bench/mbt.cmake). They validate
# the runs' output with analysis/report (the full build only).
if(OPTVERIFY_RIGOROUS_CORE)
  optverify_add_torch_test(NAME gpu_mbt_protocols_test LABELS unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/mbt_protocols_test.cpp
                           LIBS optverify_gpu_bench optverify::analysis)
  target_compile_definitions(gpu_mbt_protocols_test PRIVATE OPTVERIFY_SOURCE_ROOT="${PROJECT_SOURCE_DIR}")
endif()
