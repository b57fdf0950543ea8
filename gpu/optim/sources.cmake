# Sources of gpu/optim (appended to OPTVERIFY_GPU_SOURCES): the optim/ rules as
# torch::optim::Optimizers (docs/gpu.md).
list(APPEND OPTVERIFY_GPU_SOURCES
  optim/elementwise_param_state.cpp
  optim/sgd.cpp
  optim/adam.cpp
  optim/adagrad.cpp
  optim/rmsprop.cpp
  optim/heavy_ball.cpp
  optim/adamax.cpp
  optim/adadelta.cpp
  optim/nadam.cpp
  optim/inna.cpp
  optim/flat_parameters.cpp
  optim/mbt_learning_rate_finder.cpp)  # core-free: also in the GPU-only build (gpu/train's MBT)
# The closure optimizer runs any registry rule and parses specs with analysis/ (core only).
if(OPTVERIFY_RIGOROUS_CORE)
  include(${CMAKE_CURRENT_LIST_DIR}/closure.cmake OPTIONAL)
endif()
