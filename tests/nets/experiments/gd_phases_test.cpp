// The GD phases of 003 §5.1 (L989) on f(x) = x^2, where every step is computed by hand.
#include <gtest/gtest.h>

#include <stdexcept>

#include "nets/experiments/gd_phases.hpp"

namespace ex = ov::nets::experiments;
using ov::optim::Vector;

namespace {
struct Square : ov::optim::Objective<double> {
  int dim() const override { return 1; }
  double value(const Vector<double>& x) const override { return x[0] * x[0]; }
  Vector<double> gradient(const Vector<double>& x) const override { return Vector<double>::Constant(1, 2 * x[0]); }
};
Vector<double> one() { return Vector<double>::Constant(1, 1.0); }
}  // namespace

// lr = 1 on x^2: x -> -x, the cost stays 1 (no descent). Phase 1: 10 steps. Phase 2 (fresh
// counters): step 11 sets the best, steps 12..61 are 50 steps without descent, so after
// step 61 lr = 1/2; step 62 (lr 1/2) maps x = +-1 to 0 exactly; step 63 has gradient 0:
// stationary, stop. Halving once; lr 1 through step 61.
TEST(GdPhases, HalvesAfterFiftyStepsWithoutDescent) {
  ex::GdPhaseOptions o;
  o.lr = 1;
  o.phase1_steps = 10;
  o.phase2_steps = 1000;
  o.stop_patience = 100;
  o.record_trace = true;
  const auto r = ex::run_gd_phases(Square{}, one(), o);
  EXPECT_EQ(r.halvings, 1);
  EXPECT_EQ(r.stop_reason, "stationary");
  EXPECT_EQ(r.steps, 63);
  EXPECT_EQ(r.phase1_steps, 10);
  ASSERT_EQ(r.lrs.size(), 63u);
  EXPECT_EQ(r.lrs[60], 1.0);  // step 61
  EXPECT_EQ(r.lrs[61], 0.5);  // step 62
  EXPECT_EQ(r.costs[61], 1.0);
  EXPECT_EQ(r.costs[62], 0.0);
  EXPECT_EQ(r.final_cost, 0.0);
  // A broken variant halving after 49 steps, or in phase 1 too, would change steps/halvings:
  o.halving_patience = 49;
  EXPECT_EQ(ex::run_gd_phases(Square{}, one(), o).steps, 62);
}

// lr = 0.1: x_k = 0.8^(k-1), c_k = 0.64^(k-1). With min_delta 1e-3 the improvements over
// the best exceed 1e-3 up to step 15; step 16 improves by 6.96e-4 (wait 1); step 17 by
// 1.14e-3 over c_15 (new best, wait 0); from step 18 on the total remaining improvement
// 0.64^16 = 7.9e-4 < 1e-3, so the wait grows 1, 2, ...: with patience 5 the run stops after
// step 22. No halving in phase 1.
TEST(GdPhases, StopsAfterPatienceStepsOfSmallImprovement) {
  ex::GdPhaseOptions o;
  o.lr = 0.1;
  o.phase1_steps = 1000;
  o.phase2_steps = 1000;
  o.stop_patience = 5;
  o.stop_min_delta = 1e-3;
  const auto r = ex::run_gd_phases(Square{}, one(), o);
  EXPECT_EQ(r.stop_reason, "patience");
  EXPECT_EQ(r.steps, 22);
  EXPECT_EQ(r.halvings, 0);
  EXPECT_NEAR(r.final_cost, std::pow(0.64, 22), 1e-15);
  // A broken variant comparing with the previous cost instead of the best would never reset at
  // step 17 and would stop at step 20: caught by the exact count above.
}

TEST(GdPhases, StopsAtTheStepBudgetAndRejectsBadOptions) {
  ex::GdPhaseOptions o;
  o.lr = 0.01;
  o.phase1_steps = 10;
  o.phase2_steps = 20;
  o.stop_min_delta = 0;
  const auto r = ex::run_gd_phases(Square{}, one(), o);
  EXPECT_EQ(r.stop_reason, "max_steps");
  EXPECT_EQ(r.steps, 30);
  EXPECT_NEAR(r.final_cost, std::pow(0.98, 60), 1e-14);
  o.lr = -1;
  try {
    ex::run_gd_phases(Square{}, one(), o);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("lr"), std::string::npos);
  }
  o.lr = 0.1;
  o.stop_patience = 0;
  EXPECT_THROW(ex::run_gd_phases(Square{}, one(), o), std::invalid_argument);
  o.stop_patience = 1;
  EXPECT_THROW(ex::run_gd_phases(Square{}, Vector<double>::Zero(2), o), std::invalid_argument);
}

// Divergence: lr = 2 on x^2 is x -> -3x; the cost overflows to inf after ~650 steps and the
// run stops with "non_finite" instead of looping.
TEST(GdPhases, NonFiniteCostStopsTheRun) {
  ex::GdPhaseOptions o;
  o.lr = 2;
  o.phase1_steps = 5000;
  o.phase2_steps = 0;
  o.stop_patience = 10000;
  const auto r = ex::run_gd_phases(Square{}, one(), o);
  EXPECT_EQ(r.stop_reason, "non_finite");
  EXPECT_LT(r.steps, 5000);
}
