// Tests of the Castera protocols (gpu/bench/castera_*; docs/protocols-castera.md):
// - every check on fabricated measurements that make it hold, and on mutated ones that make it
//   fail (refuted) or leave it open (inconclusive);
// - the training loss at a gradient budget (seed_budget_loss) on a fabricated trace;
// - the settings reader: the shipped bench/protocols/castera_*.json files (both scales) parse
//   and their optimizer specs are valid; broken settings are refused with the key named;
// - one tiny real run (castera-fig46-batch-norm, 256 samples, 1 epoch, 1 seed) whose claims and
//   benchmarks form a valid report-schema document (full build).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "gpu/bench/castera_checks.hpp"
#include "gpu/bench/castera_method_runs.hpp"
#include "gpu/bench/castera_settings.hpp"
#include "gpu/bench/protocol.hpp"
#include "gpu/train/training_optimizer.hpp"

#ifdef OPTVERIFY_CASTERA_TEST_REPORT_SCHEMA
#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"
#endif

namespace {

using namespace ov::gpu::bench;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTol = 0.02;

LossSummary at(double mean) { return {mean, mean * 0.99, mean * 1.01, false}; }
LossSummary diverged() { return summarize_losses({1.0, kNaN}); }
LabeledLoss L(const std::string& label, double mean) { return {label, at(mean)}; }

std::string protocol_path(const std::string& name) {
  return (std::filesystem::path(OPTVERIFY_SOURCE_ROOT) / "bench" / "protocols" / name).string();
}

TEST(CasteraChecks, CompareLossesAndSummaries) {
  EXPECT_EQ(compare_losses(at(1.0), at(1.1), kTol), -1);
  EXPECT_EQ(compare_losses(at(1.1), at(1.0), kTol), 1);
  EXPECT_EQ(compare_losses(at(1.0), at(1.01), kTol), 0);  // 1 % < 2 %: a tie
  // 10 % apart in the means but the seed ranges overlap: a tie.
  EXPECT_EQ(compare_losses({1.0, 0.8, 1.2, false}, {1.1, 1.0, 1.2, false}, kTol), 0);
  EXPECT_EQ(compare_losses({1.0, 0.8, 1.2, false}, {1.5, 1.3, 1.7, false}, kTol), -1);
  EXPECT_EQ(compare_losses(diverged(), at(5.0), kTol), 1);
  EXPECT_EQ(compare_losses(at(5.0), diverged(), kTol), -1);
  EXPECT_EQ(compare_losses(diverged(), diverged(), kTol), 0);
  EXPECT_THROW(compare_losses(at(1), at(2), -1), std::invalid_argument);
  const LossSummary s = summarize_losses({1.0, 2.0, 3.0});
  EXPECT_DOUBLE_EQ(s.mean, 2.0);
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.max, 3.0);
  EXPECT_FALSE(s.diverged);
  EXPECT_TRUE(summarize_losses({1.0, std::numeric_limits<double>::infinity()}).diverged);
  EXPECT_TRUE(summarize_losses({}).diverged);
}

TEST(CasteraChecks, AlphaBetaMostlySpeed) {
  std::vector<LabeledLoss> close{L("a", 0.50), L("b", 0.55), L("c", 0.60), L("d", 0.70)};
  EXPECT_EQ(check_alpha_beta_mostly_speed(close, 1.5).verdict, "holds");  // 0.70 / 0.50 = 1.4
  auto spread = close;
  spread[3] = L("d", 0.80);  // 1.6 > 1.5
  EXPECT_EQ(check_alpha_beta_mostly_speed(spread, 1.5).verdict, "refuted");
  auto broken = close;
  broken[2].loss = diverged();
  EXPECT_EQ(check_alpha_beta_mostly_speed(broken, 1.5).verdict, "refuted");
  EXPECT_EQ(check_alpha_beta_mostly_speed({L("a", 1)}, 1.5).verdict, "inconclusive");
}

TEST(CasteraChecks, DefaultConfigNearBest) {
  std::vector<LabeledLoss> c{L("inna(0.1,0.1)", 0.52), L("inna(0.5,0.1)", 0.55), L("inna(0.5,1)", 0.9)};
  EXPECT_EQ(check_default_config_near_best(c, "inna(0.5,0.1)", 0.1).verdict, "holds");  // 0.55/0.52 = 1.06
  c[1] = L("inna(0.5,0.1)", 0.60);                                                     // 1.15 > 1.1
  EXPECT_EQ(check_default_config_near_best(c, "inna(0.5,0.1)", 0.1).verdict, "refuted");
  c[1].loss = diverged();
  EXPECT_EQ(check_default_config_near_best(c, "inna(0.5,0.1)", 0.1).verdict, "refuted");
  EXPECT_EQ(check_default_config_near_best(c, "inna(9,9)", 0.1).verdict, "inconclusive");
}

TEST(CasteraChecks, InnaAndAdamBeatSgdAndAdagrad) {
  EXPECT_EQ(check_inna_adam_beat_sgd_adagrad(L("inna", 0.3), L("adam", 0.35), L("sgd", 0.5), L("adagrad", 0.6), kTol).verdict,
            "holds");
  // Mutation: SGD trains better than Adam.
  EXPECT_EQ(check_inna_adam_beat_sgd_adagrad(L("inna", 0.3), L("adam", 0.55), L("sgd", 0.5), L("adagrad", 0.6), kTol).verdict,
            "refuted");
  // Adam within 1 % of SGD: a tie, nothing lost.
  auto c = check_inna_adam_beat_sgd_adagrad(L("inna", 0.3), L("adam", 0.496), L("sgd", 0.5), L("adagrad", 0.6), kTol);
  EXPECT_EQ(c.verdict, "inconclusive");
  EXPECT_EQ(c.figures["pairs_tied"], 1);
  EXPECT_EQ(c.source["lines"], "L1494");
}

TEST(CasteraChecks, DecayChecks) {
  EXPECT_EQ(check_quarter_decay_beats_half(L("q=1/4", 0.3), L("q=1/2", 0.4), kTol).verdict, "holds");
  EXPECT_EQ(check_quarter_decay_beats_half(L("q=1/4", 0.45), L("q=1/2", 0.4), kTol).verdict, "refuted");
  EXPECT_EQ(check_sixteenth_decay_too_slow(L("q=1/16", 0.5), L("q=1/4", 0.3), kTol).verdict, "holds");
  EXPECT_EQ(check_sixteenth_decay_too_slow(L("q=1/16", 0.2), L("q=1/4", 0.3), kTol).verdict, "refuted");
  EXPECT_EQ(check_inna_quarter_decay_beats_adam(L("q=1/4", 0.3), L("adam", 0.4), kTol).verdict, "holds");
  EXPECT_EQ(check_inna_quarter_decay_beats_adam(L("q=1/4", 0.3), L("adam", 0.2), kTol).verdict, "refuted");
  LabeledLoss d{"q=1/4", diverged()};
  EXPECT_EQ(check_inna_quarter_decay_beats_adam(d, L("adam", 0.2), kTol).verdict, "refuted");
}

ProblemLosses problem(const std::string& id, std::vector<LabeledLoss> m) { return {id, std::move(m)}; }

TEST(CasteraChecks, StepTunedBeatsSgdOnMost) {
  std::vector<ProblemLosses> p{problem("d", {L("step_tuned", 0.3), L("sgd", 0.4)}),
                               problem("e", {L("step_tuned", 0.5), L("sgd", 0.6)}),
                               problem("f", {L("step_tuned", 0.7), L("sgd", 0.6)})};
  EXPECT_EQ(check_step_tuned_beats_sgd_on_most(p, "step_tuned", "sgd", kTol).verdict, "holds");  // 2 of 3
  p[1] = problem("e", {L("step_tuned", 0.7), L("sgd", 0.6)});
  EXPECT_EQ(check_step_tuned_beats_sgd_on_most(p, "step_tuned", "sgd", kTol).verdict, "refuted");  // 1 of 3
  p[1] = problem("e", {L("step_tuned", 0.6), L("sgd", 0.6)});
  EXPECT_EQ(check_step_tuned_beats_sgd_on_most(p, "step_tuned", "sgd", kTol).verdict, "inconclusive");  // 1 won, 1 tied
  // Step-Tuned SGD not measured anywhere (e.g. the GPU-only build): inconclusive, never holds.
  std::vector<ProblemLosses> none{problem("d", {L("sgd", 0.4)})};
  auto c = check_step_tuned_beats_sgd_on_most(none, "step_tuned", "sgd", kTol);
  EXPECT_EQ(c.verdict, "inconclusive");
  EXPECT_NE(c.summary.find("not measured on (d)"), std::string::npos);
}

TEST(CasteraChecks, AutoencoderAdaptiveBeatScalar) {
  auto d = problem("d", {L("adam", 0.02), L("rmsprop", 0.025), L("sgd", 0.06), L("step_tuned", 0.05)});
  EXPECT_EQ(check_adaptive_beat_scalar_on_autoencoder(d, "adam", "rmsprop", "sgd", "step_tuned", kTol).verdict, "holds");
  d.methods[1] = L("rmsprop", 0.055);  // RMSprop loses to Step-Tuned SGD
  EXPECT_EQ(check_adaptive_beat_scalar_on_autoencoder(d, "adam", "rmsprop", "sgd", "step_tuned", kTol).verdict, "refuted");
  d.methods.pop_back();  // Step-Tuned SGD missing
  EXPECT_EQ(check_adaptive_beat_scalar_on_autoencoder(d, "adam", "rmsprop", "sgd", "step_tuned", kTol).verdict,
            "inconclusive");
}

TEST(CasteraChecks, BatchReuseUsuallyHurts) {
  std::vector<PairOutcome> p{{"(e) sgd", at(0.5), at(0.6)}, {"(e) adam", at(0.4), at(0.5)}, {"(d) inna", at(0.3), at(0.297)}};
  EXPECT_EQ(check_batch_reuse_usually_hurts(p, kTol).verdict, "holds");  // 2 of 3, the third a tie
  p[0] = {"(e) sgd", at(0.6), at(0.5)};
  EXPECT_EQ(check_batch_reuse_usually_hurts(p, kTol).verdict, "inconclusive");  // 1 won, 1 tie, 1 lost
  p[2] = {"(d) inna", at(0.4), at(0.3)};
  EXPECT_EQ(check_batch_reuse_usually_hurts(p, kTol).verdict, "refuted");
  EXPECT_EQ(check_batch_reuse_usually_hurts({}, kTol).verdict, "inconclusive");
}

TEST(CasteraChecks, BatchNormHelpsStepTuned) {
  EXPECT_EQ(check_batch_norm_helps_step_tuned(L("f", 0.4), L("e", 0.6), kTol).verdict, "holds");
  EXPECT_EQ(check_batch_norm_helps_step_tuned(L("f", 0.7), L("e", 0.6), kTol).verdict, "refuted");
}

TEST(CasteraChecks, InnaAmongTopThree) {
  std::vector<ProblemLosses> p{
      problem("d", {L("inna", 0.2), L("adam", 0.1), L("sgd", 0.3), L("rmsprop", 0.4), L("step_tuned", 0.5)}),
      problem("e", {L("inna", 0.9), L("adam", 0.1), L("sgd", 0.3), L("rmsprop", 0.4), L("step_tuned", 0.5)}),
      problem("f", {L("inna", 0.35), L("adam", 0.1), L("sgd", 0.3), L("rmsprop", 0.4), L("step_tuned", 0.5)})};
  auto c = check_inna_among_top(p, "inna", 3, {"e"}, kTol);
  EXPECT_EQ(c.verdict, "holds");  // ranks 2, (5 excluded), 3
  EXPECT_EQ(c.figures["rank (e)"], 5);
  EXPECT_EQ(check_inna_among_top(p, "inna", 3, {}, kTol).verdict, "refuted");  // (e) counted
  p[2].methods[0] = L("inna", 0.45);                                        // rank 4 on (f)
  EXPECT_EQ(check_inna_among_top(p, "inna", 3, {"e"}, kTol).verdict, "refuted");
  EXPECT_EQ(check_inna_among_top({p[1]}, "inna", 3, {"e"}, kTol).verdict, "inconclusive");
}

TEST(CasteraRuns, BudgetLossOfATrace) {
  SeedTrace t;
  for (int e = 1; e <= 2; ++e) {
    ov::gpu::train::EpochRecord r;
    r.epoch = e;
    r.train_loss = 3.0 - e;
    r.gradient_evaluations = 4 * e;
    t.epochs.push_back(r);
  }
  t.step_gradient_evaluations = {0, 1, 2, 3, 4, 5, 6, 7};
  t.step_losses = {8, 7, 6, 5, 4, 3, 2, 1};
  // Budget 8, window 1/4: steps started in [6, 8): losses 2 and 1.
  EXPECT_DOUBLE_EQ(seed_budget_loss(t, 8, 0.25), 1.5);
  // Budget 4, window 1/2: steps in [2, 4): 6 and 5.
  EXPECT_DOUBLE_EQ(seed_budget_loss(t, 4, 0.5), 5.5);
  // A narrow window with no step inside: the last step before the budget.
  EXPECT_DOUBLE_EQ(seed_budget_loss(t, 7.5, 0.01), 1.0);
  auto mutated = t;
  mutated.step_losses[7] = kNaN;
  EXPECT_TRUE(std::isnan(seed_budget_loss(mutated, 8, 0.25)));
  mutated = t;
  mutated.diverged = true;
  EXPECT_TRUE(std::isnan(seed_budget_loss(mutated, 8, 0.25)));
  // Without step losses: the epoch training loss at the budget.
  auto epochs_only = t;
  epochs_only.step_losses.clear();
  epochs_only.step_gradient_evaluations.clear();
  EXPECT_DOUBLE_EQ(seed_budget_loss(epochs_only, 5, 0.25), 2.0);
  EXPECT_DOUBLE_EQ(seed_budget_loss(epochs_only, 8, 0.25), 1.0);
  EXPECT_THROW(seed_budget_loss(t, 8, 0), std::invalid_argument);
  MethodRun run;
  run.seeds = {t, t};
  run.seeds[1].step_losses = {8, 7, 6, 5, 4, 3, 4, 3};
  const LossSummary s = budget_loss(run, 8, 0.25);
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_DOUBLE_EQ(s.min, 1.5);
  EXPECT_DOUBLE_EQ(s.max, 3.5);
  run.available = false;
  EXPECT_TRUE(budget_loss(run, 8, 0.25).diverged);
}

TEST(CasteraSettings, TemplatesAndGrids) {
  EXPECT_EQ(shortest_decimal(0.1), "0.1");
  EXPECT_EQ(shortest_decimal(1e-4), "0.0001");
  EXPECT_EQ(shortest_decimal(0.0625), "0.0625");
  EXPECT_EQ(fill_template("inna:lr={lr},alpha={alpha}", {{"lr", 0.01}, {"alpha", 0.5}}), "inna:lr=0.01,alpha=0.5");
  EXPECT_THROW(fill_template("inna:lr={lr},alpha={alpha}", {{"lr", 0.01}}), std::invalid_argument);
  EXPECT_THROW(fill_template("inna:lr={lr", {{"lr", 0.01}}), std::invalid_argument);
  CasteraMethod m;
  m.optimizer = "adam:lr={lr},beta1={beta1}";
  m.grid = {{"lr", {0.001, 0.01}}, {"beta1", {0.5, 0.9, 0.99}}};
  const auto points = expand_grid(m, {});
  ASSERT_EQ(points.size(), 6u);
  EXPECT_EQ(points.front().spec, "adam:lr=0.001,beta1=0.5");
  EXPECT_EQ(points.back().spec, "adam:lr=0.01,beta1=0.99");
}

TEST(CasteraSettings, ShippedProtocolFilesParse) {
  const std::vector<std::string> files{"castera_ch2_inna_comparison.json", "castera_table41_problems.json",
                                       "castera_fig45_batch_reuse.json", "castera_fig46_batch_norm.json"};
  for (const auto& name : files) {
    SCOPED_TRACE(name);
    const ProtocolFile f = read_protocol_file(protocol_path(name));
    for (const char* scale : {"cpu", "full"}) {
      SCOPED_TRACE(scale);
      if (f.kind == "castera_inna_comparison") {
        const auto s = parse_inna_comparison_settings(f.settings(scale), name);
        EXPECT_EQ(s.configs.size(), 4u);  // 002 L1480
        EXPECT_TRUE(s.has_decay_study);
      } else {
        ASSERT_EQ(f.kind, "castera_step_tuned_problems");
        const auto s = parse_step_tuned_problems_settings(f.settings(scale), name);
        EXPECT_FALSE(s.checks.empty());
        if (std::string(scale) == "full") {
          EXPECT_EQ(s.common.batch_size, 128);  // Table 4.1
          EXPECT_DOUBLE_EQ(s.common.weight_decay, 1e-4);
          EXPECT_EQ(s.common.seeds.size(), 3u);
        }
      }
    }
  }
}

TEST(CasteraSettings, BrokenSettingsAreRefusedNamingTheKey) {
  const ProtocolFile f = read_protocol_file(protocol_path("castera_table41_problems.json"));
  const nlohmann::json good = f.settings("cpu");
  EXPECT_NO_THROW(parse_step_tuned_problems_settings(good, "t"));
  auto expect_error = [](const nlohmann::json& j, const std::string& needle) {
    try {
      parse_step_tuned_problems_settings(j, "t");
      ADD_FAILURE() << "accepted; expected an error naming " << needle;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  auto j = good;
  j["epochz"] = 3;
  expect_error(j, "epochz");
  j = good;
  j["methods"][1]["optimizer"] = "sgd:lr={lr},momentum=2";  // momentum outside [0, 1)
  expect_error(j, "momentum");
  j = good;
  j["problems"][0]["model"] = "lenet5000";
  expect_error(j, "lenet5000");
  j = good;
  j["problems"].erase(0);  // no problem (d): the auto-encoder check cannot run
  expect_error(j, "problem \"d\"");
  j = good;
  j["checks"].push_back("batch-reuse-usually-hurts");  // needs batch_reuse [1, 2]
  expect_error(j, "batch_reuse");
  j = good;
  j["problems"][0]["grid_search_epochs"] = 10;  // more than its 3 epochs
  expect_error(j, "grid_search_epochs");
  j = good;
  j["methods"][1]["schedule"] = "cosine";
  expect_error(j, "schedule");

  const ProtocolFile c = read_protocol_file(protocol_path("castera_ch2_inna_comparison.json"));
  auto k = c.settings("cpu");
  EXPECT_NO_THROW(parse_inna_comparison_settings(k, "t"));
  k["default_config"] = {0.7, 0.1};
  EXPECT_THROW(parse_inna_comparison_settings(k, "t"), std::invalid_argument);
  k = c.settings("cpu");
  k["baselines"].erase(2);  // no Adam
  EXPECT_THROW(parse_inna_comparison_settings(k, "t"), std::invalid_argument);
  k = c.settings("cpu");
  k["decay_q"] = {0.125, 0.5};  // without 1/16 and 1/4
  EXPECT_THROW(parse_inna_comparison_settings(k, "t"), std::invalid_argument);
}

// One tiny real run: castera-fig46-batch-norm reduced to 256 samples, 1 epoch, seed 0.
TEST(CasteraProtocols, TinyRealRunGivesAValidReportFragment) {
  const ProtocolFile f = read_protocol_file(protocol_path("castera_fig46_batch_norm.json"));
  ProtocolOptions o;
  o.subset = 256;
  o.epochs = 1;
  o.seeds = {0};
  o.device = "cpu";
  const auto out = std::filesystem::temp_directory_path() / ("ov_castera_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  o.output_dir = out.string();
  const ProtocolResult r = run_protocol(f, o);
  // Every training run wrote its own directory: OUTPUT/<protocol>/<problem>/<method>/grid-<values>.
  EXPECT_TRUE(std::filesystem::exists(out / "castera-fig46-batch-norm" / "e" / "sgd" / "grid-lr_0.1" / "config.json"));
  EXPECT_TRUE(std::filesystem::exists(out / "castera-fig46-batch-norm" / "f" / "sgd" / "grid-lr_1" / "config.json"));
  std::filesystem::remove_all(out);
  EXPECT_EQ(r.kind, "castera_step_tuned_problems");
  ASSERT_EQ(r.claims.size(), 2u);  // batch-norm-helps-step-tuned, step-tuned-beats-sgd
  for (const auto& c : r.claims) {
    const std::string v = c["verdict"];
    EXPECT_TRUE(v == "holds" || v == "refuted" || v == "inconclusive") << v;
    EXPECT_EQ(c["source"]["file"], "002_dc929347c6f8ce02.txt");
  }
  // 2 problems x 2 methods, each with its selected spec (or the reason it did not run).
  ASSERT_EQ(r.benchmarks.size(), 4u);
  for (const auto& b : r.benchmarks) {
    if (b["available"].get<bool>()) {
      EXPECT_FALSE(b["optimizer"].get<std::string>().empty()) << b.dump();
      EXPECT_EQ(b["grid"].size(), 3u);
    } else {
      EXPECT_FALSE(ov::gpu::train::closure_rules_available());
      EXPECT_NE(b["unavailable"].get<std::string>().find("closure rule"), std::string::npos);
    }
  }
  bool stood_in = false;
  for (const auto& n : r.notes) stood_in = stood_in || n.find("stood in for") != std::string::npos;
  EXPECT_TRUE(stood_in);
#ifdef OPTVERIFY_CASTERA_TEST_REPORT_SCHEMA
  nlohmann::json doc = ov::report::new_report_document();
  for (const auto& c : r.claims) doc["claims"].push_back(c);
  for (const auto& b : r.benchmarks) doc["benchmarks"].push_back(b);
  const auto errors = ov::report::validate_report(doc);
  for (const auto& e : errors) ADD_FAILURE() << e.to_string();
  // The validation catches a broken fragment: a refuted claim without its counterexample.
  nlohmann::json broken = doc;
  broken["claims"][0]["verdict"] = "refuted";
  broken["claims"][0]["evidence"]["counterexample"] = nullptr;
  EXPECT_FALSE(ov::report::validate_report(broken).empty());
#endif
}

// Not a test: the CPU-scale measurement of docs/protocols-castera.md, run by hand (minutes):
//   OV_CASTERA_PROTOCOL=bench/protocols/castera_table41_problems.json OV_CASTERA_OUTPUT=/tmp/t41.json
//   build/release/tests/gpu/gpu_castera_protocols_test --gtest_also_run_disabled_tests
//     --gtest_filter='*DISABLED_MeasureCpuScale*'      (one command line)
// (`optverify bench protocol FILE` does the same with a report.) Prints each verdict and the time.
TEST(CasteraProtocols, DISABLED_MeasureCpuScale) {
  const char* file = std::getenv("OV_CASTERA_PROTOCOL");
  if (!file) GTEST_SKIP() << "set OV_CASTERA_PROTOCOL to a protocol file";
  ProtocolOptions o;
  o.device = "cpu";
  const ProtocolResult r = run_protocol(read_protocol_file(file), o);
  for (const auto& c : r.claims)
    std::printf("%-70s %-12s %s\n", c["id"].get<std::string>().c_str(), c["verdict"].get<std::string>().c_str(),
                c["evidence"]["summary"].get<std::string>().c_str());
  for (const auto& n : r.notes) std::printf("note: %s\n", n.c_str());
  std::printf("seconds: %.1f\n", r.seconds);
  if (const char* out = std::getenv("OV_CASTERA_OUTPUT")) {
    std::ofstream f(out);
    f << nlohmann::json{{"name", r.name}, {"claims", r.claims}, {"benchmarks", r.benchmarks}, {"notes", r.notes},
                        {"seconds", r.seconds}}
             .dump(1);
  }
}
}  // namespace
