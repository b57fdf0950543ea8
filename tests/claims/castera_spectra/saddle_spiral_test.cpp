// Claims castera.ch3.table-3-1-saddle-avoidance, castera.ch3.din-saddle-avoidance,
// castera.ch3.spiral-rates-fig-3-2: each on the library's rules, and on a broken rule that must be refuted.
#include <gtest/gtest.h>

#include "optim/core/oracle.hpp"
#include "proofs-checks/claims/castera_spectra/din_saddle.hpp"
#include "proofs-checks/claims/castera_spectra/spiral_rates.hpp"
#include "proofs-checks/claims/castera_spectra/table_3_1.hpp"

namespace ov::claims::castera_ch3 {
namespace {

// Newton's method with unit step on theta1^4 - 4 theta1^2 + theta2^2 (exact Hessian diag(12 t1^2 - 8, 2)):
// it is attracted by the saddle (002 L1552; guide T-SAD-5), so the check must refute it.
class NewtonQuartic : public optim::Optimizer<double> {
 public:
  std::string name() const override { return "newton"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  void reset() override {}
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    const optim::Vector<double> g = f.gradient(x);
    x[0] -= g[0] / (12 * x[0] * x[0] - 8);
    x[1] -= g[1] / 2;
    return {};
  }
};

RunContext quick() {
  RunContext c;
  c.seed = 1;
  c.quick = true;
  return c;
}

TEST(Table31, LibraryRulesHold) {
  const Finding f = check_table_3_1(table_3_1_methods(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& fig = f.evidence.figures;  // flattened: "table.<row>.<name>"
  for (int i = 0; i < 3; ++i) {
    const std::string row = "table." + std::to_string(i) + ".";
    EXPECT_EQ(fig[row + "percent_saddle"].get<double>(), 0.0);
    EXPECT_NEAR(fig[row + "percent_minus_sqrt2"].get<double>() + fig[row + "percent_plus_sqrt2"].get<double>(), 100.0, 1e-9);
    EXPECT_NEAR(fig[row + "percent_minus_sqrt2"].get<double>(), 50.0, 15.0);
    EXPECT_EQ(fig[row + "manifold_to_saddle_percent"].get<double>(), 100.0);
    // escape with ||theta|| > 0.1 from ||theta_0|| ~ 1e-12 takes ~160 iterations at sigma_+ ~ 1.17
    EXPECT_GT(fig[row + "mean_escape_iterations"].get<double>(), 100.0);
  }
  for (const auto& [k, v] : fig.items()) EXPECT_FALSE(v.is_structured()) << k;  // report schema: scalars only
  EXPECT_EQ(f.evidence.figures["manifold_theta1_became_nonzero"], 0);
}

TEST(Table31, NewtonIsRefuted) {
  std::vector<SaddleMethod> m{{"Newton unit step", [](std::uint64_t) {
                                 return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<NewtonQuartic>());
                               },
                               1.0001, 1}};
  SaddleSetup s;
  s.starts = 20;
  s.manifold_starts = 2;
  s.iterations = 50;
  const Finding f = check_saddle_avoidance(m, s, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_EQ(f.evidence.counterexample["method"], "Newton unit step");
}

TEST(DinSaddle, HoldsAndSeedIsReproducible) {
  const Finding f = check_din_saddle(din_methods(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const Finding g = check_din_saddle(din_methods(), quick());
  EXPECT_EQ(f.evidence.figures.dump(), g.evidence.figures.dump());
}

// A DIN integrator with a bug that damps theta1 (the unstable direction of the saddle) after every RK4 step:
// the check must see runs converge to the saddle.
class DampedTheta1 : public optim::Optimizer<double> {
 public:
  explicit DampedTheta1(std::unique_ptr<optim::Optimizer<double>> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return "din_rk4_damped_theta1"; }
  std::vector<optim::Hyperparameter> hyperparameters() const override { return {}; }
  void reset() override { inner_->reset(); }
  optim::StepReport<double> step(optim::Oracle<double>& f, optim::Vector<double>& x) override {
    auto r = inner_->step(f, x);
    x[0] *= 0.5;
    return r;
  }

 private:
  std::unique_ptr<optim::Optimizer<double>> inner_;
};

TEST(DinSaddle, DampedUnstableDirectionIsRefuted) {
  auto methods = din_methods();
  const SeededRule base = methods[0].rule;
  methods[0].rule = [base](std::uint64_t s) {
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<DampedTheta1>(base(s)));
  };
  methods.resize(1);
  const Finding f = check_din_saddle(methods, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["method"], methods[0].label);
}

TEST(Spiral, LibraryInnaHolds) {
  const Finding f = check_spiral_rates(library_inna_factory(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& s = f.evidence.figures;
  EXPECT_NEAR(s["settings.0.rho_max_predicted"].get<double>(), 0.989040, 1e-6);  // guide §4.5 item 3
  EXPECT_NEAR(s["settings.1.rho_max_predicted"].get<double>(), 0.994142, 1e-6);
  EXPECT_NEAR(s["settings.0.modes.0.omega_p_continuous"].get<double>(), 0.888819, 1e-6);
  EXPECT_NEAR(s["settings.0.modes.1.omega_p_continuous"].get<double>(), 1.6, 1e-9);
  EXPECT_GE(s["settings.0.modes.0.sign_changes"].get<int>(), 3);  // spirals for alpha beta = 0.2
  EXPECT_EQ(s["settings.1.modes.0.sign_changes"].get<int>(), 0);  // none for alpha beta = 2
  EXPECT_TRUE(f.evidence.figures["alpha_beta_lt_1_faster"].get<bool>());
}

TEST(Spiral, WrongBetaRuleIsRefuted) {
  // A rule that silently uses 2 beta (a mis-wired hyper-parameter): its iterates no longer match (3.26)/(3.29).
  InnaDoubleFactory broken = [](const rational& a, const rational& b, const rational& g) {
    return library_inna_fixed_step(a, rational(2 * b), g);
  };
  const Finding f = check_spiral_rates(broken, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_TRUE(f.evidence.counterexample.contains("why"));
}

}  // namespace
}  // namespace ov::claims::castera_ch3
