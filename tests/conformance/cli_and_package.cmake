# `optverify conform` end to end (cli_conform_test.cpp: built-in and broken rules, bad input,
# --list, a valid report) and the installed package (example_install_test.sh: cmake --install
# into a temporary prefix, the example project of examples/conformance-own-optimizer built
# against it, its conformance test and `optverify conform --library` on its plugin).
optverify_add_test(NAME conformance_cli_test LABELS unit SOURCES cli_conform_test.cpp LIBS optverify::conformance)
target_compile_definitions(conformance_cli_test PRIVATE OPTVERIFY_CLI_PATH="$<TARGET_FILE:optverify>")
add_dependencies(conformance_cli_test optverify)
if(TARGET optverify-torch)
  target_compile_definitions(conformance_cli_test PRIVATE OPTVERIFY_TEST_TORCH_EXECUTABLE=1)
endif()

# Runs after the whole build (ctest): it installs from the build tree, so every installed
# target must be built. It compiles the example (two translation units): ~1-2 min on 2 cores
# (docs/conformance-package.md).
add_test(NAME conformance_package_example
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/example_install_test.sh
          ${CMAKE_COMMAND} ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR}/examples/conformance-own-optimizer
          ${CMAKE_CXX_COMPILER} ${CMAKE_MAKE_PROGRAM})
set_tests_properties(conformance_package_example PROPERTIES LABELS package TIMEOUT 600)
