// Claim backtracking.heuristic-step-tail-finite: holds for the library's Backtracking GD, and the same
// check refutes a rule with an off-by-one lattice walk (it returns beta times the Armijo step).
#include <gtest/gtest.h>

#include <iostream>

#include "optim/core/reductions.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/step_tail.hpp"

namespace ov::claims::step_tail {
namespace {

// Mutant: Backtracking GD whose search takes one halving too many (delta0 beta^(k+1) instead of
// the largest Armijo lattice point): a plausible loop bug; it still decreases f.
class OffByOneBacktracking : public optim::Optimizer<double> {
 public:
  OffByOneBacktracking(double d0, double a, double b) : inner_(d0, a, b), beta_(b) {}
  std::string name() const override { return "off_by_one_backtracking (mutant)"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    const optim::Vector<double> before = x;
    auto rep = inner_.step(f, x);
    if (rep.refused() || rep.status == optim::StepStatus::stationary || !rep.step_size) return rep;
    const double s = *rep.step_size * beta_;
    x = before - s * f.gradient(before);
    rep.step_size = s;
    return rep;
  }
  void reset() override {}

 private:
  optim::BacktrackingGd<double> inner_;
  double beta_;
};

TEST(StepTail, HoldsForTheLibraryRule) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_step_tail(tail_configs(true), step_heuristics::library_backtracking_gd(),
                                    step_heuristics::library_standard_gd(), ctx);
  std::cerr << f.evidence.summary << "\n";
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["runs_with_tail"].get<int>(), 5);
  EXPECT_GT(f.evidence.figures["tail_steps"].get<int>(), 10);
  EXPECT_EQ(f.evidence.figures["standard_gd_converged"].get<int>(), f.evidence.figures["runs_with_tail"].get<int>());
  EXPECT_GE(f.evidence.series.size(), 3u);
}

TEST(StepTail, OffByOneLatticeWalkIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const step_heuristics::BacktrackingFactory mutant = [](double d0, double a, double b) -> step_heuristics::RulePtr {
    return std::make_unique<OffByOneBacktracking>(d0, a, b);
  };
  const Finding f = check_step_tail(tail_configs(true), mutant, step_heuristics::library_standard_gd(), ctx);
  std::cerr << f.evidence.summary << "\n";
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_TRUE(f.evidence.counterexample.contains("delta_n"));
}

}  // namespace
}  // namespace ov::claims::step_tail
