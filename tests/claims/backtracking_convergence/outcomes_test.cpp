// Claims backtracking.theorem-2-1-outcomes, backtracking.theorem-2-7-inexact-outcomes,
// backtracking.theorem-2-11-momentum-outcomes, backtracking.example-2-9-nonsmooth-abs: each holds on the
// library's rule(s) and is refuted on a broken rule or a false variant of its statement.
#include <gtest/gtest.h>

#include <cmath>

#include "optim/line_search/armijo_backtracking.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/sgd.hpp"
#include "proofs-checks/claims/backtracking_convergence/example_2_8_cost_sequence.hpp"
#include "proofs-checks/claims/backtracking_convergence/example_2_9_abs.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_11_momentum.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_7_inexact.hpp"

namespace ov::claims::btconv {
namespace {

RunContext quick_ctx(std::uint64_t seed = 1) {
  RunContext ctx;
  ctx.seed = seed;
  ctx.quick = true;
  return ctx;
}

// Standard GD with a fixed step (000 (2)): no sufficient decrease.
NamedRule standard_gd(double lr) {
  return {"standard_gd (mutant)", [lr](std::uint64_t) {
            optim::SgdOptions<double> o;
            o.lr = lr;
            return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::Sgd<double>>(o));
          }};
}

// Inexact backtracking WITHOUT the check of (4): v_n = g / (n + 1)^2, so ||v_n|| < A1 ||g|| eventually
// and sum ||z_{n+1} - z_n|| < infinity: the orbit stops at a non-critical point (Remark 2.6's mechanism).
class ShrinkingDirectionBacktracking : public optim::Optimizer<double> {
 public:
  std::string name() const override { return "shrinking_direction_backtracking (mutant)"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    optim::Vector<double> g;
    const double f0 = f.value_and_gradient(x, g);
    optim::StepReport<double> rep;
    if (g.squaredNorm() == 0) {
      rep.status = optim::StepStatus::stationary;
      return rep;
    }
    const double k = static_cast<double>(n_ + 1);
    const optim::Vector<double> v = g / (k * k);  // VIOLATES (4) A1 ||g|| <= ||v|| for n >= 1
    double sigma = 1;
    for (int t = 0; t < 200; ++t, sigma *= 0.5) {
      const optim::Vector<double> y = x - sigma * v;
      if (f.value(y) - f0 <= -0.5 * sigma * g.dot(v)) {
        x = y;
        ++n_;
        rep.step_size = sigma;
        return rep;
      }
    }
    return optim::StepReport<double>::refuse(optim::StepStatus::refused_search_failed, "no step");
  }
  void reset() override { n_ = 0; }

 private:
  long n_ = 0;
};

TEST(Theorem21Outcomes, HoldsForBacktrackingGd) {
  const Finding f = check_theorem_2_1({library_backtracking_gd_rule()}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << "\n" << f.evidence.figures.dump();
  const auto& fig = f.evidence.figures;
  EXPECT_EQ(fig["other"].get<int>(), 0);
  EXPECT_GT(fig["converged"].get<int>(), 0);
  // e^t (no critical point, L119): every run diverges.
  EXPECT_GT(fig["no_critical_point_runs"].get<int>(), 0);
  EXPECT_EQ(fig["no_critical_point_runs_diverged"].get<int>(), fig["no_critical_point_runs"].get<int>());
  // ring (part 3): every bounded orbit ends on the circle of minima.
  EXPECT_GT(fig["ring_bounded_runs"].get<int>(), 0);
  EXPECT_EQ(fig["ring_limits_on_unit_circle"].get<int>(), fig["ring_bounded_runs"].get<int>());
  EXPECT_LE(fig["max_grad_norm_at_converged_limits_mp50"].get<double>(), 1e-6);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(Theorem21Outcomes, IsReproducibleFromTheSeed) {
  const Finding a = check_theorem_2_1({library_backtracking_gd_rule()}, quick_ctx(4));
  const Finding b = check_theorem_2_1({library_backtracking_gd_rule()}, quick_ctx(4));
  EXPECT_EQ(a.evidence.figures, b.evidence.figures);
}

TEST(Theorem21Outcomes, StandardGdCyclingOnSmoothedAbsIsRefuted) {
  // Example 2.15: Standard GD with delta = 1/2 on the Huber |x| (eps = 1/10) ends on a 2-cycle.
  OutcomeStudy s;
  s.targets = {library_target("smoothed_abs")};
  s.rules = {standard_gd(0.5)};
  s.starts = 4;
  s.options.max_steps = 2000;
  const Finding f = check_outcomes(s, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_EQ(f.evidence.counterexample["outcome"], "other");
  EXPECT_EQ(f.evidence.counterexample["kind"], "non-vanishing steps");
  // The same check refutes it through the whole claim too.
  EXPECT_EQ(check_theorem_2_1({standard_gd(0.5)}, quick_ctx()).verdict, Verdict::refuted);
}

TEST(Theorem21Outcomes, FalseStatementAllOrbitsConvergeIsRefutedOnExp) {
  OutcomeStudy s;
  s.targets = {library_target("exp")};
  s.rules = {library_backtracking_gd_rule()};
  s.starts = 3;
  s.allowed = {Outcome::converged};
  s.statement_label = "every orbit converges (false variant)";
  const Finding f = check_outcomes(s, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["outcome"], "diverged");
  EXPECT_EQ(f.evidence.counterexample["target"], "exp");
}

TEST(Theorem27Inexact, ConstructedDirectionsSatisfyConditions4And5) {
  const auto policy = rotated_scaled_direction(0.5, 2, 0.5, 17);
  optim::Vector<double> g(3);
  g << 1.0, -2.0, 0.5;
  for (int n = 0; n < 200; ++n) {
    const optim::Vector<double> v = policy(g, g, n);
    const double gn = std::sqrt(g.squaredNorm()), vn = std::sqrt(v.squaredNorm());
    EXPECT_GE(vn, 0.5 * gn);
    EXPECT_LE(vn, 2 * gn);
    EXPECT_GE(g.dot(v), 0.5 * gn * vn);
    EXPECT_LT(g.dot(v), 0.9999 * gn * vn + 1) << "not always parallel";
  }
}

TEST(Theorem27Inexact, HoldsForInexactBacktrackingGd) {
  const Finding f = check_theorem_2_7({library_inexact_rule()}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << "\n" << f.evidence.figures.dump();
  EXPECT_EQ(f.evidence.figures["other"].get<int>(), 0);
  EXPECT_EQ(f.evidence.figures["no_critical_point_runs_diverged"].get<int>(),
            f.evidence.figures["no_critical_point_runs"].get<int>());
}

TEST(Theorem27Inexact, DirectionsViolatingCondition4AreRefuted) {
  const NamedRule mutant{"shrinking directions (mutant)", [](std::uint64_t) {
                           return std::unique_ptr<optim::Optimizer<double>>(
                               std::make_unique<ShrinkingDirectionBacktracking>());
                         }};
  const Finding f = check_theorem_2_7({mutant}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["kind"], "stalled");
}

TEST(Theorem211Momentum, HoldsForBacktrackingMomentumAndNesterov) {
  const Finding f = check_theorem_2_11(library_backtracking_momentum_rules(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << "\n" << f.evidence.figures.dump();
  EXPECT_EQ(f.evidence.figures["other"].get<int>(), 0);
}

TEST(Theorem211Momentum, StandardMomentumWithAFixedStepIsRefuted) {
  const NamedRule mutant{"standard momentum lr=1/2, gamma=1/2 (mutant)", [](std::uint64_t) {
                           return std::unique_ptr<optim::Optimizer<double>>(
                               std::make_unique<optim::Momentum<double>>(0.5, 0.5));
                         }};
  const Finding f = check_theorem_2_11({mutant}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["outcome"], "other");
}

TEST(Example28CostSequence, HoldsForAVanishingOscillation) {
  const Finding f = check_example_2_8(cost_sequence_rule(vanishing_oscillation()), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << "\n" << f.evidence.figures.dump();
  EXPECT_EQ(f.evidence.figures["other"].get<int>(), 0);
  EXPECT_EQ(f.evidence.figures["ring_limits_on_unit_circle"].get<int>(), f.evidence.figures["ring_bounded_runs"].get<int>());
}

TEST(Example28CostSequence, ANonVanishingTiltIsRefuted) {
  // False hypothesis: f_n = f + <c, x> does not converge to f; the orbit settles at a critical point of
  // f + <c, x>, where grad f = -c != 0 (the run stalls or its f_n search is exhausted there).
  Perturbation tilt;
  tilt.name = "<c, x>, c = (1/5, ..., 1/5) (mutant)";
  tilt.value = [](const optim::Vector<double>& x, long) { return 0.2 * x.sum(); };
  tilt.gradient = [](const optim::Vector<double>& x, long) {
    return optim::Vector<double>(optim::Vector<double>::Constant(x.size(), 0.2));
  };
  const Finding f = check_example_2_8(cost_sequence_rule(tilt), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["outcome"], "other");
  EXPECT_GE(f.evidence.counterexample["grad_norm_mp50"].get<double>(), 0.1);  // ||grad f|| = ||c|| at the end
}

TEST(Example29Abs, HoldsForBacktrackingGdOnAbs) {
  const Finding f = check_example_2_9(library_backtracking_gd_rule(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << "\n" << f.evidence.figures.dump();
  EXPECT_EQ(f.evidence.figures["converged"].get<int>(), f.evidence.figures["runs"].get<int>());
}

TEST(Example29Abs, StandardGdCyclesOnAbsAndIsRefuted) {
  const Finding f = check_example_2_9(standard_gd(0.5), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["kind"], "non-vanishing steps");
}

}  // namespace
}  // namespace ov::claims::btconv

