# Tests of nets/landscape (critical points, inertia, cost against index).
optverify_add_test(NAME nets_landscape_critical_points_test LABELS unit property
                   SOURCES landscape/critical_points_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_landscape_cost_index_test LABELS unit property
                   SOURCES landscape/cost_index_test.cpp LIBS optverify::nets)
optverify_add_test(NAME nets_landscape_network_test LABELS unit
                   SOURCES landscape/network_landscape_test.cpp LIBS optverify::nets)
