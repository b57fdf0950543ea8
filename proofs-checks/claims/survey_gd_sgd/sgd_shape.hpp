// 004 section 4.2 Proposition 2 (25)-(29) and section 5 Proposition 3 (34)-(35): O-rates without
// constants, checked as SHAPES with the exact SGD expectation oracle (analysis/stochastic) on a
// finite-sum quadratic f_i(w) = 1/2 (w - c_i)^T A (w - c_i), A = diag(mu, L) = diag(1/4, 1), n = 6
// seeded centres c_i (every f_i mu-strongly convex, grad f L-Lipschitz; additive gradient noise).
//   survey.prop2-fixed-step-plateau    (27)/(29): plateau of E f - f* is O(eta) (log-log slope 1,
//       origin fit), and at eta = 1/L the transient contracts per step by <= 1 - mu/L (exact);
//   survey.prop2-decreasing-steps      (28) slope <= -1 for eta = 1/(mu tau); (25)/(26) bounded ratios;
//   survey.prop3-minibatch-plateau     (34)/(35): plateau proportional to E||e_t||^2, i.e. to (36)/(37);
//   survey.prop2-29-factor-eta-erratum (erratum) (1 - mu/L)^t in (29) independent of eta.
#pragma once

#include <functional>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey {

struct PlateauSpec {
  double plateau_order = 1;  // log-log slope of the plateau against eta (O(eta): 1)
  std::function<rational(const rational& mu, const rational& L)> factor_at_one_over_l;  // 1 - mu/L
};
PlateauSpec prop2_plateau_spec();
Finding check_fixed_step_plateau(const PlateauSpec& spec, const RunContext& ctx);

struct DecreasingSpec {
  double max_slope_28 = -1;  // log-log slope of E f - f* for eta = 1/(mu tau) must be <= this + 0.1
};
Finding check_decreasing_steps(const DecreasingSpec& spec, const RunContext& ctx);

// Predicted plateau(b) / plateau(1) for n samples, batch b, with replacement or not.
using NoiseScale = std::function<double(int n, int b, bool with_replacement)>;
NoiseScale corrected_noise_scale();  // 1/b with, (n - b)/((n - 1) b) without ((36)/(37) corrected)
Finding check_minibatch_plateau(const NoiseScale& kappa, const RunContext& ctx);

// The contraction factor rho(eta, mu, L) in O(rho^t + eta): printed 1 - mu/L, corrected (1 - eta mu)^2.
using EtaFactor = std::function<rational(const rational& eta, const rational& mu, const rational& L)>;
EtaFactor printed_factor();
EtaFactor corrected_factor();
Finding check_eta_factor(const EtaFactor& rho, const RunContext& ctx);

Claim prop2_fixed_step_plateau_claim();
Claim prop2_decreasing_steps_claim();
Claim prop3_minibatch_plateau_claim();
Claim prop2_factor_eta_erratum_claim();

}  // namespace ov::claims::survey
