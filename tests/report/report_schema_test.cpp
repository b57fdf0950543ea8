// Schema validation: the sample document is valid, and each kind of broken
// document (a mutant of the sample) is rejected with the path of the wrong field.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/report/report_schema.hpp"
#include "tests/report/sample_report.hpp"

namespace {

using namespace ov::report;
using nlohmann::json;

std::string all_errors(const std::vector<SchemaError>& errs) {
  std::string s;
  for (const auto& e : errs) s += e.to_string() + "\n";
  return s;
}

TEST(ReportSchema, SampleAndFreshDocumentsAreValid) {
  EXPECT_TRUE(validate_report(test_support::sample_document()).empty()) << all_errors(validate_report(test_support::sample_document()));
  EXPECT_TRUE(validate_report(new_report_document()).empty());
  EXPECT_NO_THROW(require_valid_report(test_support::sample_document()));
}

struct Mutant {
  const char* name;
  std::function<void(json&)> mutate;
  const char* expected_path;  // must appear in one error's path
};

TEST(ReportSchema, RejectsEveryMutantNamingTheField) {
  const std::vector<Mutant> mutants = {
      {"not an object", [](json& d) { d = json::array(); }, "(document)"},
      {"wrong schema id", [](json& d) { d["schema"] = "optverify-report/0"; }, "schema"},
      {"no provenance", [](json& d) { d.erase("provenance"); }, "provenance"},
      {"claims not an array", [](json& d) { d["claims"] = json::object(); }, "claims"},
      {"no benchmarks array", [](json& d) { d.erase("benchmarks"); }, "benchmarks"},
      {"claim without id", [](json& d) { d["claims"][0].erase("id"); }, "claims[0].id"},
      {"unknown verdict", [](json& d) { d["claims"][2]["verdict"] = "true"; }, "claims[2] (id \"gd.no-overshoot\").verdict"},
      {"verdict not a string", [](json& d) { d["claims"][0]["verdict"] = true; }, ".verdict"},
      {"source without file", [](json& d) { d["claims"][0]["source"].erase("file"); }, "claims[0] (id \"nesterov.rate\").source.file"},
      {"negative time", [](json& d) { d["claims"][1]["time_s"] = -1; }, "claims[1] (id \"castera.inna.det\").time_s"},
      {"time as text", [](json& d) { d["claims"][1]["time_s"] = "fast"; }, ".time_s"},
      {"seed not an integer", [](json& d) { d["claims"][0]["seed"] = 1.5; }, ".seed"},
      {"escalation without reason", [](json& d) { d["claims"][0]["escalations"][0].erase("reason"); }, ".escalations[0].reason"},
      {"no evidence", [](json& d) { d["claims"][0].erase("evidence"); }, ".evidence"},
      {"refuted without counterexample", [](json& d) { d["claims"][2]["evidence"]["counterexample"] = nullptr; }, ".evidence.counterexample"},
      {"duplicate claim id", [](json& d) { d["claims"][1]["id"] = "nesterov.rate"; }, "claims[1] (id \"nesterov.rate\").id"},
      {"series x/y lengths differ", [](json& d) { d["claims"][0]["evidence"]["series"][0]["y"].erase(0); }, "claims[0] (id \"nesterov.rate\").evidence.series[0]"},
      {"series empty", [](json& d) { auto& s = d["claims"][0]["evidence"]["series"][1]; s["x"] = json::array(); s["y"] = json::array(); }, ".evidence.series[1].x"},
      {"series value not a number", [](json& d) { d["claims"][0]["evidence"]["series"][0]["y"][3] = "abc"; }, ".evidence.series[0].y[3]"},
      {"series NaN", [](json& d) { d["claims"][0]["evidence"]["series"][0]["y"][3] = std::nan(""); }, ".evidence.series[0].y[3]"},
      {"unknown series kind", [](json& d) { d["claims"][0]["evidence"]["series"][0]["kind"] = "histogram"; }, ".evidence.series[0].kind"},
      {"unknown role", [](json& d) { d["claims"][0]["evidence"]["series"][1]["role"] = "upper"; }, ".evidence.series[1].role"},
      {"series without plot key", [](json& d) { d["claims"][0]["evidence"]["series"][0].erase("plot"); }, ".evidence.series[0].plot"},
      {"one plot mixes kinds", [](json& d) {
         auto s = d["claims"][0]["evidence"]["series"][0];
         s["kind"] = "spectrum";
         d["claims"][0]["evidence"]["series"].push_back(s);
       }, ".evidence.series[2].kind"},
      {"proportion without lo", [](json& d) {
         d["benchmarks"][0]["series"] = json::array({{{"name", "p"}, {"kind", "proportion"}, {"plot", "P"}, {"role", "measured"},
                                                      {"x", {0}}, {"y", {0.5}}, {"hi", {0.6}}}});
       }, "benchmarks[0] (name \"verify --all\").series[0].lo"},
      {"proportion outside its interval", [](json& d) {
         d["benchmarks"][0]["series"] = json::array({{{"name", "p"}, {"kind", "proportion"}, {"plot", "P"}, {"role", "measured"},
                                                      {"x", {0}}, {"y", {0.7}}, {"lo", {0.4}}, {"hi", {0.6}}}});
       }, "series[0].y[0]"},
      {"rate order CI reversed", [](json& d) { d["rate_studies"][0]["order"]["ci"] = {1.1, 0.9}; }, "rate_studies[0] (name \"gd on quadratic\").order.ci"},
      {"rate window not integers", [](json& d) { d["rate_studies"][0]["order"]["window"] = {"a", 3}; }, ".order.window"},
      {"bound check without pointwise", [](json& d) { d["rate_studies"][0]["bound_check"].erase("pointwise"); }, ".bound_check.pointwise"},
      {"eigenvalue without modulus", [](json& d) { d["spectra"][0]["eigenvalues"][1].erase("modulus"); }, "spectra[0] (name \"INNA Jacobian at alpha=0.5\").eigenvalues[1].modulus"},
      {"certified without enclosures", [](json& d) { d["spectra"][0]["enclosures"] = nullptr; }, "spectra[0] (name \"INNA Jacobian at alpha=0.5\").enclosures"},
      {"enclosure reversed", [](json& d) { d["spectra"][0]["enclosures"][0]["re"] = {1, 0}; }, ".enclosures[0].re"},
      {"MC counts do not add up", [](json& d) { d["monte_carlo"][0]["outcomes"][0]["count"] = 92; }, "monte_carlo[0] (name \"INNA saddle escape\").outcomes"},
      {"MC proportion not count/runs", [](json& d) { d["monte_carlo"][0]["outcomes"][2]["proportion"] = 0.08; }, ".outcomes[2] (label \"undecided\").proportion"},
      {"MC Wilson interval misses the proportion", [](json& d) { d["monte_carlo"][0]["outcomes"][0]["wilson"] = {0.95, 0.99}; }, ".outcomes[0] (label \"minimum\").wilson"},
      {"MC negative count", [](json& d) { d["monte_carlo"][0]["outcomes"][1]["count"] = -1; }, ".outcomes[1] (label \"saddle\").count"},
      {"benchmark without name", [](json& d) { d["benchmarks"][0].erase("name"); }, "benchmarks[0].name"},
      {"figure value is an array", [](json& d) { d["claims"][0]["evidence"]["figures"]["bad"] = json::array({1}); }, ".evidence.figures.bad"},
      {"malformed decimal string", [](json& d) { d["spectra"][0]["eigenvalues"][0]["re"] = "1.2.3"; }, ".eigenvalues[0].re"},
  };
  for (const auto& m : mutants) {
    json d = test_support::sample_document();
    m.mutate(d);
    const auto errs = validate_report(d);
    ASSERT_FALSE(errs.empty()) << "mutant accepted: " << m.name;
    bool found = false;
    for (const auto& e : errs) found = found || e.path.find(m.expected_path) != std::string::npos;
    EXPECT_TRUE(found) << "mutant '" << m.name << "': no error at " << m.expected_path << "; got:\n" << all_errors(errs);
    EXPECT_THROW(require_valid_report(d), std::invalid_argument) << m.name;
  }
}

TEST(ReportSchema, DecimalStringsStandForNumbers) {
  EXPECT_TRUE(is_real_value(json("1.25")));
  EXPECT_TRUE(is_real_value(json("-3e-500")));  // does not fit a double: still a valid number
  EXPECT_TRUE(is_real_value(json("1/3")));
  EXPECT_FALSE(is_real_value(json("1/0")));
  EXPECT_FALSE(is_real_value(json("nan")));
  EXPECT_FALSE(is_real_value(json("")));
  EXPECT_FALSE(is_real_value(json("1e")));
  EXPECT_FALSE(is_real_value(json(true)));
  EXPECT_DOUBLE_EQ(real_value(json("1/4")), 0.25);
  EXPECT_DOUBLE_EQ(real_value(json("-2.5e1")), -25.0);
}

TEST(ReportSchema, MessageListsTheProblems) {
  json d = test_support::sample_document();
  d["claims"][0]["verdict"] = "maybe";
  try {
    require_valid_report(d, "shard-1.json");
    FAIL();
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("shard-1.json"), std::string::npos) << m;
    EXPECT_NE(m.find("\"maybe\" is not one of holds, holds-certified, refuted, inconclusive"), std::string::npos) << m;
  }
}

}  // namespace
