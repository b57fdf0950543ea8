// Claims backtracking.mexican-hat-discrete-methods-converge and backtracking.mexican-hat-flow-curve-escape:
// measured on the library's rules, and refuted for broken rules (one that reverts every other step: an exact
// 2-cycle; one that projects its iterate back onto the curve theta(1 - r^2) = 1).
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_convergence.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_curve.hpp"

namespace ov::claims {
namespace {

using mexican_hat_convergence::Method;

// Wraps a rule and, on odd steps, returns to the previous iterate (a "revert" bug): an exact 2-cycle.
class RevertingRule : public optim::Optimizer<double> {
 public:
  explicit RevertingRule(step_heuristics::RulePtr inner) : inner_(std::move(inner)) {}
  std::string name() const override { return "reverting (mutant)"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    if (n_++ % 2 == 1) {
      x = previous_;
      optim::StepReport<double> rep;
      rep.step_size = 0.0;
      return rep;
    }
    previous_ = x;
    return inner_->step(f, x);
  }
  void reset() override {}

 private:
  step_heuristics::RulePtr inner_;
  optim::Vector<double> previous_;
  int n_ = 0;
};

// Wraps a rule and puts the new iterate back on the curve theta = 1/(1 - r^2) at the same radius.
class CurveProjectingRule : public optim::Optimizer<double> {
 public:
  explicit CurveProjectingRule(step_heuristics::RulePtr inner) : inner_(std::move(inner)) {}
  std::string name() const override { return "curve_projecting (mutant)"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    auto rep = inner_->step(f, x);
    const double r = x.norm();
    if (r < 1) {
      const double c = 1 / (1 - r * r);
      x << r * std::cos(c), r * std::sin(c);
    }
    return rep;
  }
  void reset() override {}

 private:
  step_heuristics::RulePtr inner_;
};

TEST(MexicanHatConvergence, MeasuredOnTheLibraryRules) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = mexican_hat_convergence::check_mexican_hat_convergence(
      mexican_hat_convergence::hat_config(true), mexican_hat_convergence::library_methods(), ctx);
  std::cerr << f.evidence.summary << "\n";
  // Large steps leave the disc into the flat region at once (certified convergence); small steps follow the
  // spiral valley and are still moving at the horizon: undecided, so the verdict is inconclusive.
  EXPECT_EQ(f.verdict, Verdict::inconclusive) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["converged_flat_region"].get<int>(), 0);
  EXPECT_GT(f.evidence.figures["undecided_moving"].get<int>() + f.evidence.figures["undecided_frozen_in_double"].get<int>(), 0);
  EXPECT_EQ(f.evidence.figures["cycles"].get<int>(), 0);
  EXPECT_EQ(f.precision, "mp50");
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(MexicanHatConvergence, ARuleThatRevertsItsStepsIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const auto lib = mexican_hat_convergence::library_methods();
  const mexican_hat_convergence::MethodFactory mutant = [lib](const Method& m) {
    return step_heuristics::RulePtr(std::make_unique<RevertingRule>(lib(m)));
  };
  const Finding f = mexican_hat_convergence::check_mexican_hat_convergence(mexican_hat_convergence::hat_config(true),
                                                                           mutant, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_EQ(f.evidence.counterexample["period"].get<int>(), 2);
}

TEST(MexicanHatCurve, HoldsForTheLibraryRules) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = mexican_hat_curve::check_curve_escape(mexican_hat_curve::curve_config(true),
                                                          mexican_hat_convergence::library_methods(), ctx);
  std::cerr << f.evidence.summary << "\n";
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["first_steps_off_curve"].get<int>(), f.evidence.figures["first_steps_checked"].get<int>());
  EXPECT_EQ(f.evidence.figures["invariance_consistent"].get<int>(), f.evidence.figures["invariance_points"].get<int>());
}

TEST(MexicanHatCurve, ARuleThatStaysOnTheCurveIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const auto lib = mexican_hat_convergence::library_methods();
  const mexican_hat_convergence::MethodFactory mutant = [lib](const Method& m) {
    return step_heuristics::RulePtr(std::make_unique<CurveProjectingRule>(lib(m)));
  };
  auto cfg = mexican_hat_curve::curve_config(true);
  cfg.methods = {{"standard_gd", "1/10"}};  // a small step: the projected iterate stays in the disc
  const Finding f = mexican_hat_curve::check_curve_escape(cfg, mutant, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_EQ(f.evidence.counterexample["part"].get<std::string>(), "escape");
}

}  // namespace
}  // namespace ov::claims
