// Claim "castera.lyapunov.e-lambda-family": E_lambda = lambda J + (1/2)||(alpha - 1/beta) theta + psi/beta||^2
// is non-increasing along (2.6) for every lambda in [(1 - sqrt(alpha beta))^2, (1 + sqrt(alpha beta))^2]
// (proof of Lemma 2.5, L1208-L1228), and the interval is sharp.
//
// Exact in rational (alpha, beta squares of rationals so that sqrt(alpha beta) is rational):
// dE_lambda/dt = d/de E_lambda(z + e F(z)) at e = 0 by exact interpolation, at seeded points and at
// the adversarial point of each lambda (theta' = t grad J with t = (lambda - alpha beta - 1)/(2 alpha),
// which maximises the quadratic form -alpha ||theta'||^2 - beta ||grad J||^2 + (lambda - alpha beta - 1)
// <theta', grad J> that dE_lambda/dt equals). The interval is an ingredient (the tests pass a false one).
#pragma once

#include <functional>
#include <utility>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

// [lo, hi] from (alpha, beta, sqrt(alpha beta)).
using LambdaInterval =
    std::function<std::pair<rational, rational>(const rational& alpha, const rational& beta, const rational& s)>;
LambdaInterval thesis_lambda_interval();

// The state z = (theta, psi) at which theta' = t grad J(theta) (psi solved from the first line of (2.6)).
Vec<rational> adversarial_state(const optim::Objective<rational>& J, const rational& alpha, const rational& beta,
                                const Vec<rational>& theta, const rational& t);

Finding check_e_lambda_family(const DinField& field, const LambdaInterval& interval, const RunContext& ctx);
Claim e_lambda_family_claim();

}  // namespace ov::claims::castera_dyn
