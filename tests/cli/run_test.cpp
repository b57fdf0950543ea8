// `optverify optimizers list` and `optverify run`, run as a subprocess: JSON
// documents, reproducibility, CSV output, and bad input (exit code 2 with a
// message naming the argument).
#include <gtest/gtest.h>

#include "tests/support/cli_subprocess.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

using Result = ov::testing::CliResult;

Result run(const std::string& args, bool merge_stderr = true) { return ov::testing::run_cli(args, merge_stderr); }

// The first registered rule that runs on a deterministic objective, and one of its
// scalar parameters (for the override tests).
struct Pick {
  std::string name;
  std::string param;
};

Pick deterministic_rule() {
  const auto r = run("optimizers list --json", false);
  const auto j = nlohmann::json::parse(r.out);
  for (const auto& o : j["optimizers"]) {
    if (o["needs_finite_sum"].get<bool>()) continue;
    for (const auto& p : o["parameters"]) {
      const std::string d = p["default"];
      if (!d.empty() && (std::isdigit(static_cast<unsigned char>(d[0])) != 0)) return {o["name"], p["name"]};
    }
  }
  return {};
}

TEST(CliRun, OptimizersListHasDefaultsRangesAndCitations) {
  const auto r = run("optimizers list --json", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "optimizers list");
  ASSERT_GE(j["optimizers"].size(), 1u);
  for (const auto& o : j["optimizers"]) {
    EXPECT_FALSE(o["citation"].get<std::string>().empty()) << o["name"];
    for (const auto& p : o["parameters"]) {
      EXPECT_FALSE(p["default"].get<std::string>().empty()) << o["name"] << "." << p["name"];
      EXPECT_FALSE(p["range"].get<std::string>().empty()) << o["name"] << "." << p["name"];
    }
  }
  EXPECT_EQ(run("optimizers list").code, 0);
}

TEST(CliRun, JsonRunIsReproducibleAndRecordsItsInputs) {
  const Pick k = deterministic_rule();
  ASSERT_FALSE(k.name.empty());
  const std::string args = "run --problem rosenbrock --optimizer " + k.name + " --iters 5 --json --seed ";
  const auto a = run(args + "3", false), b = run(args + "3", false), c = run(args + "4", false);
  ASSERT_EQ(a.code, 0) << a.out;
  const auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out), jc = nlohmann::json::parse(c.out);
  EXPECT_EQ(ja["summary"]["x"], jb["summary"]["x"]);
  EXPECT_NE(ja["request"]["x0"], jc["request"]["x0"]);
  EXPECT_EQ(ja["request"]["seed"], 3);
  EXPECT_EQ(ja["request"]["precision"], "double");
  EXPECT_TRUE(ja["provenance"].contains("git_commit"));
  EXPECT_FALSE(ja["request"]["hyperparameters"].empty());
  EXPECT_LE(ja["trace"].size(), 5u);
  EXPECT_EQ(ja["summary"]["iterations"].get<int>(), static_cast<int>(ja["trace"].size()));
}

TEST(CliRun, HighPrecisionRunAndExplicitStart) {
  const Pick k = deterministic_rule();
  const auto r = run("run --problem rosenbrock --optimizer " + k.name + " --iters 2 --precision mp50 --x0 -1/2,1/3 --json",
                     false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["request"]["x0"][0], "-0.5");
  // mp50 prints ~50 significant digits: 1/3 is not cut to a double.
  EXPECT_GT(j["request"]["x0"][1].get<std::string>().size(), 40u);
}

TEST(CliRun, CsvTraceIsWritten) {
  const Pick k = deterministic_rule();
  const std::string path = ::testing::TempDir() + "/optverify_run_trace.csv";
  std::remove(path.c_str());
  const auto r = run("run --problem rosenbrock --optimizer " + k.name + " --iters 4 --csv " + path);
  ASSERT_EQ(r.code, 0) << r.out;
  std::ifstream f(path);
  ASSERT_TRUE(f.good());
  std::string header;
  std::getline(f, header);
  EXPECT_EQ(header, "iteration,value,grad_norm,step_size,trials,values,gradients,epoch,seconds,status");
  int rows = 0;
  for (std::string line; std::getline(f, line);) ++rows;
  EXPECT_GE(rows, 1);
  EXPECT_LE(rows, 4);
}

TEST(CliRun, BadInputNamesTheArgument) {
  const Pick k = deterministic_rule();
  auto r = run("run --problem rosenbrock --optimizer no_such_rule");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("unknown optimizer 'no_such_rule'"), std::string::npos) << r.out;
  r = run("run --problem rosenbrock --optimizer " + k.name + ":bogus=1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("unknown parameter 'bogus' (valid: "), std::string::npos) << r.out;
  r = run("run --problem rosenbrock --optimizer " + k.name + ":" + k.param + "=-5");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find(k.param + " = -5 is outside its valid range"), std::string::npos) << r.out;
  r = run("run --problem rosenbrock --optimizer " + k.name + " --x0 1,2,3");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--x0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dimension 2"), std::string::npos) << r.out;
  r = run("run --problem rosenbrock --optimizer " + k.name + " --precision mp7");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--precision"), std::string::npos) << r.out;
  r = run("run --problem rosenbrock --optimizer " + k.name + " --batch-size 2");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("not a finite sum"), std::string::npos) << r.out;
}

}  // namespace
