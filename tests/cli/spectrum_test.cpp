// `optverify spectrum`, run as a subprocess: JSON content (eigenvalues, modes, step bound,
// certified verdicts), text output, and bad input (exit code 2 naming the argument;
// unknown methods list what exists).
#include <gtest/gtest.h>

#include "tests/support/cli_subprocess.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>

namespace {

using Result = ov::testing::CliResult;

Result run(const std::string& args, bool merge_stderr = true) { return ov::testing::run_cli(args, merge_stderr); }

TEST(CliSpectrum, InnaLambdaCertifiedJson) {
  const auto r = run("spectrum --method inna --alpha 0.5 --beta 0.1 --gamma 0.01 --lambda=-8,2,16 --certify --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "spectrum");
  const auto& s = j["spectrum"];
  EXPECT_EQ(s["method"], "inna");
  EXPECT_EQ(s["eigenvalues"].size(), 6u);
  EXPECT_TRUE(s["certified"].get<bool>());
  EXPECT_EQ(s["enclosures"].size(), 6u);
  EXPECT_TRUE(s["autodiff_vs_closed_form"]["agree"].get<bool>());
  ASSERT_EQ(s["modes"].size(), 3u);
  EXPECT_EQ(s["modes"][0]["stability"], "unstable");  // lambda = -8: a strict saddle direction
  EXPECT_EQ(s["modes"][0]["stability_certified"], "unstable");
  EXPECT_TRUE(s["modes"][1]["spiral"].get<bool>());   // 2 lies in [x-, x+] = [0.064, 389.9]
  EXPECT_EQ(s["step_bound"]["L"], "16");
  EXPECT_TRUE(s["step_bound"]["gamma_below_bound"].get<bool>());
  EXPECT_EQ(s["det_nonzero_on_L"]["verdict"]["holds"], "yes");
  EXPECT_EQ(s["det_nonzero_on_L"]["interval_route"]["holds"], "yes");
  EXPECT_EQ(s["series"][0]["kind"], "spectrum");
}

TEST(CliSpectrum, StepAboveTheBoundGivesACertifiedNo) {
  const auto r = run("spectrum --method inna --alpha 0.5 --beta 1 --gamma 0.1 --lambda 1 --lipschitz 50 --certify --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto s = nlohmann::json::parse(r.out)["spectrum"];
  EXPECT_FALSE(s["step_bound"]["gamma_below_bound"].get<bool>());
  EXPECT_EQ(s["det_nonzero_on_L"]["verdict"]["holds"], "no");
  EXPECT_NE(s["det_nonzero_on_L"]["verdict"]["witness"].get<std::string>().find("95/9"), std::string::npos);
}

TEST(CliSpectrum, ProblemModeAndTextOutput) {
  const auto r = run("spectrum --method hb --gamma 1/1000 --beta 0.9 --problem rosenbrock --at 1,1 --certify --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto s = nlohmann::json::parse(r.out)["spectrum"];
  EXPECT_EQ(s["eigenvalues"].size(), 4u);
  EXPECT_TRUE(s["certified"].get<bool>()) << s.dump();
  const auto t = run("spectrum --method din --alpha 2 --beta 0.1 --lambda 2,4 --precision mp100");
  ASSERT_EQ(t.code, 0) << t.out;
  EXPECT_NE(t.out.find("complex band"), std::string::npos);
  EXPECT_NE(t.out.find("-1.2"), std::string::npos);  // -1.2 +- 1.6 i at lambda = 4
}

TEST(CliSpectrum, BadInputNamesTheArgument) {
  auto r = run("spectrum --method adam --gamma 0.1 --lambda 1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("gd, hb, nag, inna, din"), std::string::npos) << r.out;
  r = run("spectrum --method inna --alpha 0.5 --beta 0.1 --gamma 0 --lambda 1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--gamma = 0"), std::string::npos) << r.out;
  r = run("spectrum --method inna --alpha=-1 --beta 0.1 --gamma 0.1 --lambda 1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--alpha = -1"), std::string::npos) << r.out;
  r = run("spectrum --method gd --alpha 1 --gamma 0.1 --lambda 1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--alpha"), std::string::npos) << r.out;
  r = run("spectrum --method din --alpha 1 --beta 1 --gamma 0.1 --lambda 1");
  EXPECT_EQ(r.code, 2);
  r = run("spectrum --method gd --gamma 0.1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--lambda"), std::string::npos) << r.out;
  r = run("spectrum --method gd --gamma 0.1 --lambda 1,x");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--lambda \"x\""), std::string::npos) << r.out;
  r = run("spectrum --method gd --gamma 0.1 --problem nosuchproblem --at 1");
  EXPECT_EQ(r.code, 2);
  r = run("spectrum --method gd --gamma 0.1 --problem abs_power --at 1");
  EXPECT_EQ(r.code, 2);
}

}  // namespace

namespace {

// --lipschitz alone: every Hessian eigenvalue in [-L, L] at once. Independent values: the
// Lemma 3.6 band x- = (2 - ab - 2 sqrt(1 - ab)) / b^2, and INNA's det 1 - g a + g (g - b) l
// (3.39) vanishing at l = (1 - g a) / (g (b - g)).
TEST(CliSpectrumSafety, SafeInnaStepAndItsSpiralBand) {
  const auto r = run("spectrum --method inna --alpha 0.5 --beta 0.1 --gamma 0.01 --lipschitz 16 --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto s = nlohmann::json::parse(r.out)["step_safety"];
  EXPECT_TRUE(s["safe"].get<bool>());
  EXPECT_EQ(s["det_nonzero"]["holds"], "yes");
  EXPECT_TRUE(s["step_bound"]["gamma_below_bound"].get<bool>());
  EXPECT_TRUE(s["minima"]["all_stable"].get<bool>());
  EXPECT_TRUE(s["saddles"]["all_unstable"].get<bool>());
  const double ab = 0.5 * 0.1, x_minus = (2 - ab - 2 * std::sqrt(1 - ab)) / (0.1 * 0.1);
  EXPECT_NEAR(std::stod(s["spiral_band"]["from"].get<std::string>()), x_minus, 1e-10);
  EXPECT_EQ(s["spiral_band"]["to"], "16");
  const auto text = run("spectrum --method inna --alpha 0.5 --beta 0.1 --gamma 0.01 --lipschitz 16");
  EXPECT_NE(text.out.find("answer: gamma = 0.01 is safe for L = 16"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("spiralling modes: lambda in [0.0641131038207, 16]"), std::string::npos) << text.out;
}

TEST(CliSpectrumSafety, UnsafeStepsExitOneAndSayWhy) {
  const auto gd = run("spectrum --method gd --gamma 0.2 --lipschitz 10 --json", false);
  EXPECT_EQ(gd.code, 1) << gd.out;
  const auto g = nlohmann::json::parse(gd.out)["step_safety"];
  EXPECT_FALSE(g["safe"].get<bool>());
  EXPECT_EQ(g["det_nonzero"]["holds"], "no");  // 1 - 0.2 lambda = 0 at lambda = 5
  EXPECT_NE(g["det_nonzero"]["witness"].get<std::string>().find("5"), std::string::npos);
  EXPECT_FALSE(g["minima"]["all_stable"].get<bool>());  // |1 - 0.2 * 10| = 1: marginal at L
  // INNA with alpha beta > 1: det = 0.98 - 0.0099 lambda vanishes at 9800/99 < 100.
  const auto inna = run("spectrum --method inna --alpha 2 --beta 1 --gamma 0.01 --lipschitz 100 --json", false);
  EXPECT_EQ(inna.code, 1) << inna.out;
  const auto i = nlohmann::json::parse(inna.out)["step_safety"];
  EXPECT_NE(i["det_nonzero"]["witness"].get<std::string>().find("9800/99"), std::string::npos) << i.dump();
  EXPECT_TRUE(i["spiral_band"].is_null());
  const auto din = run("spectrum --method din --alpha 0.5 --beta 0.1 --lipschitz 16");
  EXPECT_EQ(din.code, 2) << din.out;
  EXPECT_NE(din.out.find("din has no step"), std::string::npos) << din.out;
  for (const char* bad : {"abc", "-3", "0"}) {
    const auto r = run(std::string("spectrum --method gd --gamma 0.1 --lipschitz=") + bad);
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find(std::string("--lipschitz = ") + bad), std::string::npos) << r.out;
  }
}

}  // namespace
