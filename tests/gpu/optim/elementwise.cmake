# The elementwise rules as torch::optim::Optimizers.
# Against torch::optim (1000 float64 steps), kernel paths, refusals, bad input, checkpoints: plain
# LibTorch, also in a GPU-only build.
optverify_add_torch_test(NAME gpu_optimizers_vs_torch_test LABELS unit
                         SOURCES optim/elementwise_optimizers_test.cpp
                         LIBS optverify::gpu)
# Against the rigorous core in double and mp100 (needs the core).
if(OPTVERIFY_RIGOROUS_CORE)
  optverify_add_torch_test(NAME gpu_elementwise_optimizers_test LABELS unit
                           SOURCES optim/elementwise_core_agreement_test.cpp optim/elementwise_more_rules_test.cpp
                           LIBS optverify::gpu optverify::nets)
endif()
