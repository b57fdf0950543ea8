# Castera's thesis (002): INNA (+ fixed-step form), Step-Tuned SGD (Algorithms 2, 3),
# the DIN system and its integrators (docs/optimizers-castera.md).
# Two translation units: exact/double (castera_test.cpp) and mp100
# (castera_precision_test.cpp), so the mp100 instantiations build in parallel.
optverify_add_test(NAME optim_castera_test LABELS unit property
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/castera_test.cpp ${CMAKE_CURRENT_LIST_DIR}/castera_precision_test.cpp)
