// `optverify experiment` run as a subprocess: list, unknown names, bad ranges (exit 2 with
// the message), and a small sweep writing the result file and a valid report.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/report/report_schema.hpp"
#include "tests/support/cli_subprocess.hpp"

namespace {
ov::testing::CliResult cli(const std::string& args) { return ov::testing::run_cli(args, true); }
}  // namespace

TEST(ExperimentCli, ListNamesTheThreeExperiments) {
  const auto r = cli("experiment list");
  EXPECT_EQ(r.code, 0);
  for (const char* n : {"local_minima", "efficiency", "asymptotic"}) EXPECT_NE(r.out.find(n), std::string::npos) << n;
}

TEST(ExperimentCli, UnknownNameListsTheValidOnes) {
  const auto r = cli("experiment local_minimum");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("'local_minimum'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("local_minima, efficiency, asymptotic"), std::string::npos) << r.out;
}

TEST(ExperimentCli, JobsOutOfRangeIsAUsageError) {
  const auto r = cli("experiment efficiency --jobs 0");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--jobs = 0"), std::string::npos) << r.out;
  EXPECT_EQ(cli("experiment").code, 2);  // NAME is required
}

// A small local_minima sweep through the command: text tables, the result file and the
// report directory (report.json valid against the schema, index.html written).
TEST(ExperimentCli, WritesTheResultFileAndTheReport) {
  const auto dir = std::filesystem::temp_directory_path() / ("ov_experiment_cli_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  // The --json directory is checked before the run.
  const auto bad = cli("experiment local_minima --json " + (dir / "result.json").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("--json"), std::string::npos) << bad.out;
  std::filesystem::create_directories(dir);
  const auto r = cli("experiment local_minima --widths 1,2 --runs 2 --seed 7 --jobs 2 --report " +
                     (dir / "rep").string() + " --json " + (dir / "result.json").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("QUICK run, seed 7"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exp.5-1.median-decreases-with-width"), std::string::npos);
  std::ifstream rf(dir / "result.json");
  const auto result = nlohmann::json::parse(rf);
  EXPECT_EQ(result["experiment"], "local_minima");
  EXPECT_EQ(result["seed"], 7);
  EXPECT_EQ(result["rows"].size(), 2u);
  std::ifstream rep(dir / "rep" / "report.json");
  const auto doc = nlohmann::json::parse(rep);
  EXPECT_TRUE(ov::report::validate_report(doc).empty());
  EXPECT_EQ(doc["claims"].size(), 3u);
  EXPECT_EQ(doc["experiments"][0]["rows"], result["rows"]);  // same seed, same numbers
  EXPECT_TRUE(std::filesystem::exists(dir / "rep" / "index.html"));
  // --widths on another experiment is a usage error naming the option.
  const auto w = cli("experiment efficiency --widths 3");
  EXPECT_EQ(w.code, 2);
  EXPECT_NE(w.out.find("--widths"), std::string::npos) << w.out;
  std::filesystem::remove_all(dir);
}
