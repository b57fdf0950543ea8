# Tests of data-parallel training (gpu/train/data_parallel.hpp, docs/data-parallel.md): the
# executable re-executes itself as the rank processes (2 CPU processes on loopback, Gloo).
optverify_add_torch_test(NAME gpu_data_parallel_test LABELS unit
                         SOURCES ${CMAKE_CURRENT_LIST_DIR}/data_parallel_test.cpp LIBS optverify::gpu_train)
