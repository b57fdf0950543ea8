// `optverify run --network ... --data ...`: a network on a data set trained by a rule of the
// library, reproducible from the seed, the same value in double and mp50 to the precision of
// double, and bad input named (exit 2).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <map>
#include <string>

#include "tests/support/cli_subprocess.hpp"

namespace {

ov::testing::CliResult run(const std::string& args) { return ov::testing::run_cli(args, false); }

TEST(CliRunNetwork, TrainsReproduciblyAndAgreesAcrossPrecisions) {
  const std::string args =
      "run --network 2-6:leaky_relu-1:logistic --data circles --optimizer sgd:lr=1/2 --iters 50 --seed 3 "
      "--init uniform:1 --json";
  const auto a = run(args), b = run(args);
  ASSERT_EQ(a.code, 0) << a.out;
  const auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
  EXPECT_EQ(ja["summary"]["x"], jb["summary"]["x"]);  // same seed, same run
  const double f0 = std::stod(ja["trace"][0]["value"].get<std::string>());
  const double f = std::stod(ja["summary"]["value"].get<std::string>());
  EXPECT_LT(f, f0);  // 50 GD steps decrease the log loss
  EXPECT_EQ(ja["summary"]["x"].size(), 25u);  // 2*6 + 6*1 weights + 6 + 1 biases
  EXPECT_NE(ja["request"]["network"].get<std::string>().find("leaky_relu:1/10"), std::string::npos);
  // mp50: the same run to the accuracy of double (50 steps of a well-conditioned map: 1e-10 relative).
  const auto m = run("run --network 2-6:leaky_relu-1:logistic --data circles --optimizer sgd:lr=1/2 --iters 50 "
                     "--seed 3 --init uniform:1 --precision mp50 --json");
  ASSERT_EQ(m.code, 0) << m.out;
  const double fm = std::stod(nlohmann::json::parse(m.out)["summary"]["value"].get<std::string>());
  EXPECT_NEAR(f, fm, 1e-10 * fm);
}

TEST(CliRunNetwork, MiniBatchesOnAFiniteSum) {
  const auto r = run("run --network 8-12-12-1 --data standardized_regression:n=100 --optimizer sgd:lr=0.01 "
                     "--batch-size 10 --iters 30 --json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["summary"]["sample_gradients"].get<int>(), 300);
}

TEST(CliRunNetwork, BadInputIsNamed) {
  struct Case {
    std::string args, message;
  };
  const Case cases[] = {
      {"--network 2-3:swish-1 --data circles", "unknown activation 'swish'; valid: identity, logistic"},
      {"--network 3-2-1 --data circles", "layer 0 (input) has width 3 but the inputs have 2 features"},
      {"--network 2-2-1 --data circle", "unknown data set 'circle'; valid: regression_toy, circles"},
      {"--network 2-2-1 --data circles:n=5", "unknown key 'n'; valid: seed"},
      {"--network 2-2-1", "--network needs --data"},
      {"--network 2-2-1 --data circles --init normal", "--init \"normal\": expected glorot or uniform:R"},
      {"--network 2-2-1 --data circles --precision float", "networks run in double, float128, mp50 or mp100"},
      {"--network 2-2-1:identity --data circles --loss log_loss", "needs a logistic output activation"},
  };
  for (const auto& c : cases) {
    const auto r = ov::testing::run_cli("run " + c.args + " --optimizer sgd", true);
    EXPECT_EQ(r.code, 2) << c.args;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << ": " << r.out;
  }
}

}  // namespace

namespace {

// `optverify landscape`: himmelblau's nine critical points with their classes, and the
// teacher-network landscape's minima at zero cost; bad input named.
TEST(CliLandscape, FindsAndClassifiesCriticalPoints) {
  const auto r = run("landscape --problem himmelblau --starts 40 --json");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "landscape");
  std::map<std::string, int> kinds;
  for (const auto& p : j["points"]) kinds[p["class"].get<std::string>()]++;
  EXPECT_EQ(kinds["minimum"], 4);
  EXPECT_EQ(kinds["saddle"], 4);
  EXPECT_EQ(kinds["maximum"], 1);
  const auto bad = ov::testing::run_cli("landscape --problem himmelblau --box 3,1", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("--box \"3,1\": LO must be below HI"), std::string::npos) << bad.out;
  const auto none = ov::testing::run_cli("landscape --starts 3", true);
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.out.find("give --problem NAME, or --network SPEC with --data NAME"), std::string::npos);
}

}  // namespace
