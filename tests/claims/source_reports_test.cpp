// End to end, per source document: `optverify verify --source DOC --quick --report DIR` on the
// catalog's claims citing DOC. Every verdict is the expected one (a true statement not
// refuted, an erratum refuted: the exit code is 0 and "unexpected" is empty), the report
// follows the schema (`optverify report validate`), and every claim with series has its plot
// (an SVG figure in its section of index.html).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/support/cli_subprocess.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SourceReport : public ::testing::TestWithParam<const char*> {};

TEST_P(SourceReport, VerdictsAsExpectedAndEveryCurveIsPlotted) {
  const std::string doc = GetParam();
  char tmpl[] = "/tmp/ov-source-report-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::filesystem::path dir = tmpl;
  const auto r = ov::testing::run_cli("verify --source " + doc + " --quick --jobs 1 --json --report " + dir.string(),
                                      /*merge_stderr=*/false);
  ASSERT_EQ(r.code, 0) << "a verdict is not the expected one (see \"unexpected\"):\n" << r.out.substr(0, 4000);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["unexpected"].empty()) << j["unexpected"].dump();
  ASSERT_FALSE(j["claims"].empty());

  const auto v = ov::testing::run_cli("report validate " + (dir / "report.json").string());
  EXPECT_EQ(v.code, 0) << v.out;

  const std::string html = slurp(dir / "index.html");
  const auto& claims = j["claims"];
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    // inconclusive is a verdict too (e.g. runs still moving at the horizon), but it must say why.
    EXPECT_FALSE(c["evidence"]["summary"].get<std::string>().empty()) << c["id"];
    if (c["evidence"]["series"].empty()) continue;
    const std::string anchor = "id=\"claim-" + std::to_string(i) + "\"";
    const auto begin = html.find(anchor);
    ASSERT_NE(begin, std::string::npos) << c["id"];
    const auto end = html.find("<section class=\"entry\"", begin + anchor.size());
    const std::string section = html.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    EXPECT_NE(section.find("<svg"), std::string::npos) << c["id"] << " has series but no plot in index.html";
  }
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Documents, SourceReport,
                         ::testing::Values("000_47ba9189a2c8a171.txt", "001_ca0824e53e7404e9.txt",
                                           "002_dc929347c6f8ce02.txt", "003_61d556b637c4f269.txt",
                                           "004_3d3d1f2b4537bb54.txt"),
                         [](const auto& info) { return std::string("doc_") + std::string(info.param).substr(0, 3); });

}  // namespace
