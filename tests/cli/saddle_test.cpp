// `optverify saddle` run as a subprocess: the MonteCarlo JSON object, same seed ->
// same JSON, --jobs 1 vs --jobs 2 identical, interrupted-then-resumed equals
// uninterrupted, and bad input (exit code 2, the argument named).
#include <gtest/gtest.h>

#include "tests/support/cli_subprocess.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Result = ov::testing::CliResult;

Result run(const std::string& args, bool merge_stderr = true) { return ov::testing::run_cli(args, merge_stderr); }

// The JSON without what legitimately changes between invocations.
nlohmann::json stable(const std::string& text) {
  auto j = nlohmann::json::parse(text);
  j.erase("timing");
  return j;
}

const std::string kArgs =
    "saddle --problem castera_quartic --optimizer inna_fixed_step:alpha=1/2,beta=1,gamma=1/50 --runs 40 "
    "--radius 1e-6 --iters 1200 --json";

std::string temp_path(const std::string& tag) {
  return testing::TempDir() + "ov_saddle_" + tag + "_" + std::to_string(::getpid()) + ".jsonl";
}

TEST(CliSaddle, JsonIsTheMonteCarloObject) {
  const auto r = run(kArgs + " --seed 5", false);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "saddle");
  EXPECT_EQ(j["problem"], "castera_quartic");
  EXPECT_EQ(j["optimizer"]["name"], "inna_fixed_step");
  EXPECT_EQ(j["runs"], 40);
  EXPECT_EQ(j["seed"], 5);
  EXPECT_EQ(j["parameters"]["precision"], "double");
  ASSERT_EQ(j["outcomes"].size(), 5u);
  std::uint64_t total = 0;
  for (const auto& o : j["outcomes"]) {
    total += o["count"].get<std::uint64_t>();
    EXPECT_LE(o["clopper_pearson"][0].get<double>(), o["proportion"].get<double>());
    EXPECT_GE(o["clopper_pearson"][1].get<double>(), o["proportion"].get<double>());
  }
  EXPECT_EQ(total, 40u);
  EXPECT_EQ(j["outcomes"][0]["label"], "strict saddle (0, 0)");
  EXPECT_EQ(j["outcomes"][0]["count"], 0);  // INNA escapes (002 Table 3.1)
  EXPECT_EQ(j["series"][0]["kind"], "proportion");
  EXPECT_EQ(j["escape"]["escaped"], 40);
  EXPECT_GT(j["escape"]["mean_iterations"].get<double>(), 1.0);
  EXPECT_EQ(j["parameters"]["escape_radius"], "1/10");
  EXPECT_EQ(j["series"][0]["labels"].size(), 5u);
}

TEST(CliSaddle, SameSeedSameJsonAndJobsDoNotMatter) {
  const auto a = run(kArgs + " --seed 3 --jobs 1", false), b = run(kArgs + " --seed 3 --jobs 1", false),
             c = run(kArgs + " --seed 3 --jobs 2", false), d = run(kArgs + " --seed 4", false);
  ASSERT_EQ(a.code, 0) << a.out;
  ASSERT_EQ(c.code, 0) << c.out;
  EXPECT_EQ(stable(a.out), stable(b.out));
  EXPECT_EQ(stable(a.out), stable(c.out));
  EXPECT_EQ(nlohmann::json::parse(c.out)["timing"]["jobs"], 2);
  EXPECT_NE(stable(a.out)["seed"], stable(d.out)["seed"]);
}

TEST(CliSaddle, InterruptedThenResumedEqualsUninterrupted) {
  const std::string full_path = temp_path("full"), cut_path = temp_path("cut");
  std::remove(full_path.c_str());
  std::remove(cut_path.c_str());
  const auto full = run(kArgs + " --seed 9 --jobs 2 --checkpoint " + full_path, false);
  ASSERT_EQ(full.code, 0) << full.out;
  std::string text;
  {
    std::ifstream f(full_path);
    std::stringstream s;
    s << f.rdbuf();
    text = s.str();
  }
  // Header + 7 finished runs + half of the 8th: what a crash leaves.
  std::size_t pos = 0;
  for (int i = 0; i < 8; ++i) pos = text.find('\n', pos) + 1;
  {
    std::ofstream f(cut_path);
    f << text.substr(0, pos) << text.substr(pos, 30);
  }
  const auto resumed = run(kArgs + " --seed 9 --jobs 2 --checkpoint " + cut_path);
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  // stderr (merged) carries the warning before the JSON.
  const auto brace = resumed.out.find("{\n");
  EXPECT_NE(resumed.out.substr(0, brace).find("incomplete last line"), std::string::npos) << resumed.out;
  const auto jr = nlohmann::json::parse(resumed.out.substr(brace));
  EXPECT_EQ(jr["timing"]["resumed_runs"], 7);
  EXPECT_EQ(stable(resumed.out.substr(brace)), stable(full.out));
  // A different experiment refuses the file (exit 2, the field named).
  const auto other = run("saddle --problem castera_quartic --optimizer inna_fixed_step:alpha=1/2,beta=1,gamma=1/50 "
                         "--runs 40 --radius 1e-5 --iters 1200 --seed 9 --checkpoint " + cut_path);
  EXPECT_EQ(other.code, 2) << other.out;
  EXPECT_NE(other.out.find("\"radius\""), std::string::npos) << other.out;
  std::remove(full_path.c_str());
  std::remove(cut_path.c_str());
}

TEST(CliSaddle, HumanTable) {
  const auto r = run("saddle --problem castera_quartic --optimizer inna_fixed_step:beta=1,gamma=1/50 --runs 10 "
                     "--radius 1e-6 --iters 1200");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Clopper-Pearson 95%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("minimum (sqrt(2), 0)"), std::string::npos) << r.out;
}

TEST(CliSaddle, BadInputNamesTheArgument) {
  const std::string base = "saddle --problem castera_quartic --optimizer inna_fixed_step ";
  struct Bad {
    std::string args, expect;
  };
  const Bad cases[] = {
      {"--runs 0 --radius 1e-3 --iters 10", "--runs"},
      {"--runs 5 --radius 0 --iters 10", "--radius"},
      {"--runs 5 --radius -1 --iters 10", "(0, inf)"},
      {"--runs 5 --radius 1e-3 --iters -1", "--iters"},
      {"--runs 5 --radius 1e-3 --iters 10 --jobs 0", "--jobs"},
      {"--runs 5 --radius 1e-3 --iters 10 --precision mp100", "--precision"},
      {"--runs 5 --radius 1e-3 --iters 10 --center 1,2,3", "dimension 2"},
      {"--runs 5 --radius 1e-3 --iters 10 --region sphere", "--region"},
      {"--runs 5 --radius 1e-3 --iters 10 --classify-radius 1", "0.707"},
      {"--runs 5 --radius 1e-3 --iters 10 --confidence 1", "--confidence"},
      {"--runs 5 --radius 1e-3 --iters 10 --escape-radius 0", "--escape-radius"},
  };
  for (const auto& c : cases) {
    const auto r = run(base + c.args);
    EXPECT_EQ(r.code, 2) << c.args << ": " << r.out;
    EXPECT_NE(r.out.find(c.expect), std::string::npos) << c.args << ": " << r.out;
  }
  const auto p = run("saddle --problem nosuch --optimizer inna --runs 5 --radius 1e-3 --iters 10");
  EXPECT_EQ(p.code, 2) << p.out;
  const auto o = run("saddle --problem castera_quartic --optimizer nosuch --runs 5 --radius 1e-3 --iters 10");
  EXPECT_EQ(o.code, 2) << o.out;
  EXPECT_NE(o.out.find("nosuch"), std::string::npos) << o.out;
}

}  // namespace
