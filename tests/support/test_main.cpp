// Test entry point shared by every suite.
//
// RapidCheck reads RC_PARAMS when it first runs a property. Unless the user set
// it, we fix the seed so that CI and local runs are deterministic; a failing
// property prints its seed and a `reproduce=` string to replay it (see
// docs/testing.md). OPTVERIFY_RC_RANDOM=1 keeps RapidCheck's random seeding.
#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv) {
  if (std::getenv("RC_PARAMS") == nullptr && std::getenv("OPTVERIFY_RC_RANDOM") == nullptr) {
    setenv("RC_PARAMS", "seed=20261123", 0);
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
