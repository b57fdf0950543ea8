# Castera protocols (002 Chapter 2, Table 4.1, Figs. 4.5-4.6; docs/protocols-castera.md):
# settings, the pure checks, one method's runs, and the two runners.
list(APPEND OPTVERIFY_GPU_BENCH_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/castera_settings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/castera_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/castera_method_runs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/castera_inna_comparison.cpp
  ${CMAKE_CURRENT_LIST_DIR}/castera_step_tuned_problems.cpp
)
