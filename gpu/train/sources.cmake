# Sources of gpu/train (OPTVERIFY_GPU_TRAIN_SOURCES): the training runner (docs/benchmarks.md).
# The data-parallel group (c10d, Gloo) is in data_parallel.cmake.
list(APPEND OPTVERIFY_GPU_TRAIN_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/training_result.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/learning_rate_schedule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_optimizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/atomic_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/epoch_log.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_checkpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_device.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trainer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_report.cpp
)
# The closure rules (optimizer specs rule:..., ClosureRuleOptimizer) exist only in the full build
# (gpu/optim/closure.cmake): OPTVERIFY_CLOSURE_RULES=1 tells gpu/train and its users. The target
# is created after this file is read, hence the deferred call (end of gpu/CMakeLists.txt).
if(OPTVERIFY_RIGOROUS_CORE)
  cmake_language(DEFER CALL target_compile_definitions optverify_gpu_train PUBLIC OPTVERIFY_CLOSURE_RULES=1)
endif()
include(${CMAKE_CURRENT_LIST_DIR}/data_parallel.cmake OPTIONAL)
