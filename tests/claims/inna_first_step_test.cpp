// Claim castera.inna.first-step-gradient: certified for the thesis's psi_0; the same check
// refutes the public code's psi_0 (in the identity, in the rule, or both).
#include <gtest/gtest.h>

#include "optim/rules/inna.hpp"
#include "proofs-checks/claims/inna_first_step.hpp"

namespace ov::claims::castera {
namespace {

Psi0Formula public_code_psi0() {
  return [](const rational& theta, const rational&, const rational& alpha, const rational& beta) {
    return rational((rational(1) - alpha * beta) * theta);
  };
}

InnaFactory library_inna_public_code() {
  return [](const rational& alpha, const rational& beta, const rational& gamma0) {
    optim::InnaOptions<rational> o;
    o.alpha = alpha;
    o.beta = beta;
    o.lr = gamma0;
    o.psi0 = optim::Psi0::public_code;
    return std::unique_ptr<optim::Optimizer<rational>>(std::make_unique<optim::Inna<rational>>(o));
  };
}

TEST(InnaFirstStep, ThesisPsi0IsCertified) {
  RunContext ctx;
  ctx.seed = 1;
  const Finding f = check_first_step_gradient(thesis_psi0(), library_inna_thesis(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.precision, "rational");
  EXPECT_EQ(f.evidence.figures["grid_points"], 12);
  EXPECT_GT(f.evidence.figures["rule_runs"].get<int>(), 10);
}

TEST(InnaFirstStep, PublicCodePsi0IsRefutedByTheIdentity) {
  const Finding f = check_first_step_gradient(public_code_psi0(), library_inna_public_code(), RunContext{});
  EXPECT_EQ(f.verdict, Verdict::refuted);
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_EQ(f.evidence.counterexample["part"], "identity");
  // c_g = 1 - beta at the first grid point (alpha = 0, beta = 1/10): theta_1 = theta_0 - gamma_0 beta v_0.
  EXPECT_EQ(f.evidence.counterexample["c_g"], "9/10");
  EXPECT_EQ(f.evidence.counterexample["c_theta"], "0");
}

TEST(InnaFirstStep, PublicCodeRuleIsRefutedByTheRunsAlone) {
  // The identity part uses the thesis formula (passes); the rule under test uses the public
  // code's psi_0, and the exact comparison of its first step must catch it.
  const Finding f = check_first_step_gradient(thesis_psi0(), library_inna_public_code(), RunContext{});
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["part"], "rule");
}

}  // namespace
}  // namespace ov::claims::castera
