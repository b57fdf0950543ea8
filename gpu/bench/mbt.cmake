# MBT protocols (000 §4) and the protocol file reader (protocol.cpp).
list(APPEND OPTVERIFY_GPU_BENCH_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/protocol.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_paper_tables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_settings_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_image_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_finder_stability.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_optimizer_comparison.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mbt_learning_rate_traces.cpp
)
