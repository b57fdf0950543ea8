# Tests of the classic and generated problem families (catalog_classics.hpp).
optverify_add_test(NAME classic_functions_test LABELS unit SOURCES classic_functions_test.cpp)
optverify_add_test(NAME classic_generated_test LABELS unit SOURCES classic_generated_test.cpp)
