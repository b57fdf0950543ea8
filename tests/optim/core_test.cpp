// The optimizer library's core (optim/core, optim/registry): elementwise kernels
// with double buffering, reductions, batch samplers, the counting oracle, the
// driver with its trace and callbacks, hyper-parameter messages and the registry's
// spec parsing. Properties are checked against mutants in the same file.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <limits>
#include <sstream>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/batch_sampler.hpp"
#include "optim/core/callbacks.hpp"
#include "optim/core/elementwise.hpp"
#include "optim/core/minimize.hpp"
#include "optim/core/reductions.hpp"
#include "optim/line_search/line_search_result.hpp"
#include "optim/registry/all_entries.hpp"

namespace {

using namespace ov::optim;
using ov::mp100;
using ov::rational;

// f(x) = 1/2 sum_i c_i x_i^2 with c_i = i + 1.
template <class S>
class DiagonalQuadratic : public Objective<S> {
 public:
  explicit DiagonalQuadratic(int n) : n_(n) {}
  int dim() const override { return n_; }
  S value(const Vector<S>& x) const override {
    S s(0);
    for (int i = 0; i < n_; ++i) s += S(i + 1) * x[i] * x[i];
    return s / S(2);
  }
  Vector<S> gradient(const Vector<S>& x) const override {
    Vector<S> g(n_);
    for (int i = 0; i < n_; ++i) g[i] = S(i + 1) * x[i];
    return g;
  }

 private:
  int n_;
};

// f(x) = mean_i 1/2 (x - a_i)^2 in one dimension, a_i = i.
template <class S>
class MeanOfSquares : public FiniteSumObjective<S> {
 public:
  explicit MeanOfSquares(std::size_t n) : n_(n) {}
  int dim() const override { return 1; }
  std::size_t num_samples() const override { return n_; }
  S batch_value(const Vector<S>& x, const Batch& b) const override {
    S s(0);
    for (auto i : b) s += (x[0] - S(static_cast<long>(i))) * (x[0] - S(static_cast<long>(i))) / S(2);
    return s / S(static_cast<long>(b.size()));
  }
  Vector<S> batch_gradient(const Vector<S>& x, const Batch& b) const override {
    Vector<S> g(1);
    g[0] = S(0);
    for (auto i : b) g[0] += x[0] - S(static_cast<long>(i));
    g[0] /= S(static_cast<long>(b.size()));
    return g;
  }

 private:
  std::size_t n_;
};

// Fixed-step gradient descent written with the core's elementwise kernel.
struct GdKernel {
  template <class T, class C>
  void operator()(const C& lr, const T& x, const T& g, T& x1) const {
    x1 = x - lr * g;
  }
};

template <class S>
class FixedStepGd : public Optimizer<S> {
 public:
  explicit FixedStepGd(S lr) : lr_(lr) { require_positive("fixed_step_gd", "lr", lr_); }
  std::string name() const override { return "fixed_step_gd"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {{"lr", ops::to_string(lr_)}}; }
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    Vector<S> g;
    const S v = f.value_and_gradient(x, g);
    if (!ops::is_finite(v)) return StepReport<S>::refuse(StepStatus::refused_non_finite_value, "f(x) not finite");
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, "gradient not finite");
    StepReport<S> r;
    r.value = v;
    if constexpr (ops::has_sqrt_v<S>) r.grad_norm = norm2(g);
    r.step_size = lr_;
    if (squared_norm(g) == S(0)) {
      r.status = StepStatus::stationary;
      return r;
    }
    if (!elementwise(GdKernel{}, lr_, in(x, g), out(x1_))) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_update, "x - lr g not finite");
    }
    x.swap(x1_);
    return r;
  }
  void reset() override {}

 private:
  S lr_;
  Vector<S> x1_;
};

TEST(OptimCore, ElementwiseRunsTheKernelAndFlagsNonFiniteOutputs) {
  Vector<double> x(3), g(3), x1;
  x << 1, 2, 3;
  g << 4, 5, 6;
  EXPECT_TRUE(elementwise(GdKernel{}, 0.5, in(x, g), out(x1)));
  EXPECT_EQ(x1, (Vector<double>(3) << -1, -0.5, 0).finished());
  g[1] = std::numeric_limits<double>::infinity();
  EXPECT_FALSE(elementwise(GdKernel{}, 0.5, in(x, g), out(x1)));
  Vector<double> short_g(2);
  EXPECT_THROW(elementwise(GdKernel{}, 0.5, in(x, short_g), out(x1)), std::invalid_argument);
}

TEST(OptimCore, FixedStepGdIsExactInRational) {
  DiagonalQuadratic<rational> f(2);
  Oracle<rational> o(f);
  FixedStepGd<rational> gd(rational(1) / 4);
  Vector<rational> x(2);
  x << 1, 1;
  // x1 = (1 - 1/4, 1 - 2/4) = (3/4, 1/2); x2 = (9/16, 1/4).
  RunOptions<rational> opt;
  opt.max_iterations = 2;
  const auto res = minimize(gd, o, x, opt);
  EXPECT_EQ(x[0], rational(9) / 16);
  EXPECT_EQ(x[1], rational(1) / 4);
  EXPECT_EQ(res.iterations, 2);
  EXPECT_EQ(res.evaluations.values, 2);
  EXPECT_EQ(res.evaluations.gradients, 2);
  ASSERT_EQ(res.trace.size(), 2u);
  // Monitor at x1: f = 1/2 (9/16 + 2/4) = 17/32.
  EXPECT_EQ(*res.trace[0].value, rational(17) / 32);
  EXPECT_EQ(res.reason, StopReason::max_iterations);
}

TEST(OptimCore, RefusedStepLeavesTheIterateAndStops) {
  DiagonalQuadratic<double> f(2);
  Oracle<double> o(f);
  FixedStepGd<double> gd(1e308);
  Vector<double> x(2);
  x << 1e10, 1e10;
  const Vector<double> before = x;
  const auto res = minimize(gd, o, x);
  EXPECT_EQ(x, before);
  EXPECT_EQ(res.reason, StopReason::refused);
  EXPECT_NE(res.message.find("non-finite update"), std::string::npos) << res.message;
}

TEST(OptimCore, StationaryAndToleranceStops) {
  DiagonalQuadratic<double> f(2);
  Oracle<double> o(f);
  FixedStepGd<double> gd(0.5);
  Vector<double> zero = Vector<double>::Zero(2);
  EXPECT_EQ(minimize(gd, o, zero).reason, StopReason::stationary);
  Vector<double> x(2);
  x << 1, 1;
  RunOptions<double> opt;
  opt.gradient_tolerance = 1e-6;
  const auto res = minimize(gd, o, x, opt);
  EXPECT_EQ(res.reason, StopReason::gradient_tolerance);
  EXPECT_LE(*res.grad_norm, 1e-6);
}

TEST(OptimCore, HyperparameterMessagesNameParameterValueAndRange) {
  try {
    FixedStepGd<double> gd(-1);
    FAIL();
  } catch (const invalid_hyperparameter& e) {
    EXPECT_STREQ(e.what(), "fixed_step_gd: lr = -1 is outside its valid range (0, inf)");
  }
  EXPECT_THROW(FixedStepGd<double>(std::numeric_limits<double>::quiet_NaN()), invalid_hyperparameter);
  EXPECT_EQ(ops::ratio<rational>(1, 10), rational(1) / 10);
  EXPECT_EQ(ops::ratio<double>(1, 10), 0.1);
}

TEST(OptimCore, ReductionsAgreeWithHandValues) {
  Vector<rational> a(3);
  a << 3, -4, 0;
  EXPECT_EQ(dot(a, a), rational(25));
  EXPECT_EQ(norm1(a), rational(7));
  EXPECT_EQ(norm_inf(a), rational(4));
  Vector<mp100> b(2);
  b << 3, 4;
  EXPECT_EQ(norm2(b), mp100(5));
  const mp100 n3 = norm_p(b, mp100(3));  // (27 + 64)^(1/3)
  EXPECT_LT(abs(n3 * n3 * n3 - mp100(91)), ov::constant<mp100>("1e-95"));
  EXPECT_EQ(norm_p(b, mp100(1)), mp100(7));
  EXPECT_EQ(norm_p(b, std::numeric_limits<mp100>::infinity()), mp100(4));
  EXPECT_THROW(norm_p(b, mp100(0.5f)), std::invalid_argument);
}

// ---- Batch samplers -------------------------------------------------------

// Property of the partitioning modes: every epoch visits each index exactly
// once. Generic over the sampler so that a mutant can be checked too.
template <class Sampler>
bool epochs_partition_the_samples(Sampler& s, std::size_t n, int epochs) {
  for (int e = 0; e < epochs; ++e) {
    std::vector<int> seen(n, 0);
    std::size_t batches = 0;
    do {
      for (auto i : s.next()) {
        if (i >= n) return false;
        ++seen[i];
      }
      if (++batches > n + 1) return false;  // an epoch that never ends
    } while (!s.epoch_ended());
    if (std::any_of(seen.begin(), seen.end(), [](int c) { return c != 1; })) return false;
  }
  return true;
}

// Mutant: a sampler that repeats the first index of every batch instead of the last.
class DuplicatingSampler {
 public:
  DuplicatingSampler(std::size_t n, std::size_t b, std::uint64_t seed) : s_(n, b, Sampling::reshuffle_each_epoch, seed) {}
  const Batch& next() {
    b_ = s_.next();
    if (b_.size() > 1) b_.back() = b_.front();
    return b_;
  }
  bool epoch_ended() const { return s_.epoch_ended(); }

 private:
  BatchSampler s_;
  Batch b_;
};

RC_GTEST_PROP(OptimCoreSampler, EveryEpochIsAPartition, ()) {
  const std::size_t n = *rc::gen::inRange<std::size_t>(1, 50);
  const std::size_t b = *rc::gen::inRange<std::size_t>(1, n + 1);
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  const Sampling mode = *rc::gen::element(Sampling::reshuffle_each_epoch, Sampling::shuffle_once);
  BatchSampler s(n, b, mode, seed);
  RC_ASSERT(epochs_partition_the_samples(s, n, 3));
  RC_ASSERT(s.epoch() == 3u);
}

TEST(OptimCoreSampler, ThePartitionCheckCatchesADuplicatingSampler) {
  DuplicatingSampler bad(10, 3, 7);
  EXPECT_FALSE(epochs_partition_the_samples(bad, 10, 1));
}

TEST(OptimCoreSampler, SameSeedSameBatchesAndModesDiffer) {
  BatchSampler a(20, 6, Sampling::reshuffle_each_epoch, 42), b(20, 6, Sampling::reshuffle_each_epoch, 42);
  BatchSampler once(20, 6, Sampling::shuffle_once, 42), other(20, 6, Sampling::reshuffle_each_epoch, 43);
  std::vector<Batch> ea, eb, eo, e2;
  for (int k = 0; k < 8; ++k) {  // two epochs of 4 batches (6, 6, 6, 2)
    ea.push_back(a.next());
    eb.push_back(b.next());
    eo.push_back(once.next());
    e2.push_back(other.next());
  }
  EXPECT_EQ(ea, eb);
  EXPECT_NE(ea, e2);
  EXPECT_EQ(ea[3].size(), 2u);
  // shuffle_once cycles the same order; reshuffle_each_epoch draws a new one.
  for (int k = 0; k < 4; ++k) EXPECT_EQ(eo[k], eo[k + 4]);
  EXPECT_NE(std::vector<Batch>(ea.begin(), ea.begin() + 4), std::vector<Batch>(ea.begin() + 4, ea.end()));
}

TEST(OptimCoreSampler, WithReplacementIsUniformAndCountsEpochs) {
  BatchSampler s(4, 2, Sampling::with_replacement, 1);
  std::vector<int> count(4, 0);
  const int draws = 40000;
  for (int k = 0; k < draws / 2; ++k)
    for (auto i : s.next()) ++count[i];
  EXPECT_EQ(s.epoch(), static_cast<std::size_t>(draws / 4));  // 2 batches per epoch of 4 samples
  // Each count ~ Binomial(40000, 1/4): sd ~ 87; 6 sd bound.
  for (int c : count) EXPECT_NEAR(c, draws / 4, 520);
  EXPECT_THROW(BatchSampler(4, 5, Sampling::with_replacement, 1), std::invalid_argument);
  EXPECT_THROW(BatchSampler(0, 1, Sampling::with_replacement, 1), std::invalid_argument);
}

TEST(OptimCoreOracle, StochasticEvaluationsAreBatchMeansAndCounted) {
  MeanOfSquares<rational> f(4);  // samples a_i = 0, 1, 2, 3
  BatchSampler s(4, 2, Sampling::shuffle_once, 5);
  Oracle<rational> o(f, s);
  Vector<rational> x(1);
  x << 1;
  EXPECT_THROW(o.value(x), std::logic_error);  // no batch drawn yet
  o.next_batch();
  const Batch b = o.batch();
  rational expect(0);
  for (auto i : b) expect += rational(1 - static_cast<long>(i));
  EXPECT_EQ(o.gradient(x)[0], expect / 2);
  EXPECT_EQ(o.full_value(x), (rational(1) + 0 + 1 + 4) / 8);
  EXPECT_EQ(o.evaluations().gradients, 1);
  EXPECT_EQ(o.evaluations().sample_gradients, 2);
  EXPECT_EQ(o.evaluations().full_values, 1);
  BatchSampler wrong(5, 2, Sampling::shuffle_once, 5);
  EXPECT_THROW(Oracle<rational>(f, wrong), std::invalid_argument);
}

TEST(OptimCoreDriver, StochasticRunIsReproducibleAndReportsEpochs) {
  MeanOfSquares<double> f(10);
  auto run = [&f](std::uint64_t seed) {
    BatchSampler s(10, 3, Sampling::reshuffle_each_epoch, seed);
    Oracle<double> o(f, s);
    FixedStepGd<double> gd(0.1);
    Vector<double> x = Vector<double>::Zero(1);
    RunOptions<double> opt;
    opt.max_iterations = 8;  // 4 batches per epoch: 2 epochs
    return minimize(gd, o, x, opt);
  };
  const auto a = run(9), b = run(9), c = run(10);
  EXPECT_EQ(a.x, b.x);
  EXPECT_NE(a.x, c.x);
  EXPECT_EQ(a.trace.back().epoch, 2u);
}

TEST(OptimCoreCallbacks, EarlyStopDivergenceAndReports) {
  DiagonalQuadratic<double> f(2);
  Oracle<double> o(f);
  Vector<double> x(2);
  x << 1, 1;
  FixedStepGd<double> slow(1e-12);
  EarlyStop<double> early(3, 1e-6);
  auto res = minimize(slow, o, x, {}, {&early});
  EXPECT_EQ(res.reason, StopReason::callback);
  EXPECT_EQ(res.iterations, 4);  // the first row sets the best value, three stale rows stop
  EXPECT_NE(res.message.find("early stop"), std::string::npos);

  FixedStepGd<double> wild(3);  // 1 - 3 * 2 = -5: |x_2| grows 5x per step
  StopOnDivergence<double> diverge(1e6);
  std::ostringstream table;
  PeriodicReport<double> report(table, 2);
  x << 1, 1;
  res = minimize(wild, o, x, {}, {&diverge, &report});
  EXPECT_EQ(res.reason, StopReason::callback);
  EXPECT_NE(res.message.find("diverged"), std::string::npos) << res.message;
  EXPECT_NE(table.str().find("f-evals"), std::string::npos);
}

// ---- Registry ---------------------------------------------------------------

TEST(OptimCoreRegistry, SpecsParseAndErrorsNameThePiece) {
  auto s = parse_optimizer_spec("adam:lr=1/1000,beta1=0.9");
  EXPECT_EQ(s.name, "adam");
  EXPECT_EQ(s.params.at("lr"), "1/1000");
  EXPECT_EQ(s.params.at("beta1"), "0.9");
  EXPECT_THROW(parse_optimizer_spec(":lr=1"), std::invalid_argument);
  EXPECT_THROW(parse_optimizer_spec("adam:lr"), std::invalid_argument);
  EXPECT_THROW(parse_optimizer_spec("adam:lr=1,lr=2"), std::invalid_argument);

  Registry<double> r;
  r.add({"fixed_step_gd", "test", "x -= lr g", "test", {{"lr", "1/10", "(0, inf)", "step"}}, false,
         [](const ParamReader<double>& p) { return std::make_unique<FixedStepGd<double>>(p.scalar("lr")); }});
  auto parse = [](const std::string& t) { return ov::constant<double>(t); };
  EXPECT_EQ(r.make("fixed_step_gd", parse)->hyperparameters()[0].value, "0.1");
  EXPECT_EQ(r.make("fixed_step_gd:lr=1/4", parse)->hyperparameters()[0].value, "0.25");
  try {
    r.make("fixed_step_gd:rate=1", parse);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("unknown parameter 'rate' (valid: lr)"), std::string::npos) << e.what();
  }
  try {
    r.make("fixed_stp_gd", parse);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean fixed_step_gd"), std::string::npos) << e.what();
  }
  EXPECT_THROW(r.make("fixed_step_gd:lr=abc", parse), std::invalid_argument);
  EXPECT_THROW(r.make("fixed_step_gd:lr=-1", parse), invalid_hyperparameter);
  // The families' registries (those that have landed) build for several scalars.
  EXPECT_NO_THROW(make_registry<double>());
  EXPECT_NO_THROW(make_registry<mp100>());
}

}  // namespace
