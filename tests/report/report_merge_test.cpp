// Merging shard reports and reading report files.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/report/atomic_file.hpp"
#include "analysis/report/report_merge.hpp"
#include "tests/report/report_test_support.hpp"
#include "tests/report/sample_report.hpp"

namespace {

using namespace ov::report;
using nlohmann::json;
namespace fs = std::filesystem;

// Splits the sample into two shards: claims alternately, the other sections to one side.
std::pair<json, json> two_shards(const json& full) {
  json a = full, b = full;
  a["claims"] = json::array();
  b["claims"] = json::array();
  for (std::size_t i = 0; i < full["claims"].size(); ++i) (i % 2 ? b : a)["claims"].push_back(full["claims"][i]);
  a["spectra"] = json::array();
  b["monte_carlo"] = json::array();
  b["rate_studies"] = json::array();
  return {a, b};
}

json sorted_by(json arr, const char* key) {
  std::sort(arr.begin(), arr.end(), [&](const json& x, const json& y) { return x[key] < y[key]; });
  return arr;
}

TEST(ReportMerge, TwoShardsGiveTheSingleReport) {
  const json full = test_support::sample_document();
  const auto [a, b] = two_shards(full);
  const json merged = merge_reports({{"a.json", a}, {"b.json", b}});
  EXPECT_EQ(merged["claims"], sorted_by(full["claims"], "id"));
  for (const char* k : {"rate_studies", "spectra", "monte_carlo", "benchmarks"}) {
    EXPECT_EQ(merged[k], sorted_by(full[k], "name")) << k;
  }
  ASSERT_EQ(merged["provenance"]["merged_from"].size(), 2u);
  EXPECT_EQ(merged["provenance"]["merged_from"][1]["source"], "b.json");
  // The order of the shards does not matter.
  const json swapped = merge_reports({{"b.json", b}, {"a.json", a}});
  EXPECT_EQ(swapped["claims"], merged["claims"]);
  EXPECT_EQ(swapped["spectra"], merged["spectra"]);
}

TEST(ReportMerge, IdenticalDuplicateKeptOnceDifferentDuplicateNamesBothFiles) {
  const json full = test_support::sample_document();
  const json once = merge_reports({{"a.json", full}, {"b.json", full}});
  EXPECT_EQ(once["claims"].size(), full["claims"].size());
  json changed = full;
  changed["claims"][1]["verdict"] = "inconclusive";
  try {
    merge_reports({{"a.json", full}, {"b.json", changed}});
    FAIL() << "conflicting duplicate accepted";
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("claim 'castera.inna.det'"), std::string::npos) << m;
    EXPECT_NE(m.find("'a.json'"), std::string::npos) << m;
    EXPECT_NE(m.find("'b.json'"), std::string::npos) << m;
  }
}

TEST(ReportMerge, InvalidShardIsNamed) {
  json bad = test_support::sample_document();
  bad["claims"][0]["verdict"] = "yes";
  try {
    merge_reports({{"good.json", test_support::sample_document()}, {"bad.json", bad}});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("report 'bad.json'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(merge_reports({}), std::invalid_argument);
}

TEST(ReportFile, CorruptJsonNamesFileByteLineAndColumn) {
  test_support::ScratchDir tmp;
  const fs::path p = tmp.path() / "shard.json";
  // The error is detected at the '}' after the comma: byte 26 (1-based), line 2, column 10.
  write_file_atomically(p, "{\"schema\": \"x\",\n  \"a\": 1,}");
  try {
    load_report_file(p);
    FAIL() << "corrupt JSON accepted";
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(p.string()), std::string::npos) << m;
    EXPECT_NE(m.find("byte 26 (line 2, column 10)"), std::string::npos) << m;
  }
}

TEST(ReportFile, TruncatedAndMissingFiles) {
  test_support::ScratchDir tmp;
  const fs::path p = tmp.path() / "cut.json";
  const std::string full = test_support::sample_document().dump();
  write_file_atomically(p, full.substr(0, 100));
  try {
    load_report_file(p);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("cut.json' is not valid JSON: error at byte 101"), std::string::npos) << e.what();
  }
  try {
    load_report_file(tmp.path() / "absent.json");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("absent.json': No such file"), std::string::npos) << e.what();
  }
  write_file_atomically(p, full);
  EXPECT_EQ(load_report_file(p), json::parse(full));
}

}  // namespace
