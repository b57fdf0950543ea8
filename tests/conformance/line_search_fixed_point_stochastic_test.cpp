// The line-search, fixed-point and stochastic suites
// (docs/conformance-line-search-fixed-point-stochastic.md): each property PASSES on correct
// built-in rules with proper declarations and FAILS on a mutated rule (or a false
// declaration) written here. Properties run on a few seeded cases (property.hpp
// seeded_cases), so every result is reproducible.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "optim/core/random.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/inna.hpp"
#include "optim/rules/sgd.hpp"
#include "optim/rules/two_way_backtracking_gd.hpp"
#include "proofs-checks/conformance/core_properties.hpp"

namespace line_search_fixed_point_stochastic_test {

using namespace ov;
using conformance::Case;
using conformance::Outcome;
using conformance::Property;
using conformance::Status;
using conformance::Subject;
using Vec = optim::Vector<double>;

Property find(const std::vector<Property>& ps, const std::string& id) {
  for (const auto& p : ps)
    if (p.id == id) return p;
  throw std::invalid_argument("no property " + id);
}

std::string describe(const std::pair<Case, Outcome>& r);

std::vector<std::pair<Case, Outcome>> run_cases(const Property& p, const Subject& s, int count, std::uint64_t seed = 7) {
  std::vector<std::pair<Case, Outcome>> out;
  for (const Case& c : conformance::seeded_cases(seed, count, p.ranges)) {
    out.emplace_back(c, p.run(s, c));
    // OV_CONFORMANCE_VERBOSE=1 prints every measured outcome (the figures quoted in the docs).
    if (std::getenv("OV_CONFORMANCE_VERBOSE")) std::cout << p.id << " on " << s.name << " " << describe(out.back()) << "\n";
  }
  return out;
}

std::string describe(const std::pair<Case, Outcome>& r) {
  return conformance::to_json(r.first).dump() + " " + conformance::to_string(r.second.status) + ": " + r.second.detail;
}

// OV_CONFORMANCE_CASES=N runs N seeded cases instead of the default few (a soak run).
void expect_all_pass(const Property& p, const Subject& s, int count, std::uint64_t seed = 7) {
  if (const char* n = std::getenv("OV_CONFORMANCE_CASES")) count = std::max(1, std::atoi(n));
  for (const auto& r : run_cases(p, s, count, seed)) EXPECT_EQ(r.second.status, Status::passed) << p.id << " on " << s.name << " " << describe(r);
}

// Returns the first failing outcome's detail ("" when none failed).
std::string first_failure(const Property& p, const Subject& s, int count, std::uint64_t seed = 7) {
  for (const auto& r : run_cases(p, s, count, seed))
    if (r.second.status == Status::failed) return describe(r);
  return "";
}

// p fails on s, with `expected` in the first failure's detail.
void expect_caught_with(const Property& p, const Subject& s, int count, const std::string& expected) {
  const std::string f = first_failure(p, s, count);
  EXPECT_NE(f.find(expected), std::string::npos) << f;
}

// ---- line search subjects ----

conformance::LineSearchDeclaration armijo_declaration(bool lattice, bool maximal) {
  conformance::LineSearchDeclaration d;
  d.armijo_alpha = 1e-4;
  d.max_trials = 100;
  if (lattice) {
    d.delta0 = 0.01;
    d.beta = 0.5;
  }
  d.maximal = maximal;
  return d;
}

Subject backtracking_subject() {
  Subject s;
  s.name = "backtracking_gd";
  s.make = [] { return std::make_unique<optim::BacktrackingGd<double>>(0.01, 1e-4, 0.5, 100); };
  s.declared.line_search = armijo_declaration(true, true);
  return s;
}

Subject two_way_subject() {
  Subject s;
  s.name = "two_way_backtracking_gd";
  s.make = [] { return std::make_unique<optim::TwoWayBacktrackingGd<double>>(0.01, 1e-4, 0.5, std::nullopt, 100); };
  s.declared.line_search = armijo_declaration(true, true);
  return s;
}

// A backtracking search with one deliberate defect.
enum class Mutation {
  reversed_armijo,  // accepts when f(x - t g) - f(x) >= -alpha t ||g||^2
  strict_no_stationary,  // strict inequality and no zero-gradient exit: never stops at x*
  never_gives_up,   // no trial bound: halves until t underflows to 0, then "accepts"
  off_lattice,      // shrinks by beta (1 + 1e-3)
  non_maximal,      // returns beta times the accepted step
  wrong_displacement,  // moves by -2 t g but reports t
};

class MutantBacktracking : public optim::Optimizer<double> {
 public:
  explicit MutantBacktracking(Mutation m) : m_(m) {}
  std::string name() const override { return "mutant_backtracking"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  void reset() override {}
  optim::StepReport<double> step(optim::Oracle<double>& f, Vec& x) override {
    Vec g;
    const double f0 = f.value_and_gradient(x, g);
    optim::StepReport<double> rep;
    if (m_ != Mutation::strict_no_stationary && g.isZero(0)) {
      rep.status = optim::StepStatus::stationary;
      return rep;
    }
    const double gg = g.squaredNorm(), alpha = 1e-4, beta = m_ == Mutation::off_lattice ? 0.5 * (1 + 1e-3) : 0.5;
    const int bound = m_ == Mutation::never_gives_up ? 1 << 30 : 100;
    double t = 0.01;
    for (int trial = 1; trial <= bound; ++trial) {
      const Vec xn = x - t * g;
      const double fn = f.value(xn);
      bool ok = fn - f0 <= -alpha * t * gg;
      if (m_ == Mutation::reversed_armijo) ok = fn - f0 >= -alpha * t * gg;
      if (m_ == Mutation::strict_no_stationary) ok = fn - f0 < -alpha * t * gg;
      if (ok) {
        if (m_ == Mutation::non_maximal) t *= beta;
        x = x - (m_ == Mutation::wrong_displacement ? 2 * t : t) * g;
        rep.step_size = t;
        rep.trials = trial;
        return rep;
      }
      t *= beta;
    }
    return optim::StepReport<double>::refuse(optim::StepStatus::refused_search_failed, "no acceptable step");
  }

 private:
  Mutation m_;
};

Subject mutant_line_search(Mutation m, const std::string& name) {
  Subject s;
  s.name = name;
  s.make = [m] { return std::make_unique<MutantBacktracking>(m); };
  s.declared.line_search = armijo_declaration(true, true);
  return s;
}

const std::vector<Property>& line_search() {
  static const std::vector<Property> ps = conformance::line_search_properties();
  return ps;
}

// Property `id` passes on the built-in backtracking and two-way searches.
void expect_builtin_searches_pass(const std::string& id, int count) {
  const Property p = find(line_search(), id);
  expect_all_pass(p, backtracking_subject(), count);
  expect_all_pass(p, two_way_subject(), count);
}

// Property `id` fails on the search with mutation m, with `expected` in the failure's detail.
void expect_mutation_caught(const std::string& id, Mutation m, const std::string& name, const std::string& expected,
                            int count) {
  expect_caught_with(find(line_search(), id), mutant_line_search(m, name), count, expected);
}

TEST(LineSearchProperties, ArmijoEveryStepHoldsOnBuiltinSearches) {
  expect_builtin_searches_pass("conformance.line-search.armijo-every-step", 4);
}

TEST(LineSearchProperties, ArmijoEveryStepCatchesReversedInequality) {
  expect_mutation_caught("conformance.line-search.armijo-every-step", Mutation::reversed_armijo, "reversed_armijo",
                         "violates Armijo", 4);
}

TEST(LineSearchProperties, ArmijoEveryStepCatchesWrongDisplacement) {
  expect_mutation_caught("conformance.line-search.armijo-every-step", Mutation::wrong_displacement, "wrong_displacement",
                         "instead of -t g_i", 4);
}

TEST(LineSearchProperties, ArmijoNearTieIsEscalatedToMp50NotFailed) {
  // 1-D quadratic with L = 100 exactly (dim 1, scale 1: L = 100 scale) and Armijo's alpha =
  // 1/2: the first trial t = delta0 = 0.01 gives f(x - t g) - f(x) = -t g^2 + L t^2 g^2 / 2 =
  // -alpha t g^2, an exact tie that only rounding decides. The property must escalate it to
  // mp50 and never report it as a failure.
  Subject s;
  s.name = "backtracking_gd(alpha = 1/2)";
  s.make = [] { return std::make_unique<optim::BacktrackingGd<double>>(0.01, 0.5, 0.5, 100); };
  s.declared.line_search = armijo_declaration(true, true);
  s.declared.line_search->armijo_alpha = 0.5;
  const Property p = find(line_search(), "conformance.line-search.armijo-every-step");
  int escalated = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Case c;
    c.seed = seed;
    c.dim = 1;
    c.condition = 1;
    c.scale = 1;
    const Outcome o = p.run(s, c);
    if (std::getenv("OV_CONFORMANCE_VERBOSE")) std::cout << p.id << " on " << s.name << " " << describe({c, o}) << "\n";
    EXPECT_NE(o.status, Status::failed) << o.detail;
    escalated += o.figures.value("escalated_to_mp50", 0);
  }
  EXPECT_GT(escalated, 0);
}

TEST(LineSearchProperties, ArmijoEveryStepCatchesOverstatedAlpha) {
  // A correct search whose declaration claims alpha = 0.9 (stronger than the rule's 1e-4):
  // a false variant of the statement, caught as an Armijo violation.
  Subject s = backtracking_subject();
  s.declared.line_search->armijo_alpha = 0.9;
  const Property p = find(line_search(), "conformance.line-search.armijo-every-step");
  EXPECT_NE(first_failure(p, s, 4), "");
}

// A weak-Wolfe bisection search along -g (Armijo alpha, curvature c2): the textbook
// bracketing (t too long: Armijo fails, shrink; t too short: curvature fails, grow).
class WolfeBisectionGd : public optim::Optimizer<double> {
 public:
  WolfeBisectionGd(double alpha, double c2) : alpha_(alpha), c2_(c2) {}
  std::string name() const override { return "wolfe_bisection_gd"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  void reset() override {}
  optim::StepReport<double> step(optim::Oracle<double>& f, Vec& x) override {
    Vec g;
    const double f0 = f.value_and_gradient(x, g), gg = g.squaredNorm();
    optim::StepReport<double> rep;
    if (gg == 0) {
      rep.status = optim::StepStatus::stationary;
      return rep;
    }
    double lo = 0, hi = std::numeric_limits<double>::infinity(), t = 1;
    for (int trial = 1; trial <= 100; ++trial) {
      const Vec xn = x - t * g;
      if (f.value(xn) - f0 > -alpha_ * t * gg) {
        hi = t;
      } else if (f.gradient(xn).dot(g) > c2_ * gg) {
        lo = t;
      } else {
        x = xn;
        rep.step_size = t;
        rep.trials = trial;
        return rep;
      }
      t = std::isinf(hi) ? 2 * lo : (lo + hi) / 2;
    }
    return optim::StepReport<double>::refuse(optim::StepStatus::refused_search_failed, "no Wolfe step");
  }

 private:
  double alpha_, c2_;
};

TEST(LineSearchProperties, WolfeHoldsOnWolfeSearchAndCatchesPlainBacktracking) {
  const Property p = find(line_search(), "conformance.line-search.armijo-every-step");
  conformance::LineSearchDeclaration d;
  d.armijo_alpha = 1e-4;
  d.wolfe_c2 = 0.9;
  Subject wolfe;
  wolfe.name = "wolfe_bisection_gd";
  wolfe.make = [] { return std::make_unique<WolfeBisectionGd>(1e-4, 0.9); };
  wolfe.declared.line_search = d;
  expect_all_pass(p, wolfe, 4);
  for (const auto& r : run_cases(p, wolfe, 4)) EXPECT_GT(r.second.figures.value("wolfe_checked", 0), 0) << describe(r);
  // Backtracking from delta0 = 0.01 does not enforce curvature: declaring c2 = 0.1 is false
  // (short steps on flat problems keep g(x+)^T g close to ||g||^2).
  Subject bt = backtracking_subject();
  bt.declared.line_search->wolfe_c2 = 0.1;
  expect_caught_with(p, bt, 4, "Wolfe curvature");
}

TEST(LineSearchProperties, StationaryStartHoldsOnBuiltinSearches) {
  expect_builtin_searches_pass("conformance.line-search.stationary-start", 3);
}

TEST(LineSearchProperties, StationaryStartCatchesSearchThatDoesNotStop) {
  expect_mutation_caught("conformance.line-search.stationary-start", Mutation::strict_no_stationary, "strict_no_stationary",
                         "refused: search failed", 3);
}

TEST(LineSearchProperties, BoundedRefusalHoldsOnBuiltinSearches) {
  expect_builtin_searches_pass("conformance.line-search.bounded-refusal", 3);
}

TEST(LineSearchProperties, BoundedRefusalCatchesSearchThatNeverGivesUp) {
  expect_mutation_caught("conformance.line-search.bounded-refusal", Mutation::never_gives_up, "never_gives_up",
                         "expected 'refused: search failed'", 3);
}

TEST(LineSearchProperties, LatticeHoldsOnBuiltinSearches) {
  expect_builtin_searches_pass("conformance.line-search.lattice", 4);
}

TEST(LineSearchProperties, LatticeCatchesStepsOffTheLattice) {
  expect_mutation_caught("conformance.line-search.lattice", Mutation::off_lattice, "off_lattice",
                         "is not on", 4);
}

TEST(LineSearchProperties, MaximalHoldsOnBuiltinSearches) {
  expect_builtin_searches_pass("conformance.line-search.maximal", 4);
}

TEST(LineSearchProperties, MaximalCatchesNonMaximalSearch) {
  expect_mutation_caught("conformance.line-search.maximal", Mutation::non_maximal, "non_maximal",
                         "is not maximal", 4);
}

TEST(LineSearchProperties, NotApplicableWithoutDeclaration) {
  Subject s = backtracking_subject();
  s.declared.line_search.reset();
  for (const Property& p : line_search()) EXPECT_EQ(p.run(s, Case{}).status, Status::not_applicable) << p.id;
}

// ---- fixed-point subjects ----

std::unique_ptr<optim::Optimizer<double>> make_sgd(double lr) {
  optim::SgdOptions<double> o;
  o.lr = lr;
  return std::make_unique<optim::Sgd<double>>(o);
}

std::unique_ptr<optim::Optimizer<double>> make_heavy_ball(double lr, double momentum) {
  optim::HeavyBallOptions<double> o;
  o.lr = lr;
  o.momentum = momentum;
  return std::make_unique<optim::HeavyBall<double>>(o);
}

Subject sgd_subject(double lr, double safe_L) {
  Subject s;
  s.name = "sgd(lr=" + std::to_string(lr) + ")";
  s.make = [lr] { return make_sgd(lr); };
  s.make_with_step = make_sgd;
  s.declared.fixed_point = conformance::FixedPointDeclaration{safe_L};
  return s;
}

Subject heavy_ball_subject(double lr, double momentum, double safe_L) {
  Subject s;
  s.name = "heavy_ball";
  s.make = [lr, momentum] { return make_heavy_ball(lr, momentum); };
  s.make_with_step = [momentum](double h) { return make_heavy_ball(h, momentum); };
  s.declared.fixed_point = conformance::FixedPointDeclaration{safe_L};
  return s;
}

Subject inna_subject(double safe_L) {
  Subject s;
  s.name = "inna";
  s.make = [] {
    optim::InnaOptions<double> o;  // alpha = 1/2, beta = 1/10, lr = 1/10, constant step
    return std::make_unique<optim::Inna<double>>(o);
  };
  s.declared.fixed_point = conformance::FixedPointDeclaration{safe_L};
  return s;
}

// GD whose LAST coordinate moves along +g (gradient ascent there): at saddle_cos's saddles
// the unstable y-mode becomes contracting, so it stops at saddles.
class AscentInLastCoordinateGd : public optim::Optimizer<double> {
 public:
  explicit AscentInLastCoordinateGd(double lr) : lr_(lr) {}
  std::string name() const override { return "ascent_in_last_coordinate_gd"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  void reset() override {}
  optim::StepReport<double> step(optim::Oracle<double>& f, Vec& x) override {
    Vec g = f.gradient(x);
    g[g.size() - 1] = -g[g.size() - 1];
    x -= lr_ * g;
    optim::StepReport<double> r;
    r.step_size = lr_;
    return r;
  }

 private:
  double lr_;
};

Subject saddle_stopper_subject() {
  Subject s;
  s.name = "ascent_in_last_coordinate_gd";
  s.make = [] { return std::make_unique<AscentInLastCoordinateGd>(0.5); };
  s.declared.fixed_point = conformance::FixedPointDeclaration{1.5};
  return s;
}

const std::vector<Property>& fixed_point() {
  static const std::vector<Property> ps = conformance::fixed_point_properties();
  return ps;
}

TEST(FixedPointProperties, StableAtMinimaHoldsOnBuiltinRules) {
  const Property p = find(fixed_point(), "conformance.fixed-point.stable-at-minima");
  expect_all_pass(p, sgd_subject(0.5, 3.0), 3);              // step L = 1.5 < 2
  expect_all_pass(p, heavy_ball_subject(0.1, 0.5, 20.0), 3);  // step L = 2 < 2 (1 + momentum) = 3
  expect_all_pass(p, inna_subject(5.0), 3);
}

TEST(FixedPointProperties, StableAtMinimaCatchesStepBeyondTwoOverL) {
  // SGD with lr = 0.5 declared safe up to L = 6: step L = 3 > 2, spectral radius 2 at minima.
  const Property p = find(fixed_point(), "conformance.fixed-point.stable-at-minima");
  const std::string f = first_failure(p, sgd_subject(0.5, 6.0), 3);
  EXPECT_NE(f, "");
}

TEST(FixedPointProperties, UnstableAtSaddlesHoldsOnBuiltinRules) {
  const Property p = find(fixed_point(), "conformance.fixed-point.unstable-at-saddles");
  expect_all_pass(p, sgd_subject(0.5, 1.5), 3);
  expect_all_pass(p, heavy_ball_subject(0.1, 0.5, 5.0), 3);
  expect_all_pass(p, inna_subject(5.0), 3);
}

TEST(FixedPointProperties, UnstableAtSaddlesCatchesRuleThatStopsAtSaddles) {
  const Property p = find(fixed_point(), "conformance.fixed-point.unstable-at-saddles");
  expect_caught_with(p, saddle_stopper_subject(), 3, "no unstable mode");
}

TEST(FixedPointProperties, SaddleAvoidanceHoldsOnBuiltinRules) {
  const Property p = find(fixed_point(), "conformance.fixed-point.saddle-avoidance");
  expect_all_pass(p, sgd_subject(0.5, 1.5), 1);
  expect_all_pass(p, heavy_ball_subject(0.1, 0.5, 5.0), 1);
  expect_all_pass(p, inna_subject(5.0), 1);
}

TEST(FixedPointProperties, SaddleAvoidanceCatchesRuleThatStopsAtSaddles) {
  const Property p = find(fixed_point(), "conformance.fixed-point.saddle-avoidance");
  expect_caught_with(p, saddle_stopper_subject(), 1, "converged to a strict saddle");
}

// ---- stochastic subjects ----

Subject stochastic_sgd(double lr, std::size_t batch) {
  Subject s = sgd_subject(lr, 1.0);
  s.declared.fixed_point.reset();
  conformance::StochasticDeclaration d;
  d.batch_size = batch;
  d.step = lr;
  s.declared.stochastic = d;
  return s;
}

Subject stochastic_heavy_ball(double lr, double momentum) {
  Subject s = heavy_ball_subject(lr, momentum, 1.0);
  s.declared.fixed_point.reset();
  conformance::StochasticDeclaration d;
  d.batch_size = 2;
  d.step = lr;
  s.declared.stochastic = d;
  return s;
}

const std::vector<Property>& stochastic() {
  static const std::vector<Property> ps = conformance::stochastic_properties();
  return ps;
}

TEST(StochasticProperties, UnbiasedSamplingHoldsOnLibraryAndShuffledSamplers) {
  const Property p = find(stochastic(), "conformance.stochastic.unbiased-sampling");
  expect_all_pass(p, stochastic_sgd(0.1, 1), 2);
  expect_all_pass(p, stochastic_sgd(0.1, 4), 2);
  // A user sampler: reshuffle each epoch (without replacement), seeded.
  Subject s = stochastic_sgd(0.1, 3);
  s.declared.stochastic->draw_batch = [](std::size_t n, std::size_t b, std::uint64_t seed, std::uint64_t draw) {
    const std::size_t per_epoch = n / b;  // drop the last partial batch
    const std::uint64_t epoch = draw / per_epoch, pos = draw % per_epoch;
    std::vector<std::size_t> perm(n);
    for (std::size_t i = 0; i < n; ++i) perm[i] = i;
    optim::SplitMix64 rng(seed * 1000003ULL + epoch);
    for (std::size_t i = n - 1; i > 0; --i) std::swap(perm[i], perm[rng.below(i + 1)]);
    return std::vector<std::size_t>(perm.begin() + static_cast<long>(pos * b), perm.begin() + static_cast<long>((pos + 1) * b));
  };
  // n = 12 + seed mod 13 may not be a multiple of b: the dropped tail biases the frequency only
  // when n mod b != 0, so this subject uses seeds giving n mod 3 == 0 as well as others; it is
  // checked to pass where n is a multiple of 3 (a correct sampler) below.
  int checked = 0;
  for (const auto& r : run_cases(p, s, 6)) {
    const std::size_t n = std::max<std::size_t>(12 + r.first.seed % 13, 6);
    if (n % 3 != 0) continue;
    ++checked;
    EXPECT_EQ(r.second.status, Status::passed) << describe(r);
  }
  EXPECT_GT(checked, 0);
}

TEST(StochasticProperties, UnbiasedSamplingCatchesBiasedSampler) {
  const Property p = find(stochastic(), "conformance.stochastic.unbiased-sampling");
  Subject s = stochastic_sgd(0.1, 2);
  // Index i drawn with probability proportional to i + 1.
  s.declared.stochastic->draw_batch = [](std::size_t n, std::size_t b, std::uint64_t seed, std::uint64_t draw) {
    optim::SplitMix64 rng(seed ^ (draw * 0x9e3779b97f4a7c15ULL));
    std::vector<std::size_t> out;
    const double total = static_cast<double>(n * (n + 1) / 2);
    for (std::size_t k = 0; k < b; ++k) {
      double u = rng.uniform() * total;
      std::size_t i = 0;
      while (i + 1 < n && u >= static_cast<double>(i + 1)) {
        u -= static_cast<double>(i + 1);
        ++i;
      }
      out.push_back(i);
    }
    return out;
  };
  expect_caught_with(p, s, 2, "excludes 1/n");
}

TEST(StochasticProperties, PlateauVsStepHoldsOnSgdAndHeavyBall) {
  const Property p = find(stochastic(), "conformance.stochastic.plateau-vs-step");
  expect_all_pass(p, stochastic_sgd(0.2, 2), 2);
  expect_all_pass(p, stochastic_heavy_ball(0.1, 0.5), 1);
}

TEST(StochasticProperties, PlateauVsStepCatchesPlateauThatDoesNotShrink) {
  const Property p = find(stochastic(), "conformance.stochastic.plateau-vs-step");
  // make_with_step ignores the step: the plateau is the same at h and h/2 (ratio 1).
  Subject s = stochastic_sgd(0.2, 2);
  s.make_with_step = [](double) { return make_sgd(0.2); };
  expect_caught_with(p, s, 2, "not proportional");
}

// "SGD" whose gradient noise is scaled (g_full + k (g_B - g_full)): its plateau is still O(h)
// and on deterministic problems it IS gradient descent (so the plain-SGD probe identifies it),
// but its plateau is k^2 times SGD's.
class ScaledNoiseSgd : public optim::Optimizer<double> {
 public:
  ScaledNoiseSgd(double lr, double k) : lr_(lr), k_(k) {}
  std::string name() const override { return "scaled_noise_sgd"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  void reset() override {}
  optim::StepReport<double> step(optim::Oracle<double>& f, Vec& x) override {
    const Vec g = f.gradient(x);
    const Vec full = f.stochastic() ? f.full_gradient(x) : g;
    x -= lr_ * (full + k_ * (g - full));
    optim::StepReport<double> r;
    r.step_size = lr_;
    return r;
  }

 private:
  double lr_, k_;
};

TEST(StochasticProperties, PlateauVsStepCatchesSgdAboveTheoremBound) {
  // Noise doubled: plateau 4 x SGD's, above 003 Theorem 4.8's (4.19).
  Subject s = stochastic_sgd(0.2, 2);
  s.make_with_step = [](double h) { return std::make_unique<ScaledNoiseSgd>(h, 2.0); };
  const Property p = find(stochastic(), "conformance.stochastic.plateau-vs-step");
  expect_caught_with(p, s, 1, "above Theorem 4.8's bound");
}

TEST(StochasticProperties, PlateauVsStepCatchesSgdOffTheExactOracle) {
  // Noise x 1.3: plateau 1.69 x SGD's, still below (4.19)'s bound, but not the exact oracle's.
  Subject s = stochastic_sgd(0.2, 2);
  s.make_with_step = [](double h) { return std::make_unique<ScaledNoiseSgd>(h, 1.3); };
  const Property p = find(stochastic(), "conformance.stochastic.plateau-vs-step");
  expect_caught_with(p, s, 1, "differs from the exact oracle");
}

TEST(StochasticProperties, NotApplicableWithoutDeclaration) {
  Subject s = stochastic_sgd(0.2, 2);
  s.declared.stochastic.reset();
  for (const Property& p : stochastic()) EXPECT_EQ(p.run(s, Case{}).status, Status::not_applicable) << p.id;
  Subject t = stochastic_sgd(0.2, 2);
  t.make_with_step = nullptr;
  EXPECT_EQ(find(stochastic(), "conformance.stochastic.plateau-vs-step").run(t, Case{}).status, Status::not_applicable);
}

}  // namespace line_search_fixed_point_stochastic_test
