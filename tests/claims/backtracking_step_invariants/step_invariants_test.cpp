// Claims backtracking.{gd,inexact,two-way,mmt-nag}-step-invariants: each holds for the library's rule
// and the same check refutes a mutated rule; a RapidCheck property runs the check on random smooth
// problems, starts and dyadic (alpha, beta, delta0).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <fmt/core.h>

#include "analysis/numeric/exact_constant.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/gd_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/inexact_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/mmt_nag_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/two_way_step_invariants.hpp"

namespace ov::claims::bt_invariants {
namespace {

enum class Mode { plain_decrease, extra_shrink, above_cap, never_grow, long_direction };

// A lattice walk along d = scale * grad f with one defect.
class MutantWalk : public ProbedRule {
 public:
  MutantWalk(Mode m, const RuleParams& p, double top, double scale)
      : m_(m), top_(top), alpha_(constant<double>(p.alpha)), beta_(constant<double>(p.beta)), scale_(scale),
        prev_(top) {}
  std::string name() const override { return "mutant"; }
  std::optional<StepRecord> step(optim::Oracle<double>& f, DVec& x) override {
    DVec g;
    const double f0 = f.value_and_gradient(x, g);
    if (g.squaredNorm() == 0) return std::nullopt;
    const DVec d = scale_ * g;
    double s = m_ == Mode::above_cap ? top_ / beta_ : (m_ == Mode::never_grow ? prev_ : top_);
    for (int k = 0; k < 400; ++k, s *= beta_) {
      DVec y = x - s * d;
      const double fy = f.value(y);
      const bool ok = m_ == Mode::plain_decrease ? fy < f0 : fy - f0 <= -alpha_ * s * g.dot(d);
      if (!ok) continue;
      if (m_ == Mode::extra_shrink) {
        s *= beta_;
        y = x - s * d;
      }
      StepRecord r;
      r.z = x;
      r.z_next = y;
      r.sigma = s;
      if (scale_ != 1) r.w = d;
      x = y;
      prev_ = s;
      return r;
    }
    return std::nullopt;
  }

 private:
  Mode m_;
  double top_, alpha_, beta_, scale_, prev_;
};

ProbedRuleFactory mutant(Mode m, bool top_is_one = false, double scale = 1) {
  return [=](const RuleParams& p) -> std::unique_ptr<ProbedRule> {
    return std::make_unique<MutantWalk>(m, p, top_is_one ? 1.0 : constant<double>(p.delta0), scale);
  };
}

RunContext quick(std::uint64_t seed = 1) {
  RunContext c;
  c.seed = seed;
  c.quick = true;
  return c;
}

std::string invariant_of(const Finding& f) {
  return f.evidence.counterexample.is_object() ? f.evidence.counterexample["invariant"].get<std::string>() : "";
}

TEST(GdStepInvariants, HoldsForTheLibraryRule) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(gd_spec(), invariant_config(ctx, false), probe_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["steps_checked"].get<int>(), 200);
  EXPECT_GT(f.evidence.figures["maximality_checks"].get<int>(), 100);
  EXPECT_GT(f.evidence.figures["steps_on_exact_lattice"].get<int>(), 0);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(GdStepInvariants, MutantWithAnExtraShrinkFailsMaximality) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(gd_spec(), invariant_config(ctx, false), mutant(Mode::extra_shrink), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("maximality"), std::string::npos) << invariant_of(f);
}

TEST(GdStepInvariants, MutantWithPlainDecreaseFailsArmijo) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(gd_spec(), invariant_config(ctx, false), mutant(Mode::plain_decrease), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("Armijo"), std::string::npos) << invariant_of(f);
}

TEST(GdStepInvariants, MutantStartingAboveDelta0BreaksTheCap) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(gd_spec(), invariant_config(ctx, false), mutant(Mode::above_cap), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("cap"), std::string::npos) << invariant_of(f);
}

TEST(InexactStepInvariants, HoldsForTheLibraryRule) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(inexact_spec(), invariant_config(ctx, false), probe_inexact_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["direction_checks"].get<int>(), 200);
}

TEST(InexactStepInvariants, MutantDirectionTooLongFailsCondition4) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(inexact_spec(), invariant_config(ctx, false), mutant(Mode::plain_decrease, false, 3.0), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(InexactStepInvariants, MutantWithAnExtraShrinkFailsMaximality) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(inexact_spec(), invariant_config(ctx, false), mutant(Mode::extra_shrink, false, 1.5), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("maximality"), std::string::npos) << invariant_of(f);
}

TEST(TwoWayStepInvariants, HoldsForTheLibraryRuleAndDiffersFromBacktracking) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(two_way_spec(), invariant_config(ctx, false), probe_two_way_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["steps_differing_from_backtracking_gd"].get<int>(), 0);
}

TEST(TwoWayStepInvariants, GrowthByDivisionLeavesTheBinary64LatticeWithinRounding) {
  // beta = 21/32 is not a power of 2: beta^k is inexact for k >= 12, and the growth sigma / beta does not retrace
  // fl(beta sigma); the library's two-way steps then drift off the binary64 lattice (within rounding of delta0 beta^k).
  InvariantConfig cfg;
  cfg.problems = {"rosenbrock"};
  RuleParams p;
  p.delta0 = "1";
  p.alpha = "852/1024";
  p.beta = "42/64";
  cfg.params = {p};
  cfg.steps = 60;
  RunContext ctx;
  ctx.seed = 1;
  const Finding f = check_step_invariants(two_way_spec(), cfg, probe_two_way_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["steps_off_binary64_lattice_within_rounding"].get<int>(), 0) << f.evidence.figures.dump();
  EXPECT_LT(f.evidence.figures["max_relative_deviation_from_ideal_lattice"].get<double>(), 1e-14);
}

TEST(TwoWayStepInvariants, MutantThatNeverGrowsFailsOneStepMaximality) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(two_way_spec(), invariant_config(ctx, false), mutant(Mode::never_grow), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("maximality"), std::string::npos) << invariant_of(f);
}

TEST(TwoWayStepInvariants, MutantGrowingBeyondDelta0BreaksTheCap) {
  const auto ctx = quick();
  const Finding f = check_step_invariants(two_way_spec(), invariant_config(ctx, false), mutant(Mode::above_cap), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("cap"), std::string::npos) << invariant_of(f);
}

TEST(MmtNagStepInvariants, HoldsForTheLibraryRules) {
  const auto ctx = quick();
  const Finding f = check_mmt_nag(probe_backtracking_momentum(), probe_backtracking_nesterov(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["mmt_steps_checked"].get<int>(), 100);
  EXPECT_GT(f.evidence.figures["nag_steps_checked"].get<int>(), 100);
}

TEST(MmtNagStepInvariants, MutantStage2WithAnExtraShrinkIsRefuted) {
  const auto ctx = quick();
  // w = 1 * grad f satisfies (4)-(5); the extra shrink breaks maximality on the lattice {beta^k}.
  const Finding f = check_mmt_nag(mutant(Mode::extra_shrink, true, 1.0), probe_backtracking_nesterov(), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(MmtNagStepInvariants, MutantNagDirectionTooLongIsRefuted) {
  const auto ctx = quick();
  const Finding f = check_mmt_nag(probe_backtracking_momentum(), mutant(Mode::plain_decrease, true, 3.0), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(invariant_of(f).find("(4)-(5)"), std::string::npos) << invariant_of(f);
}

// Property: on a random smooth problem, start and dyadic (alpha, beta, delta0) in the paper's ranges, every
// invariant holds for each of the five library rules (MMT/NAG: delta0 in {1/2, 1, 2} within [A1, A2]).
RC_GTEST_PROP(StepInvariantsProperty, HoldForRandomProblemsAndParameters, ()) {
  const auto problems = invariant_problems(false);
  InvariantConfig cfg;
  cfg.problems = {problems[*rc::gen::inRange<std::size_t>(0, problems.size())]};
  const int which = *rc::gen::inRange(0, 5);  // GD, two-way, inexact, MMT, NAG
  RuleParams p;
  p.alpha = fmt::format("{}/1024", *rc::gen::inRange(1, 1024));
  p.beta = fmt::format("{}/64", *rc::gen::inRange(4, 64));
  p.gamma0 = fmt::format("{}/16", *rc::gen::inRange(1, 16));
  p.seed = *rc::gen::arbitrary<std::uint64_t>();
  const int j = which >= 3 ? *rc::gen::inRange(-1, 2) : *rc::gen::inRange(-6, 3);
  p.delta0 = j < 0 ? fmt::format("1/{}", 1 << -j) : fmt::format("{}", 1 << j);
  cfg.params = {p};
  cfg.steps = 15;
  RunContext ctx;
  ctx.seed = *rc::gen::inRange<std::uint64_t>(1, 1000000);
  Finding f;
  switch (which) {
    case 0: f = check_step_invariants(gd_spec(), cfg, probe_backtracking_gd(), ctx); break;
    case 1: f = check_step_invariants(two_way_spec(), cfg, probe_two_way_backtracking_gd(), ctx); break;
    case 2: f = check_step_invariants(inexact_spec(), cfg, probe_inexact_backtracking_gd(), ctx); break;
    case 3: f = check_step_invariants(mmt_nag_spec("MMT"), cfg, probe_backtracking_momentum(), ctx); break;
    default: f = check_step_invariants(mmt_nag_spec("NAG"), cfg, probe_backtracking_nesterov(), ctx); break;
  }
  RC_ASSERT(f.verdict != Verdict::refuted);
  RC_ASSERT(f.evidence.figures["double_violations_not_confirmed_exactly"].get<int>() >= 0);
}

}  // namespace
}  // namespace ov::claims::bt_invariants
