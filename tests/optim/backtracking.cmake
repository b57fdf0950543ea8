# The backtracking family (docs/optimizers-backtracking.md): one test translation unit.
optverify_add_test(NAME optim_backtracking_test LABELS unit property SOURCES backtracking_test.cpp)
