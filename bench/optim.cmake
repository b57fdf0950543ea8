# Benchmarks of the optimizer library (optim/): the elementwise rules against a
# STREAM-like triad measured in the same run, and double vs mp50 on 2-D problems.
optverify_add_bench(NAME optim_elementwise_bench SOURCES ${CMAKE_CURRENT_LIST_DIR}/optim_elementwise_bench.cpp)
# Every registered deterministic rule, one step in double and mp50 on a 2-D quadratic.
optverify_add_bench(NAME optim_registry_bench SOURCES ${CMAKE_CURRENT_LIST_DIR}/optim_registry_bench.cpp)
