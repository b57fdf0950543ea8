// `optverify bench train | protocol | list` end to end (subprocess), the Benchmark entry of a
// training run (gpu/train/training_report.hpp) checked against the report schema, and the
// progress bar's line. Small runs: LeNet on 256 Fashion-MNIST samples, 1-2 epochs.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"
#include "cli/progress_bar.hpp"
#include "gpu/train/training_report.hpp"
#include "tests/support/cli_subprocess.hpp"
#include "tests/support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ov::gpu::train::EpochRecord;
using ov::gpu::train::SeedRun;
using ov::gpu::train::TrainingResult;

ov::testing::CliResult run(const std::string& args) { return ov::testing::run_cli(args); }
ov::testing::CliResult run_stdout(const std::string& args) { return ov::testing::run_cli(args, false); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ov::testing::ScratchDir& scratch() {
  static ov::testing::ScratchDir dir("ov-bench-cli-");
  return dir;
}

json read_json(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

// ---------------------------------------------------------------- training_benchmark (pure)

EpochRecord record(int epoch, double loss, double accuracy, double lr, std::int64_t grads) {
  EpochRecord r;
  r.epoch = epoch;
  r.train_loss = loss;
  r.validation_loss = loss + 0.1;
  r.validation_accuracy = accuracy;
  r.learning_rate = lr;
  r.seconds = 0.5;
  r.gradient_evaluations = grads;
  r.function_evaluations = 2 * grads;
  return r;
}

// Two seeds, three epochs of 10 steps; seed 1 has the larger losses.
TrainingResult fabricated() {
  TrainingResult r;
  r.config.model = "lenet";
  r.config.dataset = "fashion-mnist";
  r.config.optimizer = "mbt_gd";
  r.config.epochs = 3;
  r.config.batch_size = 32;
  r.config.seeds = {0, 1};
  r.environment = {{"device", "cpu"}};
  SeedRun a, b;
  a.seed = 0;
  b.seed = 1;
  a.epochs = {record(1, 2.0, 0.5, 0.1, 10), record(2, 1.0, 0.7, 0.2, 20), record(3, 0.5, 0.8, 0.2, 30)};
  b.epochs = {record(1, 3.0, 0.4, 0.05, 10), record(2, 2.0, 0.6, 0.1, 20), record(3, 1.5, 0.6, 0.1, 30)};
  r.runs = {a, b};
  return r;
}

const json& series_named(const json& benchmark, const std::string& plot_suffix, const std::string& name) {
  for (const auto& s : benchmark["series"]) {
    const std::string plot = s["plot"].get<std::string>();
    if (plot.size() >= plot_suffix.size() && plot.compare(plot.size() - plot_suffix.size(), plot_suffix.size(),
                                                          plot_suffix) == 0 &&
        s["name"] == name) {
      return s;
    }
  }
  static const json none;
  return none;
}

TEST(TrainingReport, BenchmarkEntryHasStatisticsOverSeedsAndIsValid) {
  const json b = ov::gpu::train::training_benchmark(fabricated());
  EXPECT_EQ(b["name"], "lenet/fashion-mnist mbt_gd batch 32");
  EXPECT_EQ(b["seeds"], json::array({0, 1}));
  EXPECT_EQ(b["device"], "cpu");
  EXPECT_EQ(b["seeds_finished"], 2);
  // Exact binary fractions: (0.5 + 1.5) / 2 = 1, (0.8 + 0.6) / 2 = 0.7 (to rounding: 1e-15).
  EXPECT_DOUBLE_EQ(b["final_train_loss_mean"].get<double>(), 1.0);
  EXPECT_NEAR(b["final_validation_accuracy_mean"].get<double>(), 0.7, 1e-15);
  EXPECT_DOUBLE_EQ(b["final_validation_accuracy_min"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(b["final_validation_accuracy_max"].get<double>(), 0.8);
  EXPECT_DOUBLE_EQ(b["seconds"].get<double>(), 3.0);
  EXPECT_EQ(b["config"]["optimizer"], "mbt_gd");

  const json& mean = series_named(b, ": training loss", "mean over seeds");
  const json& lo = series_named(b, ": training loss", "min over seeds");
  const json& hi = series_named(b, ": training loss", "max over seeds");
  ASSERT_FALSE(mean.is_null());
  EXPECT_EQ(mean["x"], json::array({10.0, 20.0, 30.0}));  // against gradient evaluations
  EXPECT_EQ(mean["y"], json::array({2.5, 1.5, 1.0}));
  EXPECT_EQ(lo["y"], json::array({2.0, 1.0, 0.5}));
  EXPECT_EQ(hi["y"], json::array({3.0, 2.0, 1.5}));
  EXPECT_EQ(series_named(b, ": validation accuracy", "max over seeds")["x"], json::array({1.0, 2.0, 3.0}));
  EXPECT_EQ(series_named(b, ": learning rate", "seed 1")["y"], json::array({0.05, 0.1, 0.1}));

  // A mutated input changes the statistics it feeds.
  TrainingResult m = fabricated();
  m.runs[1].epochs[2].train_loss = 4.0;
  const json bm = ov::gpu::train::training_benchmark(m);
  EXPECT_EQ(series_named(bm, ": training loss", "max over seeds")["y"], json::array({3.0, 2.0, 4.0}));
  EXPECT_NE(series_named(bm, ": training loss", "mean over seeds")["y"], mean["y"]);

  json doc = ov::report::new_report_document();
  doc["benchmarks"].push_back(b);
  const auto errors = ov::report::validate_report(doc);
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
}

TEST(TrainingReport, BrokenEntryIsRejectedBySchema) {
  json doc = ov::report::new_report_document();
  json b = ov::gpu::train::training_benchmark(fabricated());
  b["series"][0]["y"].erase(0);  // x and y of different lengths
  doc["benchmarks"].push_back(b);
  const auto errors = ov::report::validate_report(doc);
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(contains(errors.front().to_string(), "series[0]")) << errors.front().to_string();
  // The same name twice is refused too.
  json twice = ov::report::new_report_document();
  twice["benchmarks"].push_back(ov::gpu::train::training_benchmark(fabricated()));
  twice["benchmarks"].push_back(ov::gpu::train::training_benchmark(fabricated()));
  EXPECT_FALSE(ov::report::validate_report(twice).empty());
}

TEST(TrainingReport, NonFiniteValuesAndDivergedSeedsAreLeftOut) {
  TrainingResult r = fabricated();
  r.runs[1].epochs.resize(2);
  r.runs[1].epochs[1].train_loss = std::numeric_limits<double>::quiet_NaN();
  r.runs[1].diverged = true;
  r.runs[1].note = "training loss is NaN";
  for (auto& run : r.runs)
    for (auto& e : run.epochs) e.validation_accuracy = std::numeric_limits<double>::quiet_NaN();
  const json b = ov::gpu::train::training_benchmark(r);
  EXPECT_EQ(b["seeds_diverged"], 1);
  EXPECT_EQ(b["seeds_finished"], 1);
  EXPECT_TRUE(b["final_validation_accuracy_mean"].is_null());
  ASSERT_EQ(b["notes"].size(), 1u);
  EXPECT_TRUE(contains(b["notes"][0].get<std::string>(), "seed 1 diverged after 2 epoch(s)"));
  EXPECT_EQ(series_named(b, ": training loss", "mean over seeds")["y"], json::array({2.5, 1.0, 0.5}));
  EXPECT_TRUE(series_named(b, ": validation accuracy", "mean over seeds").is_null());  // no finite accuracy
  json doc = ov::report::new_report_document();
  doc["benchmarks"].push_back(b);
  EXPECT_TRUE(ov::report::validate_report(doc).empty());
}

TEST(TrainingReport, RunsThatDoNotMatchTheConfigAreRefused) {
  TrainingResult r = fabricated();
  r.runs[1].seed = 7;
  EXPECT_THROW(ov::gpu::train::training_benchmark(r), std::invalid_argument);
  r = fabricated();
  r.runs[0].epochs[1].epoch = 3;
  EXPECT_THROW(ov::gpu::train::training_benchmark(r), std::invalid_argument);
  r = fabricated();
  r.runs.pop_back();
  EXPECT_THROW(ov::gpu::train::training_benchmark(r), std::invalid_argument);
}

// ---------------------------------------------------------------- progress bar

TEST(ProgressBar, LineShowsFractionTextAndEta) {
  EXPECT_EQ(ov::cli::ProgressBar::render(0.5, "epoch 1/2", 65, 10), "[#####-----]  50%  epoch 1/2  ETA 1m05s");
  EXPECT_EQ(ov::cli::ProgressBar::render(1.5, "x", 0, 4), "[####] 100%  x  ETA 0s");
  EXPECT_EQ(ov::cli::ProgressBar::render(std::nan(""), "x", -1, 4), "[----]   0%  x  ETA ?");
  EXPECT_EQ(ov::cli::ProgressBar::duration_text(7322), "2h02m");
  std::ostringstream out, off;
  {
    ov::cli::ProgressBar bar(out, true, 4, 0.0);
    bar.update(0.25, "a");
    bar.update(1.0, "b");
  }
  EXPECT_TRUE(contains(out.str(), "\r[#---]  25%  a")) << out.str();
  EXPECT_TRUE(contains(out.str(), "\r[####] 100%  b  ETA 0s")) << out.str();
  EXPECT_EQ(out.str().back(), '\n');
  {
    ov::cli::ProgressBar bar(off, false);
    bar.update(0.5, "a");
  }
  EXPECT_TRUE(off.str().empty());
}

// ---------------------------------------------------------------- bench train: bad input

const std::string kSmall =
    " --model lenet --dataset fashion-mnist --batch 64 --subset 256 --test-subset 256 --threads 1 --no-progress";

TEST(CliBenchTrain, UnknownNamesListWhatExists) {
  auto r = run("bench train --model nosuchnet --epochs 1");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--model") && contains(r.out, "nosuchnet") && contains(r.out, "lenet")) << r.out;
  r = run("bench train --dataset imagenet");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--dataset") && contains(r.out, "fashion-mnist") && contains(r.out, "cifar10")) << r.out;
  r = run("bench train --optimizer sdg:lr=0.1");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--optimizer") && contains(r.out, "sdg") && contains(r.out, "adam")) << r.out;
}

TEST(CliBenchTrain, InvalidValuesAreNamed) {
  auto r = run("bench train --optimizer sgd:lrr=0.1");  // unknown key
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "lrr")) << r.out;
  r = run("bench train --seeds 1,x,2");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--seeds \"1,x,2\": \"x\" is not a seed")) << r.out;
  r = run("bench train --lr-schedule nosuchschedule");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--lr-schedule") && contains(r.out, "nosuchschedule") && contains(r.out, "power"))
      << r.out;
  r = run("bench train --resume" + kSmall);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--resume") && contains(r.out, "--output")) << r.out;
}

TEST(CliBenchTrain, ProtocolFileGivesFieldsAndFlagsOverride) {
  const fs::path file = scratch().path() / "train.json";
  std::ofstream(file) << R"({"train": {"model": "nosuchnet", "epochs": 2}})";
  auto r = run("bench train --protocol " + file.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--model (from --protocol") && contains(r.out, "nosuchnet")) << r.out;
  const fs::path bad = scratch().path() / "bad.json";
  std::ofstream(bad) << R"({"epochz": 2})";
  r = run("bench train --protocol " + bad.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "epochz") && contains(r.out, bad.string())) << r.out;
  // A flag overriding the file's values: SmallRunWritesRecordsAndValidReportAndResumesExactly.
}

// ---------------------------------------------------------------- bench train: runs

std::vector<fs::path> files_named(const fs::path& dir, const std::string& name) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() == name) out.push_back(e.path());
  }
  return out;
}

// The records of every run without their wall times.
json records_without_seconds(const json& result) {
  json runs = json::array();
  for (const auto& run : result["runs"]) {
    json epochs = json::array();
    for (auto e : run["epochs"]) {
      e.erase("seconds");
      epochs.push_back(e);
    }
    runs.push_back(epochs);
  }
  return runs;
}

TEST(CliBenchTrain, SmallRunWritesRecordsAndValidReportAndResumesExactly) {
  const fs::path full = scratch().path() / "full", part = scratch().path() / "part";
  // The uninterrupted run takes the optimizer and seeds from a --protocol file whose model the
  // --model flag overrides.
  const fs::path file = scratch().path() / "small.json";
  std::ofstream(file) << R"({"train": {"model": "nosuchnet", "optimizer": "sgd:lr=0.05", "seeds": [0, 1], "epochs": 2}})";
  const auto a = run_stdout("bench train --protocol " + file.string() + kSmall + " --json --output " + full.string());
  ASSERT_EQ(a.code, 0) << a.out;
  const json ja = json::parse(a.out);
  EXPECT_EQ(ja["config"]["model"], "lenet");
  EXPECT_EQ(ja["config"]["optimizer"], "sgd:lr=0.05");
  EXPECT_EQ(ja["config"]["epochs"], 2);
  const std::string opts = kSmall + " --optimizer sgd:lr=0.05 --seeds 2";
  ASSERT_EQ(ja["runs"].size(), 2u);
  for (const auto& run : ja["runs"]) ASSERT_EQ(run["epochs"].size(), 2u);
  EXPECT_EQ(files_named(full, "epochs.csv").size(), 2u);  // one per seed
  EXPECT_EQ(files_named(full, "epochs.json").size(), 2u);
  ASSERT_TRUE(ja["report"].is_string());
  EXPECT_TRUE(fs::exists(full / "report" / "index.html"));
  const json doc = read_json(full / "report" / "report.json");
  const auto errors = ov::report::validate_report(doc);
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
  ASSERT_EQ(doc["benchmarks"].size(), 1u);
  EXPECT_EQ(doc["benchmarks"][0]["seeds"], json::array({0, 1}));
  EXPECT_FALSE(series_named(doc["benchmarks"][0], ": training loss", "mean over seeds").is_null());

  // 1 epoch, then --epochs 2 --resume: the same records as the uninterrupted run.
  const auto b1 = run_stdout("bench train" + opts + " --epochs 1 --json --output " + part.string());
  ASSERT_EQ(b1.code, 0) << b1.out;
  const auto b2 = run_stdout("bench train" + opts + " --epochs 2 --resume --json --output " + part.string());
  ASSERT_EQ(b2.code, 0) << b2.out;
  const json ra = records_without_seconds(ja), rb = records_without_seconds(json::parse(b2.out));
  EXPECT_EQ(ra, rb);
  // The comparison sees a change in the last bit of one loss.
  json mutated = rb;
  const double loss = mutated[1][1]["train_loss"].get<double>();
  mutated[1][1]["train_loss"] = std::nextafter(loss, 10.0);
  EXPECT_NE(ra, mutated);
}

// ---------------------------------------------------------------- bench list, bench protocol

TEST(CliBenchList, ListsModelsDatasetsOptimizersSchedulesAndProtocols) {
  const auto r = run_stdout("bench list --json");
  ASSERT_EQ(r.code, 0) << r.out;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["command"], "bench list");
  bool lenet = false, sgd_lr = false, fashion = false;
  for (const auto& m : j["models"]) lenet = lenet || m["name"] == "lenet";
  for (const auto& o : j["optimizers"]) {
    if (o["name"] != "sgd") continue;
    for (const auto& k : o["keys"]) sgd_lr = sgd_lr || k["key"] == "lr";
  }
  for (const auto& d : j["datasets"]) fashion = fashion || (d["name"] == "fashion-mnist" && d["available"] == true);
  EXPECT_TRUE(lenet && sgd_lr && fashion) << r.out;
  EXPECT_EQ(j["protocol_kinds"].size(), 5u);
  EXPECT_EQ(j["lr_schedules"].size(), 4u);
  for (const auto& s : j["lr_schedules"]) EXPECT_EQ(s["accepted"], true) << s.dump();
  bool finder_file = false;
  for (const auto& p : j["protocols"]) finder_file = finder_file || p.value("kind", "") == "mbt_finder_stability";
  EXPECT_TRUE(finder_file) << j["protocols"].dump();  // the repository's bench/protocols was found
}

TEST(CliBenchProtocol, MissingFileAndBadSelectionsAreNamed) {
  const std::string missing = (scratch().path() / "no-such-protocol.json").string();
  auto r = run("bench protocol " + missing);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, missing)) << r.out;
  r = run("bench protocol");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "--suite")) << r.out;
  // The same protocol twice: names must be unique (refused before anything runs).
  const fs::path file = scratch().path() / "p.json";
  std::ofstream(file) << R"({"protocol": "mbt_finder_stability", "name": "p", "source": {"file": "000_47ba9189a2c8a171.txt"},
                             "cpu": {}, "full": {}})";
  r = run("bench protocol " + file.string() + " " + file.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "\"p\" is used by both")) << r.out;
}

// Two small protocols (gpu/bench): the MBT Figure 2-3 traces with 4 full-batch iterations and 2
// epochs, and the MBT Table 1 finder on 2 starting rates x 2 batch sizes whose threshold
// max/min <= 1 cannot hold (the finder's rates from 10 and 1e-4 lie on the grids 10 * 2^k and
// 1e-4 * 2^k, which never meet: 1e5 is not a power of 2), so its check is refuted.
const char* kTinyTraces = R"({"protocol": "mbt_learning_rate_traces", "name": "tiny-traces",
 "source": {"file": "000_47ba9189a2c8a171.txt", "section": "4.2-4.3", "lines": "L584-L598"},
 "cpu": {"dataset": "fashion-mnist", "model": "lenet", "full_batch_samples": 64, "iterations": 4, "stable_window": 2,
         "mbt_optimizers": [{"name": "MBT-MMT", "optimizer": "mbt_mmt:start=0.01,batches=2"}],
         "epochs": 2, "batch_size": 64, "subset": 256, "test_subset": 256, "seed": 0},
 "full": {}})";
const char* kTinyFinder = R"({"protocol": "mbt_finder_stability", "name": "tiny-finder",
 "source": {"file": "000_47ba9189a2c8a171.txt", "section": "4.4", "lines": "L588-L609"},
 "cpu": {"dataset": "fashion-mnist", "model": "lenet", "subset": 256, "starting_rates": [10, 0.0001],
         "batch_sizes": [16, 32], "batches": 2, "seed": 0, "max_over_min": 1, "min_spearman": 0.8},
 "full": {}})";

TEST(CliBenchProtocol, RunsProtocolsIntoOneReportAndFailsOnRefutedChecks) {
  const fs::path traces = scratch().path() / "tiny-traces.json", finder = scratch().path() / "tiny-finder.json";
  std::ofstream(traces) << kTinyTraces;
  std::ofstream(finder) << kTinyFinder;
  const fs::path one = scratch().path() / "one-report", two = scratch().path() / "two-report";
  // No check refuted: exit 0; the text names the protocol, its checks and the report.
  const auto t = run_stdout("bench protocol " + traces.string() + " --threads 1 --report " + one.string());
  EXPECT_EQ(t.code, 0) << t.out;
  EXPECT_TRUE(contains(t.out, "== tiny-traces (mbt_learning_rate_traces") && contains(t.out, "bench.mbt.figure2") &&
              contains(t.out, "report: " + (one / "index.html").string()))
      << t.out;
  EXPECT_FALSE(contains(t.out, "refuted ")) << t.out;
  // A refuted check: exit 1, listed as unexpected; one valid report with both protocols' entries.
  const auto r = run_stdout("bench protocol " + finder.string() + " " + traces.string() +
                            " --threads 1 --json --report " + two.string());
  EXPECT_EQ(r.code, 1) << r.out;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["protocols"].size(), 2u);
  EXPECT_EQ(j["protocols"][0]["name"], "tiny-finder");
  EXPECT_EQ(j["unexpected"], json::array({"bench.mbt.table1.finder-independent-of-start"}));
  EXPECT_EQ(j["summary"]["refuted"], 1);
  const json doc = read_json(two / "report.json");
  const auto errors = ov::report::validate_report(doc);
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
  EXPECT_EQ(doc["claims"].size(), j["protocols"][0]["claims"].size() + j["protocols"][1]["claims"].size());
  EXPECT_EQ(doc["benchmarks"].size(),
            j["protocols"][0]["benchmarks"].size() + j["protocols"][1]["benchmarks"].size());
  EXPECT_GE(doc["claims"].size(), 4u);
}

}  // namespace
