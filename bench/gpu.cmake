# The LibTorch layer's optimizers (gpu/optim) against torch::optim on the same tensors, measured
# side by side in one run: per-tensor steps, one flat buffer (FlatParameters), threads.
if(OPTVERIFY_WITH_TORCH)
  optverify_add_bench(NAME gpu_optimizers_bench SOURCES ${CMAKE_CURRENT_LIST_DIR}/gpu_optimizers_bench.cpp
                      LIBS optverify::gpu)
endif()
