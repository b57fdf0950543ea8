# Sources of optverify_conformance (docs/conformance.md).
set(OPTVERIFY_CONFORMANCE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/declarations.cpp
  ${CMAKE_CURRENT_LIST_DIR}/subject.cpp
  ${CMAKE_CURRENT_LIST_DIR}/property.cpp
  ${CMAKE_CURRENT_LIST_DIR}/property_catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_problems.cpp
  ${CMAKE_CURRENT_LIST_DIR}/linear_rates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/universal_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/descent_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/momentum_adaptive_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/line_search_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fixed_point_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stochastic_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/builtin_subjects.cpp
  ${CMAKE_CURRENT_LIST_DIR}/broken_optimizers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plugin.cpp
)
