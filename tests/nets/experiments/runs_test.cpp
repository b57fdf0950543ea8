// Tiny configurations of the three 003 §5 experiments: they run, are reproducible from
// the seed (same seed same numbers, jobs 1 vs 2 identical, another seed other numbers),
// and their report entries pass the report schema.
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "analysis/report/report_schema.hpp"
#include "analysis/report/report_writer.hpp"
#include "nets/data/fashion_mnist.hpp"
#include "nets/experiments/experiments.hpp"

namespace ex = ov::nets::experiments;

namespace {

ex::LocalMinimaOptions tiny_local_minima(int jobs, std::uint64_t seed = 3) {
  auto o = ex::local_minima_defaults(false);
  o.widths = {1, 4};
  o.hidden_layers = {1, 2};
  o.runs_one_layer = 3;
  o.runs_deep = 2;
  o.gd.phase1_steps = 60;
  o.gd.phase2_steps = 60;
  o.gd.stop_patience = 30;
  o.jobs = jobs;
  o.seed = seed;
  return o;
}

ex::EfficiencyOptions tiny_efficiency(int jobs) {
  auto o = ex::efficiency_defaults(false);
  o.sizes = {50, 100};
  o.grid = {0.1, 0.01, 0.001};
  o.epochs = 2;
  o.curve_points = 10;
  o.jobs = jobs;
  o.seed = 5;
  return o;
}

bool have_images() {
  return std::filesystem::exists(std::filesystem::path(ov::nets::data::fashion_mnist_directory()) /
                                 "train-images-idx3-ubyte.gz");
}

ex::AsymptoticOptions tiny_asymptotic(int jobs) {
  auto o = ex::asymptotic_defaults(false);
  o.max_samples = 40;
  o.gd_iterations = 20;
  o.K = 15;
  o.runs = 2;
  o.alphas = {1e-3, 2e-3, 3e-3};
  o.batch_sizes = {1, 2, 4};
  o.jobs = jobs;
  o.seed = 9;
  return o;
}

}  // namespace

TEST(LocalMinima, TinyRunIsReproducibleAndIndependentOfJobs) {
  const auto a = ex::run_local_minima(tiny_local_minima(1));
  const auto b = ex::run_local_minima(tiny_local_minima(2));
  ASSERT_EQ(a.rows.size(), 4u);
  EXPECT_EQ(a.n, 100);
  EXPECT_EQ(a.d0, 2);
  EXPECT_EQ(a.threshold, 50);
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_EQ(a.rows[i].costs, b.rows[i].costs) << i;  // bitwise: same seed, same numbers
    EXPECT_EQ(a.rows[i].steps, b.rows[i].steps);
    for (double c : a.rows[i].costs) {
      EXPECT_GE(c, 0);
      EXPECT_LE(c, 1e3);
    }
  }
  const auto c = ex::run_local_minima(tiny_local_minima(1, 4));
  EXPECT_NE(a.rows[0].costs, c.rows[0].costs);  // another seed, other starts and data
  // The JSON and the report.
  const auto j = ex::to_json(a);
  EXPECT_EQ(j["experiment"], "local_minima");
  EXPECT_EQ(j["seed"], 3);
  EXPECT_EQ(j["precision"], "double");
  EXPECT_TRUE(j["provenance"].contains("git_commit"));
  auto doc = ov::report::new_report_document();
  ex::append_report(doc, a);
  EXPECT_TRUE(ov::report::validate_report(doc).empty()) << ov::report::validate_report(doc).front().to_string();
  EXPECT_EQ(doc["claims"].size(), 3u);
}

TEST(LocalMinima, BadOptionsNameTheField) {
  auto o = tiny_local_minima(1);
  o.widths = {};
  try {
    ex::run_local_minima(o);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("widths"), std::string::npos);
  }
  o = tiny_local_minima(1);
  o.hidden_layers = {4};
  EXPECT_THROW(ex::run_local_minima(o), std::invalid_argument);
  o = tiny_local_minima(0);
  EXPECT_THROW(ex::run_local_minima(o), std::invalid_argument);
}

TEST(Efficiency, TinyRunIsReproducibleAndTunesOnTheGrid) {
  const auto a = ex::run_efficiency(tiny_efficiency(1));
  const auto b = ex::run_efficiency(tiny_efficiency(2));
  ASSERT_EQ(a.tuning.size(), 2u * 3u * 3u);
  ASSERT_EQ(a.curves.size(), 6u);
  for (std::size_t i = 0; i < a.tuning.size(); ++i) EXPECT_EQ(a.tuning[i].final_cost, b.tuning[i].final_cost);
  for (std::size_t i = 0; i < a.curves.size(); ++i) {
    EXPECT_EQ(a.curves[i].costs, b.curves[i].costs);
    // The tuned step is the grid's argmin, and the final curve point is its tuning cost
    // (same seed, same batches).
    const auto& c = a.curves[i];
    EXPECT_EQ(c.lr, ex::tuned_lr(a.tuning, c.size, c.method));
    EXPECT_EQ(c.costs.back(), c.final_cost);
    for (const auto& t : a.tuning)
      if (t.size == c.size && t.method == c.method) {
        EXPECT_GE(t.final_cost, c.final_cost);
        if (t.lr == c.lr) {
          EXPECT_EQ(t.final_cost, c.final_cost);
        }
      }
    // Equal processed observations: 2 n for every method.
    EXPECT_EQ(c.observations.back(), 2.0 * static_cast<double>(c.size));
  }
  auto doc = ov::report::new_report_document();
  ex::append_report(doc, a);
  EXPECT_TRUE(ov::report::validate_report(doc).empty()) << ov::report::validate_report(doc).front().to_string();
}

TEST(Efficiency, TableAndTuningOnConstructedRuns) {
  EXPECT_EQ(ex::table_5_1(100, ex::Method::sgd), 0.005);
  EXPECT_EQ(ex::table_5_1(1000, ex::Method::minibatch), 0.05);
  EXPECT_EQ(ex::table_5_1(10000, ex::Method::gd), 0.05);
  EXPECT_EQ(ex::table_5_1(50, ex::Method::gd), 0);
  std::vector<ex::EfficiencyRun> runs = {{100, ex::Method::gd, 1, 5.0, false},
                                         {100, ex::Method::gd, 0.5, 2.0, false},
                                         {100, ex::Method::gd, 0.1, 2.0, false},  // tie: the earlier entry wins
                                         {100, ex::Method::sgd, 0.1, 1.0, false},
                                         {100, ex::Method::gd, 0.05, 3.0, false}};
  EXPECT_EQ(ex::tuned_lr(runs, 100, ex::Method::gd), 0.5);
  EXPECT_EQ(ex::tuned_lr(runs, 100, ex::Method::sgd), 0.1);
  auto o = tiny_efficiency(1);
  o.sizes = {10};  // below the mini-batch
  try {
    ex::run_efficiency(o);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("size 10"), std::string::npos);
  }
}

TEST(Asymptotic, TinyRunIsReproducibleAndReusesTheBatchOneRuns) {
  if (!have_images()) GTEST_SKIP() << "Fashion-MNIST not installed (dataset-fashion-mnist)";
  const auto a = ex::run_asymptotic(tiny_asymptotic(1));
  const auto b = ex::run_asymptotic(tiny_asymptotic(2));
  EXPECT_EQ(a.n, 40);
  ASSERT_EQ(a.alpha_sweep.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a.alpha_sweep[i].per_run, b.alpha_sweep[i].per_run);
    EXPECT_EQ(a.batch_sweep[i].per_run, b.batch_sweep[i].per_run);
  }
  EXPECT_EQ(a.batch_sweep[0].per_run, a.alpha_sweep[0].per_run);  // |B| = 1 at alpha 1e-3
  EXPECT_GT(a.alpha_sweep[0].mean, 0);
  EXPECT_EQ(a.alpha_fit.points, 3u);
  auto doc = ov::report::new_report_document();
  ex::append_report(doc, a);
  EXPECT_TRUE(ov::report::validate_report(doc).empty()) << ov::report::validate_report(doc).front().to_string();
  auto o = tiny_asymptotic(1);
  o.batch_sizes = {1, 2, 100};  // larger than n = 40
  EXPECT_THROW(ex::run_asymptotic(o), std::invalid_argument);
}

// The estimator on a two-sample quadratic: f_i(x) = (x - 2i)^2 / 2, i = 0, 1, so f's gradient is
// x - 1 whatever the samples drawn.
TEST(Asymptotic, EstimatorAveragesTheFullGradientAfterEachUpdate) {
  struct Sum : ov::optim::FiniteSumObjective<double> {
    int dim() const override { return 1; }
    std::size_t num_samples() const override { return 2; }
    double batch_value(const ov::optim::Vector<double>& x, const ov::optim::Batch& b) const override {
      double s = 0;
      for (auto i : b) s += 0.5 * (x[0] - 2.0 * static_cast<double>(i)) * (x[0] - 2.0 * static_cast<double>(i));
      return s / static_cast<double>(b.size());
    }
    ov::optim::Vector<double> batch_gradient(const ov::optim::Vector<double>& x, const ov::optim::Batch& b) const override {
      double s = 0;
      for (auto i : b) s += x[0] - 2.0 * static_cast<double>(i);
      return ov::optim::Vector<double>::Constant(1, s / static_cast<double>(b.size()));
    }
  } f;
  // From x = 1 (the minimiser of f): one SGD step with alpha = 1/2 on sample i moves to
  // x = 1 - (1 - 2i)/2, i.e. 1/2 (i = 0) or 3/2 (i = 1); either way ||grad f||^2 = 1/4 exactly.
  // (A broken variant that measured the gradient BEFORE the update would give 0.)
  const double v = ex::average_squared_gradient(f, ov::optim::Vector<double>::Constant(1, 1.0), 0.5, 1, 1, 123);
  EXPECT_EQ(v, 0.25);
  // alpha = 1 and |B| = 1: x_{k+1} = x_k - (x_k - 2i) = 2i, so every ||grad f(x_{k+1})||^2 = 1: mean 1.
  EXPECT_EQ(ex::average_squared_gradient(f, ov::optim::Vector<double>::Constant(1, 1.0), 1.0, 1, 10, 1), 1.0);
  EXPECT_THROW(ex::average_squared_gradient(f, ov::optim::Vector<double>::Constant(1, 1.0), 1.0, 1, 0, 1),
               std::invalid_argument);
}
