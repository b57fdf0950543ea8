// Claim backtracking.armijo-every-step: holds for the library's Backtracking GD, and the same
// check refutes a rule whose acceptance test is mutated.
#include <gtest/gtest.h>

#include "optim/core/reductions.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "proofs-checks/claims/backtracking_armijo.hpp"

namespace ov::claims::backtracking {
namespace {

// Mutant: the lattice walk of Backtracking GD with the sufficient-decrease test replaced
// by a plain decrease test f(z - sigma g) < f(z). With beta = 1/2 and alpha = 1/2 there is,
// near a quadratic model, a lattice point in [g'g / g'Hg, 2 g'g / g'Hg), accepted by the
// mutant and violating (7): the check must find it.
class PlainDecreaseGd : public optim::Optimizer<double> {
 public:
  PlainDecreaseGd(double delta0, double beta) : delta0_(delta0), beta_(beta) {}
  std::string name() const override { return "plain_decrease_gd (mutant)"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    optim::Vector<double> g;
    const double f0 = f.value_and_gradient(x, g);
    optim::StepReport<double> rep;
    if (optim::squared_norm(g) == 0) {
      rep.status = optim::StepStatus::stationary;
      return rep;
    }
    double sigma = delta0_;
    for (int k = 0; k < 100; ++k, sigma *= beta_) {
      const optim::Vector<double> y = x - sigma * g;
      if (f.value(y) < f0) {  // MUTATED: no "- alpha sigma ||g||^2"
        x = y;
        rep.step_size = sigma;
        return rep;
      }
    }
    return optim::StepReport<double>::refuse(optim::StepStatus::refused_search_failed, "no decrease");
  }
  void reset() override {}

 private:
  double delta0_, beta_;
};

TEST(ArmijoEveryStep, HoldsForTheLibraryRule) {
  RunContext ctx;
  ctx.seed = 3;
  ctx.quick = true;
  const Finding f = check_armijo_every_step(armijo_configs(true), library_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["steps_checked"].get<int>(), 100);
  EXPECT_TRUE(f.evidence.counterexample.is_null());
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(ArmijoEveryStep, StyblinskiTangNeedsEscalationAndRecordsIt) {
  // f* = -78.33 (2-D): near the minimiser the decrease alpha delta ||g||^2 falls below
  // 64 eps |f|, so double cannot decide and the ladder must go up (and say so).
  ArmijoCheckConfig cfg;
  cfg.problems = {"styblinski_tang"};
  cfg.starts = 1;
  cfg.steps = 80;
  RunContext ctx;
  ctx.seed = 5;
  const Finding f = check_armijo_every_step({cfg}, library_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  ASSERT_FALSE(f.escalations.empty()) << f.evidence.figures.dump();
  EXPECT_EQ(f.escalations.front().precision, "mp50");
  EXPECT_NE(f.escalations.front().reason.find("margin"), std::string::npos);
  EXPECT_NE(f.precision, "double");
  EXPECT_GT(f.evidence.figures["decided_by_mp50"].get<int>() + f.evidence.figures["decided_by_mp100"].get<int>() +
                f.evidence.figures["decided_by_interval"].get<int>() +
                f.evidence.figures["decided_by_rational"].get<int>(),
            0);
}

TEST(ArmijoEveryStep, AFloatingPointAcceptanceIsRecordedNotARefutation) {
  // Seed 1, full search: on three_hump_camel one step is accepted by the double test although
  // the exact slack at the binary64 (z_n, delta_n) is about +1.2e-16, far below the double
  // margin; mp50 decides its sign. The check must keep it as evidence, not refute (7).
  RunContext ctx;
  ctx.seed = 1;
  const Finding f = check_armijo_every_step(armijo_configs(false), library_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["accepted_within_double_rounding"].get<int>(), 1);
  EXPECT_NE(f.evidence.figures["first_accepted_within_double_rounding"].get<std::string>().find("three_hump_camel"),
            std::string::npos);
}

TEST(ArmijoEveryStep, MutantWithPlainDecreaseTestIsRefuted) {
  RunContext ctx;
  ctx.seed = 3;
  ctx.quick = true;
  const RuleFactory mutant = [](double delta0, double, double beta) {
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<PlainDecreaseGd>(delta0, beta));
  };
  const Finding f = check_armijo_every_step(armijo_configs(true), mutant, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_TRUE(f.evidence.counterexample.contains("z_n"));
  EXPECT_TRUE(f.evidence.counterexample.contains("delta_n"));
}

TEST(ArmijoEveryStep, MutantIsRefutedReproduciblyWithTheSameSeed) {
  RunContext ctx;
  ctx.seed = 9;
  ctx.quick = true;
  const RuleFactory mutant = [](double delta0, double, double beta) {
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<PlainDecreaseGd>(delta0, beta));
  };
  const Finding a = check_armijo_every_step(armijo_configs(true), mutant, ctx);
  const Finding b = check_armijo_every_step(armijo_configs(true), mutant, ctx);
  EXPECT_EQ(a.evidence.counterexample, b.evidence.counterexample);
}

}  // namespace
}  // namespace ov::claims::backtracking
