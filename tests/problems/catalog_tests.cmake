# Generic checks of every registered problem (analysis/problems/verification.hpp)
# and the test-only broken family proving each check can fail.
optverify_add_test(NAME catalog_property_test LABELS property SOURCES catalog_property_test.cpp)
optverify_add_test(NAME catalog_check_test LABELS unit SOURCES catalog_check_test.cpp)
optverify_add_test(NAME catalog_fixture_test LABELS unit SOURCES catalog_fixture_test.cpp)
