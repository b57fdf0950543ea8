// The whole conformance test of the example's optimizer: one line instantiates a GoogleTest
// test per property its declarations select (RC_PARAMS controls RapidCheck's cases).
#include "clipped_gd.hpp"
#include "proofs-checks/conformance/gtest_suite.hpp"

OPTVERIFY_CONFORMANCE_SUITE(ClippedWarmupGd, [] { return my_example::clipped_gd_subject(); });
