# `optverify bench ...` end to end, the training report entry and the progress bar (one executable;
# the LibTorch tests' precompiled header, whose compile definitions match gpu_train's).
optverify_add_torch_test(NAME cli_bench_test LABELS unit
  SOURCES bench_command_test.cpp ${PROJECT_SOURCE_DIR}/cli/progress_bar.cpp
  LIBS nlohmann_json::nlohmann_json optverify::gpu_train)
target_compile_definitions(cli_bench_test PRIVATE OPTVERIFY_CLI_PATH="$<TARGET_FILE:optverify>")
add_dependencies(cli_bench_test optverify)
