# Issue 10, "Performance" (docs/performance.md, "Validation benchmarks (issue 10)"): the
# optimizer step on ResNet-18's parameters against torch::optim and the triad bound, ResNet-18
# training throughput, and the MBT epoch-time ratio. Plain programs printing a table (ratios
# measured in interleaved rounds of one run; see optimizer_step_bench.cpp), so they need
# neither Google Benchmark nor the rigorous core: plain add_executable (not optverify_add_bench,
# which links both), so that a GPU-only build (scripts/build-gpu.sh, OPTVERIFY_RIGOROUS_CORE=OFF)
# can include this file too; scripts/bench-gpu.sh runs them. The measured work runs in the -O3
# libraries and LibTorch; these TUs only drive it, so they are compiled at -O1 (as
# bench/gpu.cmake) to halve their compile time on the 2-core CI machine.
if(OPTVERIFY_WITH_TORCH)
  if(NOT TARGET benchmarks)  # built with `--target benchmarks`, not by `all` (bench/CMakeLists.txt)
    add_custom_target(benchmarks)
  endif()
  add_executable(optimizer_step_bench EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/optimizer_step_bench.cpp)
  target_link_libraries(optimizer_step_bench PRIVATE optverify::gpu nlohmann_json::nlohmann_json)
  add_executable(training_throughput_bench EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/training_throughput_bench.cpp)
  target_link_libraries(training_throughput_bench PRIVATE optverify::gpu nlohmann_json::nlohmann_json)
  add_executable(mbt_epoch_time_bench EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/mbt_epoch_time_bench.cpp)
  target_link_libraries(mbt_epoch_time_bench PRIVATE optverify::gpu_train)
  foreach(t optimizer_step_bench training_throughput_bench mbt_epoch_time_bench)
    target_compile_options(${t} PRIVATE $<$<CONFIG:Release>:-O1>)
    set_target_properties(${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bench)
    add_dependencies(benchmarks ${t})
  endforeach()
endif()
