# The LibTorch layer's optimizers (gpu/optim) against torch::optim on the same tensors, measured
# side by side in one run: per-tensor steps, one flat buffer (FlatParameters), threads.
if(OPTVERIFY_WITH_TORCH)
  optverify_add_bench(NAME gpu_optimizers_bench SOURCES ${CMAKE_CURRENT_LIST_DIR}/gpu_optimizers_bench.cpp
                      LIBS optverify::gpu)
  # The measured work runs in the -O3 library and in LibTorch; this TU only calls step() (-O1
  # halves its compile time on the 2-core CI machine).
  target_compile_options(gpu_optimizers_bench PRIVATE $<$<CONFIG:Release>:-O1>)
endif()
