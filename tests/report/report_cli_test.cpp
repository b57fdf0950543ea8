// `optverify report merge|render|validate` end to end (the program as a subprocess).
#include <gtest/gtest.h>

#include "tests/support/cli_subprocess.hpp"
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis/report/atomic_file.hpp"
#include "tests/report/report_test_support.hpp"
#include "tests/report/sample_report.hpp"

namespace {

using namespace ov::report;
using namespace ov::report::test_support;
using nlohmann::json;
namespace fs = std::filesystem;

using Result = ov::testing::CliResult;

Result run(const std::string& args, bool merge_stderr = true) { return ov::testing::run_cli(args, merge_stderr); }

void write_json(const fs::path& p, const json& j) { write_file_atomically(p, j.dump(2)); }

TEST(ReportCli, MergeTwoShardsWritesTheDirectory) {
  ScratchDir tmp;
  const json full = sample_document();
  json a = full, b = full;
  a["claims"] = json::array({full["claims"][0], full["claims"][2]});
  b["claims"] = json::array({full["claims"][1]});
  write_json(tmp.path() / "a.json", a);
  write_json(tmp.path() / "b.json", b);
  const fs::path out = tmp.path() / "merged";
  const auto r = run("report merge --output " + out.string() + " " + (tmp.path() / "a.json").string() + " " +
                         (tmp.path() / "b.json").string() + " --json",
                     false);
  ASSERT_EQ(r.code, 0) << r.out;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["command"], "report merge");
  EXPECT_EQ(j["counts"]["claims"], 3);
  EXPECT_EQ(j["counts"]["verdicts"]["refuted"], 1);
  EXPECT_EQ(j["output"]["html"], (out / "index.html").string());
  const json merged = json::parse(read_file(out / "report.json"));
  EXPECT_EQ(merged["claims"].size(), 3u);
  EXPECT_EQ(merged["claims"][0]["id"], "castera.inna.det");  // sorted by id
  EXPECT_TRUE(fs::is_regular_file(out / "claims.csv"));
  EXPECT_TRUE(fs::is_regular_file(out / "report.md"));
}

TEST(ReportCli, ConflictingShardsAreBadInputNamingBothFiles) {
  ScratchDir tmp;
  json a = sample_document(), b = sample_document();
  b["claims"][0]["time_s"] = 9.0;
  write_json(tmp.path() / "a.json", a);
  write_json(tmp.path() / "b.json", b);
  const auto r = run("report merge -o " + (tmp.path() / "m").string() + " " + (tmp.path() / "a.json").string() + " " +
                     (tmp.path() / "b.json").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("claim 'nesterov.rate' differs between"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a.json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b.json"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(tmp.path() / "m"));
}

TEST(ReportCli, CorruptInputNamesFileAndByte) {
  ScratchDir tmp;
  write_file_atomically(tmp.path() / "bad.json", "{\"schema\": [1, 2");
  const auto r = run("report render " + (tmp.path() / "bad.json").string() + " --output " + (tmp.path() / "o").string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("bad.json' is not valid JSON: error at byte 17"), std::string::npos) << r.out;
}

TEST(ReportCli, RenderAndValidate) {
  ScratchDir tmp;
  const json doc = sample_document();
  write_json(tmp.path() / "r.json", doc);
  auto r = run("report render " + (tmp.path() / "r.json").string() + " --output " + (tmp.path() / "out").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find((tmp.path() / "out" / "index.html").string()), std::string::npos) << r.out;
  EXPECT_EQ(json::parse(read_file(tmp.path() / "out" / "report.json")), doc);
  r = run("report validate " + (tmp.path() / "r.json").string());
  EXPECT_EQ(r.code, 0) << r.out;
  json bad = sample_document();
  bad["monte_carlo"][0]["runs"] = 99;
  write_json(tmp.path() / "bad.json", bad);
  r = run("report validate " + (tmp.path() / "bad.json").string());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("monte_carlo[0] (name \"INNA saddle escape\").outcomes: counts sum to 100 but runs = 99"),
            std::string::npos)
      << r.out;
  r = run("report render " + (tmp.path() / "bad.json").string() + " -o " + (tmp.path() / "o2").string());
  EXPECT_EQ(r.code, 2) << r.out;
}

TEST(ReportCli, MissingArgumentsAreUsageErrors) {
  EXPECT_EQ(run("report merge a.json").code, 2);         // no --output
  EXPECT_EQ(run("report merge --output /tmp/x").code, 2);  // no input
  const auto r = run("report merge --output /tmp/ov-none /nonexistent/shard.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("cannot read report file '/nonexistent/shard.json'"), std::string::npos) << r.out;
}

}  // namespace
