# Tests of nets/special: linear networks and Baldi-Hornik, Soudry-Carmon, the quadratic network of
# 004 Prop. 4, and the symmetries (docs/networks-special.md).
optverify_add_test(NAME nets_special_linear_test LABELS unit
                   SOURCES special/linear_network_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_special_symmetries_test LABELS unit property
                   SOURCES special/symmetries_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_special_soudry_carmon_test LABELS unit
                   SOURCES special/soudry_carmon_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_special_quadratic_test LABELS unit
                   SOURCES special/quadratic_network_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_special_training_test LABELS unit
                   SOURCES special/training_test.cpp LIBS optverify::nets)
