// Linear (geometric) rates on strongly convex quadratics, for the descent and momentum suites
// (docs/conformance-universal-descent.md): the textbook rates of gradient descent and heavy
// ball, and the rate of a subject measured with the rate tools (analysis/rates).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "proofs-checks/conformance/subject.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

// The textbook rate of gradient descent with step h on eigenvalues in [mu, L]:
// x_{k+1} - x* = (I - h A)(x_k - x*), so ||x_k - x*|| <= ||I - h A||_2^k ||x_0 - x*|| with
// ||I - h A||_2 = max(|1 - h mu|, |1 - h L|) (004 §2.1 eq (4) for the iteration; the norm
// of a symmetric matrix is its largest |eigenvalue|).
double gd_rate(double h, double mu, double L);

// Heavy ball (004 §2.4 eq (8)): d_k = alpha d_{k-1} - eta grad f(w_k), w_{k+1} = w_k + d_k.
// On f = 1/2 (w - w*)^T A (w - w*), along an eigenvector of A with eigenvalue lambda, the
// error e_k obeys e_{k+1} = (1 + alpha - eta lambda) e_k - alpha e_{k-1}: the companion matrix
// [[1 + alpha - eta lambda, -alpha], [1, 0]] has characteristic polynomial
// z^2 - (1 + alpha - eta lambda) z + alpha, and the rate is its spectral radius (complex roots:
// sqrt(alpha)). With Polyak's (1964) parameters eta = 4/(sqrt L + sqrt mu)^2,
// alpha = ((sqrt L - sqrt mu)/(sqrt L + sqrt mu))^2 it is (sqrt kappa - 1)/(sqrt kappa + 1) at
// both ends of [mu, L] (tested in tests/conformance/universal_descent_test.cpp).
double heavy_ball_radius(double eta, double alpha, double lambda);

// The geometric rate of ||x_k - x*|| of one run on a quadratic.
struct RateMeasurement {
  bool ok = false;
  std::string reason;            // why the fit failed (ok = false)
  double q = 0, lo = 0, hi = 0;  // fitted rate and its 95% interval
  std::int64_t k0 = 0, k1 = 0;   // the window
  int steps = 0;                 // steps run
  int refusals = 0;
  double final_ratio = 1;  // e_K / e_0
  bool diverged = false;   // ||x_k - x*|| non-finite or > 1e30 ||x_0 - x*||
};

// Runs a fresh instance of the subject from x0 for up to max_steps (stopping at e_k <= 1e-12
// e_0) and fits log e_k = log C + k log q on the suffix-maximum envelope E_k = max_{j >= k} e_j
// (the claim ||x_k - x*|| <= C q^k bounds an envelope; the envelope removes the oscillations of
// complex eigenvalues, and equals e_k for monotone sequences). Window: from the first k with
// E_k <= 1e-1 E_0 (past the transient of the fast modes) to the first k with E_k <= 1e-10 E_0
// (before rounding, which is ~1e-16 relative to |x*|, matters); the whole run when that leaves
// fewer than 4 points.
RateMeasurement measure_rate(const Subject& s, const QuadraticObjective& q, const Vec& x0, int max_steps);

// The figures of a measurement on eigenvalues in [mu, L]: L, mu, steps, window_first_k,
// window_last_k, final_error_ratio.
nlohmann::json measurement_figures(const RateMeasurement& m, double mu, double L);
// The fit's figures added to `figs`: fitted_rate, fitted_lo, fitted_hi.
void add_fit_figures(nlohmann::json& figs, const RateMeasurement& m);
// The fit in words: "fitted q = Q [95% LO, HI] on window [K0, K1]".
std::string fit_text(const RateMeasurement& m);

}  // namespace ov::conformance
