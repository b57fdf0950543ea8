// Claim "castera.inna.first-step-gradient": with the thesis's psi_0, the first INNA step is
// exactly a gradient step of size gamma_0.
//
// Source: 002_dc929347c6f8ce02.txt, Section 2.6.2.1, L1481: "we initialize psi_0 such that
// the initial velocity is in the direction of -grad J(theta_0). More precisely, we use
// psi_0 = (1 - alpha beta) theta_0 - (beta^2 - beta) grad J(theta_0)", with INNA (2.13) /
// Algorithm 1 (L1082-L1104). Substituting psi_0 into (2.13) (guide seed-002-castera-thesis.md
// §3.2 [DERIVED]): the bracket (1/beta - alpha) theta_0 - psi_0/beta - beta v_0 equals -v_0, so
//   theta_1 = theta_0 - gamma_0 grad J(theta_0)          (the statement checked)
// (the public PyTorch code's psi_0 = (1 - alpha beta) theta_0 gives theta_1 = theta_0 -
// gamma_0 beta v_0 instead: a step beta times shorter; that is the mutant of the tests).
//
// Check, all in exact rational arithmetic (verdict holds-certified when both parts pass):
//  (i) identity. (2.13) is theta_1 = theta_0 + gamma_0 B with B linear in (theta_0, psi_0, v_0),
//      and psi_0 is linear in (theta_0, v_0); so theta_1 - (theta_0 - gamma_0 v_0) =
//      gamma_0 (c_theta(alpha, beta) theta_0 + c_g(alpha, beta) v_0) coordinatewise, with
//      c_theta = r(theta = 1, v = 0) and c_g = r(theta = 0, v = 1) computed by the library's own
//      per-coordinate kernels (optim::InnaKernel with gamma = 1 and the psi_0 formula).
//      beta c_theta and beta c_g are polynomials of degree <= 2 in alpha and <= 3 in beta
//      (the terms are (1/beta - alpha), 1/beta, beta and psi_0's (1 - alpha beta), beta^2 - beta),
//      so their vanishing on the 3 x 4 grid alpha in {0, 1/3, 1/2}, beta in {1/10, 1/2, 1, 2}
//      proves them identically zero for all alpha, beta (a polynomial of degree <= d in one
//      variable with d + 1 roots is zero, applied in alpha and then in beta).
// (ii) the rule. optim::Inna<rational> runs one step on polynomial problems of the library from
//      seeded rational starts with seeded rational (alpha, beta, gamma_0), and theta_1 must equal
//      theta_0 - gamma_0 grad J(theta_0) exactly (the full gradient: the problems are deterministic).
#pragma once

#include <functional>
#include <memory>

#include "analysis/numeric/scalars.hpp"
#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera {

// psi_0 per coordinate from (theta_0, v_0 = grad J(theta_0), alpha, beta).
using Psi0Formula =
    std::function<rational(const rational& theta, const rational& g, const rational& alpha, const rational& beta)>;
// INNA with (alpha, beta, gamma_0) and a constant step gamma_0, in rational.
using InnaFactory = std::function<std::unique_ptr<optim::Optimizer<rational>>(const rational& alpha,
                                                                               const rational& beta,
                                                                               const rational& gamma0)>;

Psi0Formula thesis_psi0();        // optim::InnaThesisPsi0Kernel (002 L1481)
InnaFactory library_inna_thesis();  // optim::Inna<rational> with Psi0::thesis

Finding check_first_step_gradient(const Psi0Formula& psi0, const InnaFactory& rule, const RunContext& ctx);

Claim first_step_gradient_claim();

}  // namespace ov::claims::castera
