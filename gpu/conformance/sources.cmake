# Sources of optverify_gpu_conformance (docs/conformance.md).
set(OPTVERIFY_GPU_CONFORMANCE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/torch_test_problems.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_universal_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_method_properties.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_property_catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_builtin_subjects.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_broken_optimizers.cpp
)
