# Tests of nets/experiments (003 §5 at CPU scale, docs/experiments.md): the statistics and
# fits on constructed inputs and the guide's published tables, the GD phase logic on a
# quadratic, tiny reproducible configurations of the three experiments (jobs 1 vs 2), the
# report entries against the schema, and the `experiment` subcommand.
optverify_add_test(NAME nets_experiments_common_test LABELS unit property
  SOURCES experiments/common_test.cpp experiments/gd_phases_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_experiments_runs_test LABELS unit
  SOURCES experiments/runs_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_experiments_cli_test LABELS unit SOURCES experiments/cli_test.cpp
  LIBS optverify::nets)
target_compile_definitions(nets_experiments_cli_test PRIVATE OPTVERIFY_CLI_PATH="$<TARGET_FILE:optverify>")
add_dependencies(nets_experiments_cli_test optverify)
