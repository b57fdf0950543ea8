# Sources of gpu/bench (OPTVERIFY_GPU_BENCH_SOURCES): the benchmark protocols (protocol.hpp).
# MBT protocols (mbt.cmake) and Castera protocols (castera.cmake).
list(APPEND OPTVERIFY_GPU_BENCH_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/protocol_registry.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/mbt.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/castera.cmake OPTIONAL)
