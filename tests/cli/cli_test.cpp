// Runs the `optverify` binary and checks exit codes, messages and JSON documents.
#include <gtest/gtest.h>

#include "tests/support/cli_subprocess.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>

namespace {

using Result = ov::testing::CliResult;

Result run(const std::string& args, bool merge_stderr = true) { return ov::testing::run_cli(args, merge_stderr); }

TEST(Cli, ListsProblems) {
  auto r = run("problems list");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("rosenbrock"), std::string::npos) << r.out;
}

TEST(Cli, ListJsonIsOneDocumentWithProvenance) {
  auto r = run("problems list --json", /*merge_stderr=*/false);
  ASSERT_EQ(r.code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "problems list");
  EXPECT_TRUE(j["provenance"].contains("git_commit"));
  EXPECT_TRUE(j["provenance"].contains("mpfr"));
  ASSERT_TRUE(j["problems"].is_array());
  EXPECT_GE(j["problems"].size(), 2u);
  for (const auto& p : j["problems"]) {
    EXPECT_TRUE(p.contains("name") && p.contains("dim") && p.contains("critical_points") && p.contains("citation"));
  }
}

TEST(Cli, UnknownProblemSuggestsCloseNames) {
  auto r = run("problems show rosenbrok");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("unknown problem 'rosenbrok'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean: rosenbrock"), std::string::npos) << r.out;
}

TEST(Cli, WrongDimensionNamesTheArgument) {
  auto r = run("problems show rosenbrock --at 1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--at \"1\": 1 coordinate(s) given, the problem has dimension 2"), std::string::npos)
      << r.out;
}

TEST(Cli, MalformedPointNamesTheArgument) {
  auto r = run("problems show rosenbrock --at 1,x");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("constant \"x\""), std::string::npos) << r.out;
  auto e = run("problems show rosenbrock --at 1,");
  EXPECT_EQ(e.code, 2);
  EXPECT_NE(e.out.find("--at \"1,\": empty coordinate"), std::string::npos) << e.out;
}

TEST(Cli, UnknownParameterListsValidOnes) {
  auto r = run("problems show rosenbrock --param c=3");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("has no parameter 'c' (valid: a, b)"), std::string::npos) << r.out;
  auto m = run("problems show rosenbrock --param b");
  EXPECT_EQ(m.code, 2);
  EXPECT_NE(m.out.find("expected KEY=VALUE"), std::string::npos) << m.out;
}

TEST(Cli, BadPrecisionIsAUsageError) {
  auto r = run("problems show rosenbrock --at 1,1 --precision quad");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--precision"), std::string::npos) << r.out;
}

TEST(Cli, ShowEvaluatesExactlyInRational) {
  auto r = run("problems show rosenbrock --at 1/2,1/3 --precision rational --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  // f = (1 - 1/2)^2 + 100 (1/3 - 1/4)^2 = 1/4 + 100/144 = 17/18
  EXPECT_EQ(j["evaluation"]["value"], "17/18");
  // df/dy = 200 (y - x^2) = 200/12 = 50/3
  EXPECT_EQ(j["evaluation"]["gradient"][1], "50/3");
}

TEST(Cli, CheckOneProblemPasses) {
  auto r = run("problems check rosenbrock --samples 2");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("rosenbrock"), std::string::npos);
}

TEST(Cli, CheckJsonHasSummary) {
  auto r = run("problems check rosenbrock --samples 2 --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["problems"], 1);
  EXPECT_EQ(j["summary"]["problems_failed"], 0);
  EXPECT_EQ(j["options"]["samples"], 2);
  EXPECT_TRUE(j["results"][0]["passed"].get<bool>());
}

TEST(Cli, CheckNeedsNamesOrAll) {
  auto r = run("problems check");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--all"), std::string::npos) << r.out;
  auto s = run("problems check rosenbrock --samples 0");
  EXPECT_EQ(s.code, 2);
}

TEST(Cli, MissingSubcommandIsAUsageError) {
  EXPECT_EQ(run("").code, 2);
  EXPECT_EQ(run("problems").code, 2);
  EXPECT_EQ(run("frobnicate").code, 2);
}

TEST(Cli, VersionReportsLibraries) {
  auto r = run("version --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["provenance"]["boost"], "1.74.0");
  EXPECT_TRUE(j["provenance"].contains("torch"));
}

}  // namespace
