# The SAM family (optim/rules/sam.hpp, esam.hpp, asam.hpp and
# optim/components/lp_ball_perturbation.hpp): one test translation unit.
optverify_add_test(NAME optim_sam_test LABELS unit property SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/sam_test.cpp)
