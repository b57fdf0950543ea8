// The protocol file reader (gpu/bench/protocol.cpp), the MBT protocols' checks on fabricated
// measurements (gpu/bench/mbt_checks.hpp), the transcribed paper tables, the shipped
// bench/protocols/mbt_*.json files, and one tiny real run of a protocol whose output is a
// valid report fragment.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"
#include "gpu/bench/mbt_checks.hpp"
#include "gpu/bench/mbt_finder_stability.hpp"
#include "gpu/bench/mbt_learning_rate_traces.hpp"
#include "gpu/bench/mbt_optimizer_comparison.hpp"
#include "gpu/bench/mbt_paper_tables.hpp"
#include "gpu/bench/protocol.hpp"

namespace {

using namespace ov::gpu::bench;
namespace fs = std::filesystem;

const double kNaN = std::numeric_limits<double>::quiet_NaN();

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() /
                       ("ov_mbt_protocols_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::create_directories(dir);
  return dir;
}

std::string write_file(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

fs::path protocol_dir() { return fs::path(OPTVERIFY_SOURCE_ROOT) / "bench" / "protocols"; }

std::vector<std::string> shipped_mbt_files() {
  std::vector<std::string> out;
  for (const auto& p : protocol_files(protocol_dir().string()))
    if (fs::path(p).filename().string().rfind("mbt_", 0) == 0) out.push_back(p);
  return out;
}

const char* kValidFile = R"({"protocol": "mbt_finder_stability", "name": "t", "source": {"file": "000_47ba9189a2c8a171.txt"},
  "cpu": {"dataset": "fashion-mnist", "model": "lenet", "max_over_min": 1.5},
  "full": {"dataset": "cifar10", "model": "resnet18", "max_over_min": 1.35}})";

// ---- protocol files --------------------------------------------------------------------

TEST(ProtocolFile, ReadsAValidFileAndItsBlocks) {
  const auto dir = temp_dir();
  const auto f = read_protocol_file(write_file(dir, "ok.json", kValidFile));
  EXPECT_EQ(f.kind, "mbt_finder_stability");
  EXPECT_EQ(f.name, "t");
  EXPECT_EQ(f.settings("cpu")["model"], "lenet");
  EXPECT_EQ(f.settings("full")["model"], "resnet18");
  EXPECT_NE(message_of([&] { f.settings("gpu"); }).find("valid: cpu, full"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ProtocolFile, MissingFileIsNamed) {
  const std::string path = (temp_dir() / "absent.json").string();
  const std::string m = message_of([&] { read_protocol_file(path); });
  EXPECT_NE(m.find(path), std::string::npos) << m;
}

TEST(ProtocolFile, BadJsonNamesTheByte) {
  const auto dir = temp_dir();
  // The stray comma is byte 15 (1-based); the error is found at the '}' after it, byte 16.
  const std::string path = write_file(dir, "bad.json", R"({"protocol": 1,})");
  const std::string m = message_of([&] { read_protocol_file(path); });
  EXPECT_NE(m.find(path), std::string::npos) << m;
  EXPECT_NE(m.find("byte 16"), std::string::npos) << m;
  // The same document without the stray comma parses as JSON (and fails later, on the kind's type).
  const std::string m2 = message_of([&] { read_protocol_file(write_file(dir, "ok.json", R"({"protocol": 1})")); });
  EXPECT_EQ(m2.find("byte"), std::string::npos) << m2;
  EXPECT_NE(m2.find("\"protocol\" must be a non-empty string"), std::string::npos) << m2;
  fs::remove_all(dir);
}

TEST(ProtocolFile, MissingBlocksAndFieldsAreNamed) {
  const auto dir = temp_dir();
  auto doc = nlohmann::json::parse(kValidFile);
  for (const char* key : {"cpu", "full", "name", "source", "protocol"}) {
    auto broken = doc;
    broken.erase(key);
    const std::string path = write_file(dir, std::string("no_") + key + ".json", broken.dump());
    const std::string m = message_of([&] { read_protocol_file(path); });
    EXPECT_NE(m.find(path), std::string::npos) << m;
    EXPECT_NE(m.find(std::string("\"") + key + "\""), std::string::npos) << key << ": " << m;
  }
  auto not_object = doc;
  not_object["cpu"] = nlohmann::json::array();
  EXPECT_NE(message_of([&] { read_protocol_file(write_file(dir, "arr.json", not_object.dump())); }).find("JSON object"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(ProtocolFile, UnknownKindListsTheKinds) {
  const auto dir = temp_dir();
  auto doc = nlohmann::json::parse(kValidFile);
  doc["protocol"] = "mbt_table9";
  const std::string m = message_of([&] { read_protocol_file(write_file(dir, "kind.json", doc.dump())); });
  for (const auto& k : protocol_kinds()) EXPECT_NE(m.find(k.kind), std::string::npos) << m;
  // Through run_protocol (a ProtocolFile built by hand, as a caller may).
  ProtocolFile f = read_protocol_file(write_file(dir, "ok.json", kValidFile));
  f.kind = "mbt_table9";
  const std::string m2 = message_of([&] { run_protocol(f, ProtocolOptions{}); });
  EXPECT_NE(m2.find("unknown protocol kind \"mbt_table9\""), std::string::npos) << m2;
  for (const auto& k : protocol_kinds()) EXPECT_NE(m2.find(k.kind), std::string::npos) << m2;
  fs::remove_all(dir);
}

TEST(ProtocolFile, SuiteListsJsonFilesSorted) {
  const auto dir = temp_dir();
  write_file(dir, "b.json", "{}");
  write_file(dir, "a.json", "{}");
  write_file(dir, "notes.txt", "");
  const auto files = protocol_files(dir.string());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(fs::path(files[0]).filename(), "a.json");
  EXPECT_EQ(fs::path(files[1]).filename(), "b.json");
  EXPECT_THROW(protocol_files((dir / "none").string()), std::invalid_argument);
  fs::remove_all(dir);
}

// ---- the shipped files -----------------------------------------------------------------

TEST(ShippedMbtProtocols, ParseAndHaveValidSettings) {
  const auto files = shipped_mbt_files();
  ASSERT_EQ(files.size(), 4u);
  std::set<std::string> names;
  for (const auto& path : files) {
    const auto f = read_protocol_file(path);
    EXPECT_TRUE(names.insert(f.name).second) << "duplicate name " << f.name;
    for (const char* scale : {"cpu", "full"}) {
      const std::string where = path + ": " + scale;
      if (f.kind == "mbt_finder_stability") {
        EXPECT_NO_THROW(parse_mbt_finder_stability_settings(f.settings(scale), where)) << where;
      } else if (f.kind == "mbt_optimizer_comparison") {
        EXPECT_NO_THROW(parse_mbt_optimizer_comparison_settings(f.settings(scale), where)) << where;
      } else if (f.kind == "mbt_learning_rate_traces") {
        EXPECT_NO_THROW(parse_mbt_learning_rate_traces_settings(f.settings(scale), where)) << where;
      } else {
        ADD_FAILURE() << path << ": unexpected kind " << f.kind;
      }
    }
  }
}

TEST(ShippedMbtProtocols, SettingsErrorsNameTheKey) {
  const auto f = read_protocol_file((protocol_dir() / "mbt_table1_finder_stability.json").string());
  auto block = f.settings("cpu");
  block["max_over_mni"] = 2;  // misspelt
  EXPECT_NE(message_of([&] { parse_mbt_finder_stability_settings(block, "w"); }).find("unknown key \"max_over_mni\""),
            std::string::npos);
  block = f.settings("cpu");
  block["starting_rates"] = {1, 1000};  // outside the finder's [1e-6, 100]
  const std::string m = message_of([&] { parse_mbt_finder_stability_settings(block, "w"); });
  EXPECT_NE(m.find("\"starting_rates\""), std::string::npos) << m;
  EXPECT_NE(m.find("element 1"), std::string::npos) << m;
  block = f.settings("cpu");
  block.erase("max_over_min");
  EXPECT_NE(message_of([&] { parse_mbt_finder_stability_settings(block, "w"); }).find("\"max_over_min\": missing"),
            std::string::npos);

  const auto g = read_protocol_file((protocol_dir() / "mbt_table2_optimizer_comparison.json").string());
  auto cmp = g.settings("cpu");
  cmp["badly_tuned"] = "SGDX";
  EXPECT_NE(message_of([&] { parse_mbt_optimizer_comparison_settings(cmp, "w"); }).find("\"SGDX\" is not a baseline"),
            std::string::npos);
  cmp = g.settings("cpu");
  cmp["baselines"][0]["optimizer"] = "torch_sgdd";
  EXPECT_NE(message_of([&] { parse_mbt_optimizer_comparison_settings(cmp, "w"); }).find("torch_sgdd"),
            std::string::npos);
  cmp = g.settings("cpu");
  cmp["mbt"][0]["optimizer"] = "torch_sgd";
  EXPECT_NE(message_of([&] { parse_mbt_optimizer_comparison_settings(cmp, "w"); }).find("not an MBT optimizer"),
            std::string::npos);
}

TEST(SpecWithLr, AppendsTheShortestDecimal) {
  EXPECT_EQ(spec_with_lr("torch_sgd", 0.1), "torch_sgd:lr=0.1");
  EXPECT_EQ(spec_with_lr("torch_sgd:momentum=0.9", 1e-6), "torch_sgd:momentum=0.9,lr=1e-06");
  EXPECT_EQ(spec_with_lr("adam", 100), "adam:lr=100");
}

// ---- the paper's tables ----------------------------------------------------------------

TEST(PaperTables, Table1RowsSpreadAsTheGuideDerives) {
  const auto& t = mbt_paper_table1();
  ASSERT_EQ(t.rates.size(), 7u);
  for (const auto& r : t.rates) ASSERT_EQ(r.size(), 9u);
  // Guide seed-000-001-backtracking.md §4: per row max/min ~1.20-1.34.
  const auto ratios = row_max_over_min(t.rates);
  for (double q : ratios) {
    EXPECT_GE(q, 1.20);
    EXPECT_LE(q, 1.35);
  }
  EXPECT_NEAR(ratios[6], 0.0205 / 0.0153, 1e-12);  // row 800, L607
  // The paper's own table passes the full-scale thresholds, and a table with one cell moved
  // 10x (a finder that depended on its start) fails them.
  std::vector<std::int64_t> ks(t.batch_sizes.begin(), t.batch_sizes.end());
  EXPECT_EQ(check_finder_start_independence(t.rates, ks, 1.35).verdict, "holds");
  auto broken = t.rates;
  broken[3][8] *= 10;
  EXPECT_EQ(check_finder_start_independence(broken, ks, 1.35).verdict, "refuted");
  std::vector<double> medians;
  for (const auto& r : t.rates) {
    auto s = r;
    std::sort(s.begin(), s.end());
    medians.push_back(s[4]);
  }
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, medians, 0.8).verdict, "holds");
  std::reverse(medians.begin(), medians.end());
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, medians, 0.8).verdict, "refuted");
}

TEST(PaperTables, Table2RowBestsAreTheItalicCells) {
  const auto& t = mbt_paper_table2();
  // Italic (row best) rates from L614-L621: SGD, MMT, NAG 1e-1; Adagrad 1e-2; Adadelta 1;
  // RMSprop, Adam 1e-3; Adamax 1e-2 (guide §4 "Best LR per baseline").
  const std::vector<double> best_lr = {1e-1, 1e-1, 1e-1, 1e-2, 1, 1e-3, 1e-3, 1e-2};
  double overall = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const auto& a = t.rows[i].accuracy;
    ASSERT_EQ(a.size(), 9u);
    const auto j = std::max_element(a.begin(), a.end()) - a.begin();
    EXPECT_EQ(t.learning_rates[static_cast<std::size_t>(j)], best_lr[i]) << t.rows[i].optimizer;
    overall = std::max(overall, a[static_cast<std::size_t>(j)]);
  }
  EXPECT_DOUBLE_EQ(overall, 92.41);  // NAG: the guide's §7 item 13 (the text's "Adam and Adamax" is not the best)
  EXPECT_EQ(t.rows[10].optimizer, "MBT-NAG");
  EXPECT_DOUBLE_EQ(t.rows[10].accuracy[0], 93.85);
}

TEST(PaperTables, Table3MatchesTable2AndRecordsTheSlidesCell) {
  const auto& t3 = mbt_paper_table3();
  const auto& t2 = mbt_paper_table2();
  ASSERT_EQ(t3.rows.size(), 5u);
  EXPECT_DOUBLE_EQ(t3.rows[0].cifar10_mmt, t2.rows[9].accuracy[0]);  // 93.70
  EXPECT_DOUBLE_EQ(t3.rows[0].cifar10_nag, t2.rows[10].accuracy[0]);  // 93.85
  EXPECT_DOUBLE_EQ(t3.rows[0].cifar100_nag, 70.66);
  EXPECT_DOUBLE_EQ(t3.slides_differences[0]["slides"].get<double>(), 70.78);
  EXPECT_EQ(t3.rows[4].zoo_model, "densenet121");
}

// ---- the checks on fabricated measurements ------------------------------------------------

TEST(MbtChecks, Spearman) {
  EXPECT_NEAR(spearman_correlation({1, 2, 3, 4}, {10, 20, 30, 40}), 1, 1e-15);
  EXPECT_NEAR(spearman_correlation({1, 2, 3, 4}, {4, 3, 2, 1}), -1, 1e-15);
  // Ties get average ranks: x ranks 1..4, y ranks 1.5, 1.5, 3, 4 -> rho = 0.9487 (Pearson of ranks).
  EXPECT_NEAR(spearman_correlation({1, 2, 3, 4}, {5, 5, 6, 7}), 0.94868329805051377, 1e-12);
  EXPECT_TRUE(std::isnan(spearman_correlation({1, 2}, {3, 3})));
  EXPECT_TRUE(std::isnan(spearman_correlation({1}, {3})));
}

TEST(MbtChecks, StartIndependence) {
  const std::vector<std::int64_t> ks = {12, 25};
  EXPECT_EQ(check_finder_start_independence({{1.0, 1.1, 1.2}, {2.0, 2.2, 2.4}}, ks, 1.25).verdict, "holds");
  const auto bad = check_finder_start_independence({{1.0, 1.1, 1.2}, {2.0, 2.2, 2.6}}, ks, 1.25);
  EXPECT_EQ(bad.verdict, "refuted");
  EXPECT_NEAR(bad.figures["worst_max_over_min"].get<double>(), 1.3, 1e-12);
  EXPECT_EQ(check_finder_start_independence({{1.0, kNaN}, {2.0, 2.0}}, ks, 1.25).verdict, "inconclusive");
  EXPECT_EQ(check_finder_start_independence({{1.0, 0.0}, {2.0, 2.0}}, ks, 1.25).verdict, "inconclusive");
  EXPECT_EQ(check_finder_start_independence({}, {}, 1.25).verdict, "inconclusive");
}

TEST(MbtChecks, GrowsWithBatchSize) {
  const std::vector<std::int64_t> ks = {12, 25, 50, 100};
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, {1, 2, 3, 4}, 0.8).verdict, "holds");
  // One swapped pair: rho = 1 - 6 * 2 / (4 * 15) = 0.8 exactly (4 / 5 from the ranks' Pearson).
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, {1, 3, 2, 4}, 0.81).verdict, "refuted");
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, {1, 3, 2, 4}, 0.79).verdict, "holds");
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, {4, 3, 2, 1}, 0.8).verdict, "refuted");
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, {2, 2, 2, 2}, 0.8).verdict, "refuted");
  EXPECT_EQ(check_finder_grows_with_batch_size({12, 25}, {1, 2}, 0.8).verdict, "inconclusive");
  EXPECT_EQ(check_finder_grows_with_batch_size(ks, {1, 2, kNaN, 4}, 0.8).verdict, "inconclusive");
}

TEST(MbtChecks, BeatsBadlyTunedAndNearBestTuned) {
  EXPECT_EQ(check_beats_badly_tuned(0.80, 0.10, 0.1, 0.1).verdict, "holds");
  EXPECT_EQ(check_beats_badly_tuned(0.15, 0.10, 0.1, 0.1).verdict, "refuted");
  EXPECT_EQ(check_beats_badly_tuned(0.80, kNaN, 0.1, 0.1).verdict, "holds");    // diverged: chance level
  EXPECT_EQ(check_beats_badly_tuned(0.15, kNaN, 0.1, 0.1).verdict, "refuted");
  EXPECT_EQ(check_beats_badly_tuned(kNaN, 0.10, 0.1, 0.1).verdict, "inconclusive");
  EXPECT_EQ(check_near_best_tuned(0.78, 0.80, 0.03).verdict, "holds");
  EXPECT_EQ(check_near_best_tuned(0.76, 0.80, 0.03).verdict, "refuted");
  EXPECT_EQ(check_near_best_tuned(0.76, kNaN, 0.03).verdict, "inconclusive");
}

TEST(MbtChecks, AccuracyFloor) {
  EXPECT_EQ(check_mbt_accuracy_floor({"a", "b"}, {0.8, 0.75}, 0.7).verdict, "holds");
  const auto bad = check_mbt_accuracy_floor({"a", "b"}, {0.8, 0.65}, 0.7);
  EXPECT_EQ(bad.verdict, "refuted");
  EXPECT_EQ(bad.figures["lowest_run"], "b");
  EXPECT_EQ(check_mbt_accuracy_floor({"a", "b"}, {0.8, kNaN}, 0.7).verdict, "refuted");  // diverged
  EXPECT_EQ(check_mbt_accuracy_floor({}, {}, 0.7).verdict, "inconclusive");
}

TEST(MbtChecks, FinderOverhead) {
  // 20 steps' worth of finder time at 250 steps per epoch: 250 / 270 = 0.926 >= 0.8.
  const auto ok = check_finder_overhead(2.0, 0.1, 250, 0.8);
  EXPECT_EQ(ok.verdict, "holds");
  EXPECT_NEAR(ok.figures["speed_fraction"].get<double>(), 250.0 / 270.0, 1e-12);
  // The same finder at 40 steps per epoch: 40 / 60 = 0.667 < 0.8.
  EXPECT_EQ(check_finder_overhead(2.0, 0.1, 40, 0.8).verdict, "refuted");
  EXPECT_EQ(check_finder_overhead(0.0, 0.1, 250, 0.8).verdict, "inconclusive");
  EXPECT_EQ(check_finder_overhead(2.0, kNaN, 250, 0.8).verdict, "inconclusive");
}

TEST(MbtChecks, RatesDoNotCollapse) {
  EXPECT_EQ(check_rates_do_not_collapse({1, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25}, 1e-3).verdict, "holds");
  EXPECT_EQ(check_rates_do_not_collapse({1, 0.5, 0.1, 1e-3, 1e-5, 1e-6, 1e-7, 1e-8}, 1e-3).verdict, "refuted");
  EXPECT_EQ(check_rates_do_not_collapse({1, 0.5, 0.0, 0.5}, 1e-3).verdict, "refuted");
  EXPECT_EQ(check_rates_do_not_collapse({1, 0.5, kNaN, 0.5}, 1e-3).verdict, "refuted");
  EXPECT_EQ(check_rates_do_not_collapse({1, 0.5, 0.5}, 1e-3).verdict, "inconclusive");
}

TEST(MbtChecks, RatesStabilise) {
  std::vector<double> rates = {1, 0.5, 0.25, 0.5, 0.25, 0.125, 0.125, 0.125, 0.125, 0.125};
  const auto ok = check_rates_stabilise(rates, 4, 1);
  EXPECT_EQ(ok.verdict, "holds");
  EXPECT_EQ(ok.figures["constant_from_iteration"], 6);
  rates[8] = 0.25;  // an oscillation inside the window
  EXPECT_EQ(check_rates_stabilise(rates, 4, 1).verdict, "refuted");
  EXPECT_EQ(check_rates_stabilise(rates, 4, 2).verdict, "holds");
  EXPECT_EQ(check_rates_stabilise(rates, 6, 1).verdict, "inconclusive");  // 10 < 2 x 6
}

TEST(MbtChecks, WarmupThenDecay) {
  EXPECT_EQ(check_warmup_then_decay({0.01, 0.02, 0.03, 0.02, 0.01}, 0.2).verdict, "holds");
  EXPECT_EQ(check_warmup_then_decay({0.03, 0.02, 0.01}, 0.2).verdict, "refuted");           // decay only
  EXPECT_EQ(check_warmup_then_decay({0.01, 0.02, 0.03}, 0.2).verdict, "refuted");           // warm-up only
  EXPECT_EQ(check_warmup_then_decay({0.026, 0.03, 0.026}, 0.2).verdict, "refuted");         // too flat
  EXPECT_EQ(check_warmup_then_decay({0.01, 0.02}, 0.2).verdict, "inconclusive");
}

TEST(MbtChecks, WithOutcomeMakesAValidClaim) {
  QualitativeCheck c;
  c.id = "x";
  c.title = "t";
  c.source = {{"file", "000_47ba9189a2c8a171.txt"}};
  c.statement = "s";
  c.figures["kept"] = 1;
  const auto claim = to_claim_json(with_outcome(c, check_near_best_tuned(0.5, kNaN, 0.03)));
  auto doc = ov::report::new_report_document();
  doc["claims"].push_back(claim);
  EXPECT_TRUE(ov::report::validate_report(doc).empty());
  // A refuted check carries its measurements as the counterexample the schema requires
  // (without it the document is invalid: the validation is not vacuous).
  c.id = "y";
  const auto refuted = with_outcome(c, check_near_best_tuned(0.5, 0.8, 0.03));
  doc["claims"].push_back(to_claim_json(refuted));
  EXPECT_TRUE(ov::report::validate_report(doc).empty());
  EXPECT_EQ(doc["claims"][1]["evidence"]["counterexample"]["measurements"]["best_baseline_accuracy"], 0.8);
  auto bare = ov::report::new_report_document();
  bare["claims"].push_back(to_claim_json(refuted));
  bare["claims"][0]["evidence"]["counterexample"] = nullptr;
  EXPECT_FALSE(ov::report::validate_report(bare).empty());
  EXPECT_EQ(claim["evidence"]["figures"]["kept"], 1);
  EXPECT_TRUE(claim["evidence"]["figures"]["best_baseline_accuracy"].is_null());
}

// ---- one tiny real run ---------------------------------------------------------------------

// The shipped Figures 2-3 protocol, its cpu block cut to 25 two-way iterations (window 10),
// MBT batches of 32 and 200 test samples (the test's time budget), reduced through
// ProtocolOptions to 128 training samples and 1 epoch: a real run whose claims and benchmarks
// form a valid report fragment.
TEST(MbtProtocolRun, TinyLearningRateTracesRunIsAValidReport) {
  auto doc0 = read_protocol_file((protocol_dir() / "mbt_figures2_3_learning_rate_traces.json").string()).document;
  doc0["cpu"]["iterations"] = 25;
  doc0["cpu"]["stable_window"] = 10;
  doc0["cpu"]["batch_size"] = 32;
  doc0["cpu"]["test_subset"] = 200;
  const auto dir = temp_dir();
  const auto f = read_protocol_file(write_file(dir, "traces.json", doc0.dump()));
  ProtocolOptions o;
  o.device = "cpu";
  o.subset = 128;
  o.epochs = 1;
  const ProtocolResult r = run_protocol(f, o);
  fs::remove_all(dir);
  EXPECT_EQ(r.kind, "mbt_learning_rate_traces");
  EXPECT_EQ(r.name, f.name);
  ASSERT_EQ(r.claims.size(), 6u);  // 2 for Figure 2b, 2 per MBT optimizer
  auto doc = ov::report::new_report_document();
  doc["claims"] = r.claims;
  doc["benchmarks"] = r.benchmarks;
  const auto errors = ov::report::validate_report(doc);
  for (const auto& e : errors) ADD_FAILURE() << e.to_string();
  EXPECT_TRUE(errors.empty());
  // Figure 2b ran (full build): 25 iterations of finite positive rates on 128 samples.
  const auto& fig2 = r.benchmarks[0];
  EXPECT_EQ(fig2["samples"], 128);
  ASSERT_EQ(fig2["rates"].size(), 25u);
  for (const auto& rate : fig2["rates"]) EXPECT_GT(rate.get<double>(), 0);
  // One epoch cannot show warm-up and decay: inconclusive, never holds.
  EXPECT_EQ(r.claims[2]["verdict"], "inconclusive");
  EXPECT_FALSE(r.notes.empty());  // Fashion-MNIST and LeNet stood in for CIFAR-10 and ResNet-18
  // The validator catches a broken fragment (a claim without its verdict).
  auto broken = doc;
  broken["claims"][0].erase("verdict");
  EXPECT_FALSE(ov::report::validate_report(broken).empty());
}

// The CPU-scale driver (docs/protocols-mbt.md): runs a protocol file at its cpu settings and
// writes the result; disabled by default (minutes). OV_MBT_PROTOCOL=FILE [OV_MBT_OUTPUT=FILE]
// [OV_MBT_SCALE=cpu|full] [OV_MBT_THREADS=N] [OV_MBT_SUBSET=N] [OV_MBT_EPOCHS=N] [OV_MBT_DEVICE=D]
// gpu_mbt_protocols_test --gtest_also_run_disabled_tests --gtest_filter='*Driver*'
TEST(MbtProtocolDriver, DISABLED_RunProtocolFile) {
  const char* path = std::getenv("OV_MBT_PROTOCOL");
  ASSERT_NE(path, nullptr) << "set OV_MBT_PROTOCOL to a protocol file";
  ProtocolOptions o;
  if (const char* scale = std::getenv("OV_MBT_SCALE")) o.scale = scale;
  if (const char* threads = std::getenv("OV_MBT_THREADS")) o.threads = std::atoi(threads);
  if (const char* subset = std::getenv("OV_MBT_SUBSET")) o.subset = std::atoll(subset);
  if (const char* epochs = std::getenv("OV_MBT_EPOCHS")) o.epochs = std::atoi(epochs);
  if (const char* device = std::getenv("OV_MBT_DEVICE")) o.device = device;
  const ProtocolResult r = run_protocol(read_protocol_file(path), o);
  auto doc = ov::report::new_report_document();
  doc["claims"] = r.claims;
  doc["benchmarks"] = r.benchmarks;
  doc["notes"] = r.notes;
  doc["seconds"] = r.seconds;
  for (const auto& e : ov::report::validate_report(doc)) ADD_FAILURE() << e.to_string();
  for (const auto& c : r.claims)
    std::cout << c["id"].get<std::string>() << ": " << c["verdict"].get<std::string>() << " - "
              << c["evidence"]["summary"].get<std::string>() << "\n";
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
  for (const auto& b : r.benchmarks)
    if (b.contains("seconds")) std::cout << b["name"].get<std::string>() << ": " << b["seconds"].dump() << " s\n";
  std::cout << "seconds: " << r.seconds << "\n";
  if (const char* out = std::getenv("OV_MBT_OUTPUT")) std::ofstream(out) << doc.dump(1);
}

}  // namespace
