// Claims of castera_dynamics measured along trajectories (DIN integrated, INNA run) and the KL
// exponent example: each on its real input and on a broken one.
#include <gtest/gtest.h>

#include "optim/components/din_system.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/inna.hpp"
#include "proofs-checks/claims/castera_dynamics/din_rate.hpp"
#include "proofs-checks/claims/castera_dynamics/inna_energy_decrease.hpp"
#include "proofs-checks/claims/castera_dynamics/kl_exponent.hpp"
#include "proofs-checks/claims/castera_dynamics/inna_valley.hpp"
#include "proofs-checks/claims/castera_dynamics/lyapunov_din_decrease.hpp"

namespace ov::claims::castera_dyn {
namespace {

RunContext quick() {
  RunContext c;
  c.quick = true;
  return c;
}

// Mutant: DIN run backwards in time (z' = -F(z)): E increases.
template <class S>
FieldFn<S> reversed_field() {
  return [](const optim::Objective<S>& J, const S& alpha, const S& beta, const Vec<S>& z) {
    const optim::DinSystem<S> din(J, alpha, beta);
    return Vec<S>(-din(S(0), z));
  };
}
DinField reversed() { return {"mutant: time-reversed", reversed_field<double>(), reversed_field<mp50>(), reversed_field<rational>()}; }

TEST(DinEnergyDecrease, HoldsOnTheLibraryField) {
  const Finding f = check_din_energy_decrease(library_din_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["runs"], 2);
  EXPECT_LE(f.evidence.figures["max_relative_increase_between_samples"].get<double>(), 0.0);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(DinEnergyDecrease, RefutedOnTheTimeReversedField) {
  const Finding f = check_din_energy_decrease(reversed(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_TRUE(f.evidence.counterexample.is_object());
}

// Mutant INNA kernel: psi advances by 2 gamma (not a consistent discretisation of (2.6)).
struct DoubledPsiKernel {
  template <class T, class C>
  void operator()(const C& c, const T& theta, const T& psi, const T& v, T& theta1, T& psi1) const {
    const T t = c.a * theta - c.inv_beta * psi;
    theta1 = theta + c.gamma * (t - c.beta * v);
    psi1 = psi + T(2) * c.gamma * t;
  }
};

InnaRun mutant_inna_run() {
  return [](const optim::Objective<mp50>& J, const mp50& alpha, const mp50& beta, const mp50& gamma,
            const Vec<mp50>& theta0, const Vec<mp50>& psi0, long steps) {
    optim::InnaOptions<mp50> o;
    o.alpha = alpha;
    o.beta = beta;
    o.lr = gamma;
    optim::BasicInna<mp50, DoubledPsiKernel> inna(o);
    inna.set_state({psi0, 0});
    optim::Oracle<mp50> oracle(J);
    Vec<mp50> x = theta0;
    std::vector<Vec<mp50>> zs;
    Vec<mp50> z(2 * x.size());
    z << x, psi0;
    zs.push_back(z);
    for (long k = 0; k < steps; ++k) {
      inna.step(oracle, x);
      z << x, inna.state().psi;
      zs.push_back(z);
    }
    return zs;
  };
}

TEST(InnaEnergyDecrease, OrderTwoOnTheLibraryRule) {
  const Finding f = check_inna_energy_decrease(library_inna_run(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const double p = f.parameters["fits"][0]["order"].get<double>();
  EXPECT_NEAR(p, 2.0, 0.2);
  EXPECT_NEAR(f.parameters["fits"][1]["order"].get<double>(), 2.0, 0.2);  // public-code psi_0
  EXPECT_EQ(f.evidence.series.size(), 4u);
}

TEST(InnaEnergyDecrease, RefutedOnAnInconsistentKernel) {
  const Finding f = check_inna_energy_decrease(mutant_inna_run(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_NEAR(f.evidence.counterexample["fitted_order"].get<double>(), 1.0, 0.2);
}

TEST(DinRate, OneOverTHolds) {
  const Finding f = check_din_rate(library_din_field(), 1.0, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& fits = f.parameters["fits"];
  ASSERT_EQ(fits.size(), 2u);
  EXPECT_NEAR(fits[0]["order"].get<double>(), 2.0, 0.25);   // c = 4: KL prediction 2
  EXPECT_NEAR(fits[1]["order"].get<double>(), 1.25, 0.2);   // c = 10: KL prediction 1.25
  EXPECT_LT(f.evidence.figures["double_vs_mp50_relative_at_T"].get<double>(), 1e-6);
}

TEST(DinRate, RefutedForAFalseOneOverTSquared) {
  const Finding f = check_din_rate(library_din_field(), 2.0, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["function"], "||theta||^10 on R^1");
}

TEST(KlExponent, OneMinusOneOverCHolds) {
  const Finding f = check_kl_exponent(thesis_kl_exponent(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["exact_identity_checks"], 20);
}

TEST(KlExponent, RefutedForAEqualsOneOverC) {
  const KlExponentFormula wrong = [](const rational& c) { return rational(rational(1) / c); };
  const Finding f = check_kl_exponent(wrong, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["c"], "3/2");  // a = 2/3 is valid but not optimal
}

// Mutant INNA kernel: the sign of beta v flipped (ascends along the subgradient).
struct AscentKernel {
  template <class T, class C>
  void operator()(const C& c, const T& theta, const T& psi, const T& v, T& theta1, T& psi1) const {
    const T t = c.a * theta - c.inv_beta * psi;
    theta1 = theta + c.gamma * (t + c.beta * v);
    psi1 = psi + c.gamma * t;
  }
};

TEST(InnaValley, ReachesTheCriticalPointUpToAFloor) {
  const Finding f = check_inna_valley(library_inna_double(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LE(f.evidence.figures["floor_distance_half_gamma"].get<double>(), 1e-3);
  EXPECT_GT(f.evidence.figures["first_t_within_10_gamma"].get<double>(), 5.0);
  EXPECT_EQ(f.evidence.series.size(), 1u);
}

TEST(InnaValley, RefutedForAnAscentKernel) {
  const InnaFactoryD bad = [](double alpha, double beta, double gamma) {
    optim::InnaOptions<double> o;
    o.alpha = alpha;
    o.beta = beta;
    o.lr = gamma;
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::BasicInna<double, AscentKernel>>(o));
  };
  const Finding f = check_inna_valley(bad, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
}

}  // namespace
}  // namespace ov::claims::castera_dyn
