// `optverify experiment`: list, unknown names, bad ranges (through the CLI11 app, as
// cli/main.cpp builds it).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "analysis/report/report_schema.hpp"

#include "cli/experiment_command.hpp"

namespace {
struct Cli {
  std::ostringstream out, err;
  ov::cli::CommandContext ctx{out, err};
  CLI::App app{"test"};
  Cli() { ov::cli::add_experiment_command(app, ctx); }
  void run(std::vector<std::string> args) {
    std::reverse(args.begin(), args.end());
    app.parse(args);
  }
};
}  // namespace

TEST(ExperimentCli, ListNamesTheThreeExperiments) {
  Cli c;
  c.run({"experiment", "list"});
  for (const char* n : {"local_minima", "efficiency", "asymptotic"}) EXPECT_NE(c.out.str().find(n), std::string::npos) << n;
}

TEST(ExperimentCli, UnknownNameListsTheValidOnes) {
  Cli c;
  try {
    c.run({"experiment", "local_minimum"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    const std::string w = e.what();
    EXPECT_NE(w.find("'local_minimum'"), std::string::npos);
    EXPECT_NE(w.find("local_minima, efficiency, asymptotic"), std::string::npos);
  }
}

TEST(ExperimentCli, JobsOutOfRangeIsAUsageError) {
  Cli c;
  try {
    c.run({"experiment", "efficiency", "--jobs", "0"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("--jobs = 0"), std::string::npos);
  }
  Cli d;
  EXPECT_THROW(d.run({"experiment"}), CLI::ParseError);  // NAME is required
}

// A small local_minima sweep through the command: text tables, the result file and the
// report directory (report.json valid against the schema, index.html written).
TEST(ExperimentCli, WritesTheResultFileAndTheReport) {
  const auto dir = std::filesystem::temp_directory_path() / ("ov_experiment_cli_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  Cli bad;  // the --json directory is checked before the run
  try {
    bad.run({"experiment", "local_minima", "--json", (dir / "result.json").string()});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("--json"), std::string::npos);
  }
  std::filesystem::create_directories(dir);
  Cli c;
  c.run({"experiment", "local_minima", "--widths", "1,2", "--runs", "2", "--seed", "7", "--jobs", "2", "--report",
         (dir / "rep").string(), "--json", (dir / "result.json").string()});
  const std::string out = c.out.str();
  EXPECT_NE(out.find("QUICK run, seed 7"), std::string::npos) << out;
  EXPECT_NE(out.find("exp.5-1.median-decreases-with-width"), std::string::npos);
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
  Cli d;
  try {
    d.run({"experiment", "efficiency", "--widths", "3"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("--widths"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}
