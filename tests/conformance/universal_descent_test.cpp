// The universal, descent, momentum and adaptive suites (docs/conformance-universal-descent.md):
// every property PASSES on correct built-in rules with proper declarations and FAILS on a
// mutated rule written here. Properties run on a few seeded cases (property.hpp
// seeded_cases), so every result is reproducible; one test runs the public macro
// OPTVERIFY_CONFORMANCE_SUITE (RapidCheck) on a correct heavy ball.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "optim/core/state_checkpoint.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/sgd.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/gtest_suite.hpp"
#include "proofs-checks/conformance/linear_rates.hpp"


namespace universal_descent_test {

using namespace ov;
using conformance::Case;
using conformance::Declarations;
using conformance::Outcome;
using conformance::Property;
using conformance::Status;
using conformance::Subject;
using Vec = optim::Vector<double>;
using Report = optim::StepReport<double>;

// ---------------------------------------------------------------------------------------
// Running properties on seeded cases.
Property prop(const std::string& id) {
  for (auto suite : {conformance::universal_properties, conformance::descent_properties,
                     conformance::momentum_properties, conformance::adaptive_properties}) {
    for (const auto& p : suite())
      if (p.id == id) return p;
  }
  throw std::invalid_argument("no property " + id);
}

struct Tally {
  int passed = 0, failed = 0, not_applicable = 0, undecided = 0;
  std::string first_failure, first_other;
};

// OPTVERIFY_TEST_CASES=N runs N cases per property instead of the default (a sweep for
// robustness); OPTVERIFY_TEST_VERBOSE=1 prints every outcome.
int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

Tally run_cases(const std::string& id, const Subject& s, int n, std::uint64_t seed = 2026) {
  const Property p = prop(id);
  Tally t;
  const int count = p.randomized ? env_int("OPTVERIFY_TEST_CASES", n) : 1;
  const bool verbose = env_int("OPTVERIFY_TEST_VERBOSE", 0) != 0;
  for (const Case& c : conformance::seeded_cases(seed, count, p.ranges)) {
    const Outcome o = p.run(s, c);
    const std::string line = conformance::to_json(c).dump() + ": " + o.detail;
    if (verbose) std::printf("    [%s] %s %s: %s\n", conformance::to_string(o.status), id.c_str(), s.name.c_str(), line.c_str());
    switch (o.status) {
      case Status::passed: ++t.passed; break;
      case Status::failed:
        ++t.failed;
        if (t.first_failure.empty()) t.first_failure = line;
        break;
      case Status::not_applicable: ++t.not_applicable; if (t.first_other.empty()) t.first_other = line; break;
      case Status::undecided: ++t.undecided; if (t.first_other.empty()) t.first_other = line; break;
    }
  }
  return t;
}

void expect_all_pass(const std::string& id, const Subject& s, int n) {
  const Tally t = run_cases(id, s, n);
  EXPECT_GT(t.passed, 0) << id << " on " << s.name << ": " << t.first_other;
  EXPECT_EQ(t.failed, 0) << id << " on " << s.name << ": " << t.first_failure;
  EXPECT_EQ(t.undecided + t.not_applicable, 0) << id << " on " << s.name << ": " << t.first_other;
}

void expect_caught(const std::string& id, const Subject& s, int n) {
  const Tally t = run_cases(id, s, n);
  EXPECT_GT(t.failed, 0) << id << " did not catch " << s.name << " (" << t.passed << " passed, " << t.undecided
                         << " undecided, " << t.not_applicable << " n/a): " << t.first_other;
  if (t.failed > 0) std::printf("  %s catches %s in %d/%d cases, e.g. %s\n", id.c_str(), s.name.c_str(), t.failed,
                                t.passed + t.failed + t.undecided + t.not_applicable,
                                t.first_failure.c_str());
}

// A subject whose factory builds Rule(args...) from copies of args.
template <class Rule, class... Args>
Subject subject(const std::string& name, Declarations d, Args... args) {
  Subject s;
  s.name = name;
  s.make = [args...]() -> std::unique_ptr<optim::Optimizer<double>> { return std::make_unique<Rule>(args...); };
  s.declared = std::move(d);
  s.origin = "tests/conformance/universal_descent_test.cpp";
  return s;
}

// ---------------------------------------------------------------------------------------
// Correct built-in rules with their declarations.
Declarations descent_decl(double step) {
  Declarations d;
  d.descent.emplace().step = step;
  return d;
}
Declarations momentum_decl(double step, double momentum) {
  Declarations d;
  d.momentum = conformance::MomentumDeclaration{step, momentum};
  return d;
}
Declarations adaptive_decl(double lr, double eps) {
  Declarations d;
  d.adaptive.emplace().lr = lr;
  d.adaptive->eps = eps;
  return d;
}

Subject sgd(double lr = 0.01) {
  optim::SgdOptions<double> o;
  o.lr = lr;
  return subject<optim::Sgd<double>>("sgd", descent_decl(lr), o);
}
Subject heavy_ball(double lr = 0.01, double momentum = 0.5) {
  optim::HeavyBallOptions<double> o;
  o.lr = lr;
  o.momentum = momentum;
  return subject<optim::HeavyBall<double>>("heavy_ball", momentum_decl(lr, momentum), o);
}
Subject adam(optim::AdamOptions<double> o = {}, const std::string& name = "adam") {
  return subject<optim::Adam<double>>(name, adaptive_decl(o.lr, o.eps), o);
}
Subject backtracking() { return subject<optim::BacktrackingGd<double>>("backtracking_gd", descent_decl(0)); }

// ---------------------------------------------------------------------------------------
// Mutated rules (each breaks one property; the test names the property that catches it).
bool refusable(const Vec& g, const Vec& x1) { return !g.allFinite() || !x1.allFinite(); }
Report taken(double lr) {
  Report r;
  r.step_size = lr;
  return r;
}
Report refused() { return Report::refuse(optim::StepStatus::refused_non_finite_gradient, "non-finite"); }

enum class SgdMutation { none, no_finite_check, moves_then_refuses, global_state, index_weighted, history, ascent, half_step, ignores_value };

class MutantSgd : public optim::Optimizer<double> {
 public:
  MutantSgd(double lr, SgdMutation m) : lr_(lr), m_(m) {}
  std::string name() const override { return "mutant_sgd"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  Report step(optim::Oracle<double>& f, Vec& x) override {
    const Vec g = f.gradient(x);
    Vec x1;
    switch (m_) {
      case SgdMutation::none: x1 = x - lr_ * g; break;
      case SgdMutation::no_finite_check: x -= lr_ * g; return taken(lr_);  // overflow reaches x
      case SgdMutation::moves_then_refuses:
        x -= lr_ * g;  // moves x, then refuses
        return refusable(g, x) ? refused() : taken(lr_);
      case SgdMutation::global_state: {
        static long calls = 0;  // hidden state shared by all instances
        x1 = x - lr_ * (1 + 1e-3 * static_cast<double>(calls++ % 7)) * g;
        break;
      }
      case SgdMutation::index_weighted:
        x1 = x;
        for (Eigen::Index i = 0; i < x.size(); ++i) x1[i] -= lr_ * (1 + 0.5 * static_cast<double>(i)) * g[i];
        break;
      case SgdMutation::history:
        history_.push_back(x);  // an unbounded history: memory grows every step
        x1 = x - lr_ * g;
        break;
      case SgdMutation::ascent: x1 = x + lr_ * g; break;
      case SgdMutation::half_step: x1 = x - 0.5 * lr_ * g; break;  // declares lr, uses lr / 2
      case SgdMutation::ignores_value: {
        const double fx = f.value(x);  // reads f (to report it) but never checks it is finite
        x1 = x - lr_ * g;
        if (refusable(g, x1)) return refused();
        x = x1;
        Report r = taken(lr_);
        r.value = fx;
        return r;
      }
    }
    if (refusable(g, x1)) return refused();
    x = x1;
    return taken(lr_);
  }
  void reset() override { history_.clear(); }

 private:
  double lr_;
  SgdMutation m_;
  std::vector<Vec> history_;
};

Subject mutant_sgd(const std::string& name, SgdMutation m, double lr = 0.01) {
  return subject<MutantSgd>(name, descent_decl(lr), lr, m);
}

// Heavy ball (004 (8)) written here, optionally checkpointable, with mutations.
enum class HeavyBallMutation { none, state_before_check, momentum_twice, checkpoint_drops_velocity };

class TestHeavyBall : public optim::Optimizer<double>, public optim::StateCheckpoint {
 public:
  TestHeavyBall(double lr, double momentum, HeavyBallMutation m) : lr_(lr), mom_(momentum), m_(m) {}
  std::string name() const override { return "test_heavy_ball"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  Report step(optim::Oracle<double>& f, Vec& x) override {
    const Vec g = f.gradient(x);
    if (d_.size() != x.size()) d_ = Vec::Zero(x.size());
    if (m_ == HeavyBallMutation::state_before_check) {
      d_ = mom_ * d_ - lr_ * g;  // the state moves before the finiteness check
      const Vec x1 = x + d_;
      if (refusable(g, x1)) return refused();
      x = x1;
      return taken(lr_);
    }
    const Vec d1 = mom_ * d_ - lr_ * g;
    // Momentum applied twice: the previous velocity is added to x once more.
    const Vec x1 = m_ == HeavyBallMutation::momentum_twice ? Vec(x + d1 + mom_ * d_) : Vec(x + d1);
    if (refusable(g, x1) || !d1.allFinite()) return refused();
    x = x1;
    d_ = d1;
    return taken(lr_);
  }
  void reset() override { d_.resize(0); }
  std::string save_state() const override {
    std::ostringstream out;
    if (m_ == HeavyBallMutation::checkpoint_drops_velocity) return "0";  // forgets the buffer
    out << d_.size();
    char buf[40];
    for (Eigen::Index i = 0; i < d_.size(); ++i) {
      std::snprintf(buf, sizeof buf, " %a", d_[i]);
      out << buf;
    }
    return out.str();
  }
  void load_state(const std::string& text) override {
    std::istringstream in(text);
    long n = -1;
    if (!(in >> n) || n < 0) throw std::invalid_argument("test_heavy_ball: state '" + text + "' lacks a size");
    Vec d(n);
    for (long i = 0; i < n; ++i) {
      std::string w;
      if (!(in >> w)) throw std::invalid_argument("test_heavy_ball: state has fewer than " + std::to_string(n) + " values");
      d[i] = std::strtod(w.c_str(), nullptr);
    }
    d_ = d;
  }

 private:
  double lr_, mom_;
  HeavyBallMutation m_;
  Vec d_;
};

Subject test_heavy_ball(const std::string& name, HeavyBallMutation m, double lr = 0.01, double momentum = 0.5) {
  return subject<TestHeavyBall>(name, momentum_decl(lr, momentum), lr, momentum, m);
}

// Adam (Kingma & Ba Alg. 1) written here, with mutations.
struct AdamMutation {
  int exponent_offset = 0;    // 1: bias correction 1 - beta^(t+1)
  bool sqrt_v = true;         // false: lr mhat / (vhat + eps), not scale invariant
  bool reset_counter = true;  // false: reset() keeps the step counter
};

class TestAdam : public optim::Optimizer<double> {
 public:
  TestAdam(double lr, AdamMutation m) : lr_(lr), m_(m) {}
  std::string name() const override { return "test_adam"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  Report step(optim::Oracle<double>& f, Vec& x) override {
    const Vec g = f.gradient(x);
    if (m1_.size() != x.size()) {
      m1_ = Vec::Zero(x.size());
      v_ = Vec::Zero(x.size());
    }
    const double t = static_cast<double>(k_ + 1 + m_.exponent_offset);
    const Vec m1 = b1_ * m1_ + (1 - b1_) * g;
    const Vec v1 = b2_ * v_ + (1 - b2_) * g.cwiseProduct(g);
    const Vec mhat = m1 / (1 - std::pow(b1_, t));
    const Vec vhat = v1 / (1 - std::pow(b2_, t));
    const Vec den = m_.sqrt_v ? Vec(vhat.cwiseSqrt().array() + eps_) : Vec(vhat.array() + eps_);
    const Vec x1 = x - lr_ * Vec(mhat.cwiseQuotient(den));
    if (refusable(g, x1)) return refused();
    x = x1;
    m1_ = m1;
    v_ = v1;
    ++k_;
    return taken(lr_);
  }
  void reset() override {
    m1_.resize(0);
    v_.resize(0);
    if (m_.reset_counter) k_ = 0;
  }

 private:
  double lr_, b1_ = 0.9, b2_ = 0.999, eps_ = 1e-8;
  AdamMutation m_;
  Vec m1_, v_;
  long k_ = 0;
};

Subject test_adam(const std::string& name, AdamMutation m, double lr = 1e-3) {
  return subject<TestAdam>(name, adaptive_decl(lr, 1e-8), lr, m);
}

constexpr int kCases = 8;

// ---------------------------------------------------------------------------------------
TEST(UniversalProperties, FiniteStates) {
  const std::string id = "conformance.universal.finite-states";
  for (const Subject& s : {sgd(), heavy_ball(), adam(), backtracking()}) expect_all_pass(id, s, kCases);
  expect_caught(id, mutant_sgd("sgd without finiteness check", SgdMutation::no_finite_check), kCases);
}

TEST(UniversalProperties, NonFiniteRefused) {
  const std::string id = "conformance.universal.non-finite-refused";
  for (const Subject& s : {sgd(), heavy_ball(), adam(), backtracking()}) expect_all_pass(id, s, kCases);
  expect_all_pass(id, test_heavy_ball("test_heavy_ball", HeavyBallMutation::none), kCases);
  expect_caught(id, mutant_sgd("sgd that moves x before refusing", SgdMutation::moves_then_refuses), kCases);
  expect_caught(id, mutant_sgd("sgd that reads f but ignores a non-finite value", SgdMutation::ignores_value), kCases);
  expect_caught(id, test_heavy_ball("heavy ball updating its velocity before the check",
                                    HeavyBallMutation::state_before_check), kCases);
}

TEST(UniversalProperties, Deterministic) {
  const std::string id = "conformance.universal.deterministic";
  for (const Subject& s : {sgd(), heavy_ball(), adam(), backtracking()}) expect_all_pass(id, s, kCases);
  expect_caught(id, mutant_sgd("sgd with hidden global state", SgdMutation::global_state), kCases);
}

TEST(UniversalProperties, CheckpointRoundTrip) {
  const std::string id = "conformance.universal.checkpoint-round-trip";
  expect_all_pass(id, test_heavy_ball("checkpointable heavy ball", HeavyBallMutation::none), kCases);
  expect_caught(id, test_heavy_ball("checkpoint that drops the velocity", HeavyBallMutation::checkpoint_drops_velocity),
                kCases);
  // Not implemented: not applicable (never a pass).
  const Tally t = run_cases(id, heavy_ball(), 2);
  EXPECT_GT(t.not_applicable, 0) << t.first_other;
  EXPECT_EQ(t.passed + t.failed + t.undecided, 0) << t.first_other;
  EXPECT_NE(t.first_other.find("does not implement optim::StateCheckpoint"), std::string::npos) << t.first_other;
}

TEST(UniversalProperties, ResetForgets) {
  const std::string id = "conformance.universal.reset-forgets";
  for (const Subject& s : {sgd(), heavy_ball(), adam(), backtracking()}) expect_all_pass(id, s, kCases);
  AdamMutation forgetful;
  forgetful.reset_counter = false;
  expect_caught(id, test_adam("adam whose reset keeps the step counter", forgetful), kCases);
}

TEST(UniversalProperties, PermutationEquivariant) {
  const std::string id = "conformance.universal.permutation-equivariant";
  for (const Subject& s : {sgd(), heavy_ball(), adam(), backtracking()}) expect_all_pass(id, s, kCases);
  // A correct rule with a reduction (one global second moment ||g||^2, summed in another
  // order on the permuted problem): equal within the rounding tolerance, not bitwise.
  optim::AdamOptions<double> global;
  global.second_moment = optim::AdamSecondMoment::global_norm;
  expect_all_pass(id, adam(global, "adam with a global second moment"), kCases);
  expect_caught(id, mutant_sgd("sgd weighting coordinates by index", SgdMutation::index_weighted), kCases);
}

TEST(UniversalProperties, NoAllocationGrowth) {
  const std::string id = "conformance.universal.no-allocation-growth";
  for (const Subject& s : {sgd(), heavy_ball(), adam(), backtracking()}) expect_all_pass(id, s, 1);
  expect_caught(id, mutant_sgd("sgd keeping an unbounded history", SgdMutation::history), 1);
}

TEST(DescentProperties, MonotoneDecrease) {
  const std::string id = "conformance.descent.monotone-decrease";
  expect_all_pass(id, sgd(), kCases);
  expect_all_pass(id, sgd(0.3), kCases);
  expect_all_pass(id, backtracking(), kCases);
  expect_caught(id, mutant_sgd("gradient ascent", SgdMutation::ascent), kCases);
  // A false declaration: SGD claimed monotone up to step * L < 4 (the true bound is 2).
  Subject loose = sgd();
  loose.name = "sgd declared stable up to step * L < 4";
  loose.declared.descent->stable_step_times_L = 4;
  expect_caught(id, loose, kCases);
}

TEST(DescentProperties, LinearRate) {
  const std::string id = "conformance.descent.linear-rate";
  expect_all_pass(id, sgd(), kCases);
  expect_all_pass(id, sgd(0.5), kCases);
  expect_all_pass(id, backtracking(), kCases);
  expect_caught(id, mutant_sgd("sgd using half its declared step", SgdMutation::half_step), kCases);
  expect_caught(id, mutant_sgd("gradient ascent", SgdMutation::ascent), kCases);
  // A false claim: the optimal rate (kappa - 1)/(kappa + 1) at any step.
  Subject boastful = sgd();
  boastful.name = "sgd claiming the optimal-step rate";
  boastful.declared.descent->claimed_rate = [](double mu, double L) { return (L - mu) / (L + mu); };
  expect_caught(id, boastful, kCases);
}

TEST(MomentumProperties, HeavyBallRadiusMatchesPolyak) {
  // Polyak (1964): eta = 4/(sqrt L + sqrt mu)^2, alpha = ((sqrt L - sqrt mu)/(sqrt L + sqrt mu))^2
  // give the rate (sqrt kappa - 1)/(sqrt kappa + 1) at mu and at L.
  for (double kappa : {4.0, 100.0, 1e4}) {
    const double L = 1, mu = 1 / kappa, sl = std::sqrt(L), sm = std::sqrt(mu);
    const double eta = 4 / ((sl + sm) * (sl + sm)), alpha = std::pow((sl - sm) / (sl + sm), 2);
    const double expected = (std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1);
    for (double lambda : {mu, L, std::sqrt(mu * L)})
      EXPECT_NEAR(conformance::heavy_ball_radius(eta, alpha, lambda), expected,
                  1e-6)
          << "kappa " << kappa << " lambda " << lambda;
  }
  // Momentum 0: the GD rate |1 - eta lambda|.
  EXPECT_NEAR(conformance::heavy_ball_radius(0.1, 0, 3), 0.7, 1e-15);
  EXPECT_NEAR(conformance::heavy_ball_radius(0.1, 0, 15), 0.5, 1e-15);
}

TEST(MomentumProperties, LinearRate) {
  const std::string id = "conformance.momentum.linear-rate";
  expect_all_pass(id, heavy_ball(), kCases);
  expect_all_pass(id, heavy_ball(0.1, 0.9), kCases);
  expect_all_pass(id, heavy_ball(0.001, 0.99), kCases);
  expect_all_pass(id, test_heavy_ball("test_heavy_ball", HeavyBallMutation::none, 0.05, 0.7), kCases);
  expect_caught(id, test_heavy_ball("momentum applied twice", HeavyBallMutation::momentum_twice), kCases);
  expect_caught(id, test_heavy_ball("momentum applied twice (0.05, 0.7)", HeavyBallMutation::momentum_twice, 0.05, 0.7),
                kCases);
}

TEST(AdaptiveProperties, FirstStepMagnitude) {
  const std::string id = "conformance.adaptive.first-step-magnitude";
  expect_all_pass(id, adam(), kCases);
  optim::AdamOptions<double> inside;
  inside.epsilon_placement = optim::EpsilonPlacement::inside_sqrt;
  expect_all_pass(id, adam(inside, "adam eps inside sqrt"), kCases);
  expect_all_pass(id, test_adam("test_adam", {}), kCases);
  AdamMutation wrong_exponent;
  wrong_exponent.exponent_offset = 1;
  expect_caught(id, test_adam("adam with bias correction 1 - beta^(t+1)", wrong_exponent), kCases);
  expect_caught(id, adam(optim::AdamOptions<double>::survey_004_as_printed(), "adam as printed in 004"), kCases);
}

TEST(AdaptiveProperties, ScaleInvariance) {
  const std::string id = "conformance.adaptive.scale-invariance";
  expect_all_pass(id, adam(), kCases);
  expect_all_pass(id, test_adam("test_adam", {}), kCases);
  AdamMutation no_sqrt;
  no_sqrt.sqrt_v = false;
  expect_caught(id, test_adam("adam without the square root", no_sqrt), kCases);
  Subject sgd_as_adaptive = sgd(1e-3);
  sgd_as_adaptive.name = "sgd declared adaptive";
  sgd_as_adaptive.declared = adaptive_decl(1e-3, 1e-8);
  expect_caught(id, sgd_as_adaptive, kCases);
}

// The public macro on a correct rule: a checkpointable heavy ball, so that every property of
// the universal and momentum suites applies (RapidCheck's default 100 cases each).
Subject macro_heavy_ball() {
  return test_heavy_ball("test_heavy_ball (macro)", HeavyBallMutation::none, 0.02, 0.6);
}

}  // namespace universal_descent_test

OPTVERIFY_CONFORMANCE_SUITE(MomentumHeavyBallConformance, universal_descent_test::macro_heavy_ball);
