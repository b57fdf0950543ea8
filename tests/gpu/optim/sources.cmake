# Tests of gpu/optim (the optim/ rules as torch::optim::Optimizers).
include(${CMAKE_CURRENT_LIST_DIR}/closure.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/elementwise.cmake OPTIONAL)
