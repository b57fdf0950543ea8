// `optverify claims list` and `optverify verify` as a subprocess: listing, one claim as JSON,
// unknown ids (exit 2 with a suggestion), bad --shard, and resume from --report DIR.
#include <gtest/gtest.h>

#include "tests/support/cli_subprocess.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Result = ov::testing::CliResult;

Result run(const std::string& args, bool merge_stderr = true) { return ov::testing::run_cli(args, merge_stderr); }

TEST(CliClaims, ListShowsTheCatalogWithSources) {
  const auto r = run("claims list");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("backtracking.armijo-every-step"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("000_47ba9189a2c8a171.txt"), std::string::npos) << r.out;
  const auto j = nlohmann::json::parse(run("claims list --source 002 --json", false).out);
  EXPECT_EQ(j["command"], "claims list");
  ASSERT_GE(j["claims"].size(), 1u);
  for (const auto& c : j["claims"]) EXPECT_EQ(c["source"]["file"], "002_dc929347c6f8ce02.txt");
  const auto bad = run("claims list --source 999");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("documents cited"), std::string::npos) << bad.out;
}

TEST(CliVerify, OneClaimAsJson) {
  const auto r = run("verify castera.inna.first-step-gradient --quick --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "verify");
  ASSERT_EQ(j["claims"].size(), 1u);
  EXPECT_EQ(j["claims"][0]["id"], "castera.inna.first-step-gradient");
  EXPECT_EQ(j["claims"][0]["verdict"], "holds-certified");
  EXPECT_EQ(j["claims"][0]["precision"], "rational");
  EXPECT_EQ(j["summary"]["refuted"], 0);
}

TEST(CliVerify, UnknownIdExitsTwoWithASuggestion) {
  const auto r = run("verify castera.inna.first-step-gradiant");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("unknown claim id 'castera.inna.first-step-gradiant'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did you mean: castera.inna.first-step-gradient"), std::string::npos) << r.out;
}

TEST(CliVerify, BadShardAndNoSelectionExitTwo) {
  const auto r = run("verify --all --shard 3/2");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--shard = '3/2'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("i/n"), std::string::npos) << r.out;
  const auto none = run("verify");
  EXPECT_EQ(none.code, 2) << none.out;
  EXPECT_NE(none.out.find("nothing to verify"), std::string::npos) << none.out;
  const auto jobs = run("verify --all --jobs 0");
  EXPECT_EQ(jobs.code, 2) << jobs.out;
  EXPECT_NE(jobs.out.find("--jobs = 0"), std::string::npos) << jobs.out;
}

TEST(CliVerify, ShardsSplitTheCatalog) {
  const auto a = nlohmann::json::parse(run("verify --all --quick --shard 1/2 --json", false).out);
  const auto b = nlohmann::json::parse(run("verify --all --quick --shard 2/2 --json", false).out);
  const auto all = nlohmann::json::parse(run("claims list --json", false).out);
  EXPECT_EQ(a["claims"].size() + b["claims"].size(), all["claims"].size());
  ASSERT_GE(a["claims"].size(), 1u);
  EXPECT_EQ(a["claims"][0]["id"], all["claims"][0]["id"]);
}

TEST(CliVerify, ReportResumesWithoutRerunning) {
  const auto dir = std::filesystem::temp_directory_path() / ("ov_cli_verify_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string args = "verify castera.inna.first-step-gradient --quick --report " + dir.string();
  const auto first = run(args);
  ASSERT_EQ(first.code, 0) << first.out;
  EXPECT_NE(first.out.find("index.html"), std::string::npos) << first.out;
  EXPECT_TRUE(std::filesystem::exists(dir / "claim-results" / "castera.inna.first-step-gradient.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "report.json"));
  const auto second = nlohmann::json::parse(run(args + " --json", false).out);
  ASSERT_EQ(second["reused"].size(), 1u);
  EXPECT_EQ(second["reused"][0], "castera.inna.first-step-gradient");
  // Another seed is another computation: not reused.
  const auto third = nlohmann::json::parse(run(args + " --seed 2 --json", false).out);
  EXPECT_EQ(third["reused"].size(), 0u);
  std::filesystem::remove_all(dir);
}

TEST(CliVerify, AnInterruptedRunRedoesOnlyTheMissingClaims) {
  const auto dir = std::filesystem::temp_directory_path() / ("ov_cli_resume_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string args = "verify --all --quick --json --report " + dir.string();
  const auto first = nlohmann::json::parse(run(args, false).out);
  const std::size_t n = first["claims"].size();
  ASSERT_GE(n, 2u);
  // Simulate an interruption before the last claim finished: its stored result is missing.
  const std::string last = first["claims"][n - 1]["id"];
  ASSERT_TRUE(std::filesystem::remove(dir / "claim-results" / (last + ".json")));
  const auto second = nlohmann::json::parse(run(args, false).out);
  EXPECT_EQ(second["reused"].size(), n - 1);
  for (const auto& id : second["reused"]) EXPECT_NE(id, last);
  EXPECT_TRUE(std::filesystem::exists(dir / "claim-results" / (last + ".json")));
  for (std::size_t k = 0; k < n; ++k) EXPECT_EQ(second["claims"][k]["verdict"], first["claims"][k]["verdict"]);
  std::filesystem::remove_all(dir);
}

}  // namespace
