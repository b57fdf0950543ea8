# Step-size schedules (optim/schedules) and line searches (optim/line_search: Wolfe,
# halving, exact on quadratics): two test translation units.
optverify_add_test(NAME optim_schedules_test LABELS unit property SOURCES schedules_test.cpp)
optverify_add_test(NAME optim_line_search_test LABELS unit property SOURCES line_search_test.cpp)
