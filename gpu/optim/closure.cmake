# Sources of the closure-based optimizers of gpu/optim (any optim/ rule driven by a
# LossClosure; docs/gpu-closure-optimizers.md), appended to OPTVERIFY_GPU_SOURCES.
# Included by gpu/optim/sources.cmake.
list(APPEND OPTVERIFY_GPU_SOURCES
  optim/closure_rule_optimizer.cpp)
