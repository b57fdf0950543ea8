// The descent suite (docs/conformance-universal-descent.md): monotone decrease on convex
// quadratics below the declared step bound, and a linear rate on strongly convex quadratics
// at least the claimed one, fitted with the rate tools (analysis/rates).
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "optim/core/oracle.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/double_rounding.hpp"
#include "proofs-checks/conformance/fresh_optimizer.hpp"
#include "proofs-checks/conformance/linear_rates.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace descent_properties_detail {

constexpr CaseStreams kStreams{0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL};

// ---------------------------------------------------------------------------------------
// Slack of one comparison f(x_{k+1}) <= f(x_k) (d = x - x*):
//  - evaluation: f = 1/2 d^T (A d) computed in double has absolute error at most
//    gamma_{2n+3} * 1/2 |d|^T |A| |d| <= (2n+3) u * 1/2 * sqrt(n) L ||d||^2 (|| |A| ||_2 <= ||A||_F
//    <= sqrt(n) L), at each of the two points;
//  - the iterate's own rounding: x_{k+1} is stored with a relative error u per coordinate,
//    which moves f by at most L ||d_{k+1}|| * u ||x_{k+1}|| (first order).
// Both doubled for margin:
//   slack = (2n+3) sqrt(n) u L (||d_k||^2 + ||d_{k+1}||^2) + 2 u L ||d_{k+1}|| (||x_k|| + ||x_{k+1}||).
double monotone_slack(int n, double L, const Vec& dk, const Vec& dk1, const Vec& xk, const Vec& xk1) {
  const double u = kUnitRoundoff;
  return (2.0 * n + 3) * std::sqrt(static_cast<double>(n)) * u * L * (dk.squaredNorm() + dk1.squaredNorm()) +
         2.0 * u * L * dk1.norm() * (xk.norm() + xk1.norm());
}

Outcome monotone_decrease(const Subject& s, const Case& c) {
  const DescentDeclaration& d = *s.declared.descent;
  if (!d.monotone) return Outcome::skip("the subject declares no monotone decrease (DescentDeclaration::monotone = false)");
  // step * L strictly below the bound (never at it): a seeded fraction in [0.05, 0.98].
  const double frac = kStreams.uniform(c, 1, 0.05, 0.98);
  const double L = d.step > 0 ? frac * d.stable_step_times_L / d.step : c.scale;
  const QuadraticObjective q = make_quadratic(c, L);
  Vec x = start_point(c, q.minimizer(), c.scale * std::pow(10.0, kStreams.uniform(c, 2, -1, 1)));
  auto opt = fresh_optimizer(s);
  optim::Oracle<double> oracle(q);
  const int steps = 200;
  int refusals = 0, decreases = 0;
  double worst = -std::numeric_limits<double>::infinity();  // max over k of (f_{k+1} - f_k) / slack_k
  double fk = q.value(x);
  nlohmann::json figs = {{"L", L}, {"step_times_L", d.step * L}, {"steps", steps}};
  for (int k = 0; k < steps; ++k) {
    const Vec xk = x;
    const auto r = opt->step(oracle, x);
    if (r.refused()) ++refusals;
    if (!x.allFinite())
      return Outcome::fail("x is not finite after step " + std::to_string(k + 1) + " (L = " + str(L) + ")", figs);
    const double fk1 = q.value(x);
    const double slack = monotone_slack(c.dim, L, xk - q.minimizer(), x - q.minimizer(), xk, x);
    if (fk1 > fk + slack) {
      figs["step"] = k + 1;
      figs["f_before"] = fk;
      figs["f_after"] = fk1;
      figs["slack"] = slack;
      return Outcome::fail("f increased at step " + std::to_string(k + 1) + ": f(x_k) = " + str(fk) +
                               ", f(x_{k+1}) = " + str(fk1) + " (increase " + str(fk1 - fk) + " > rounding slack " +
                               str(slack) + ") on a quadratic with L = " + str(L) +
                               (d.step > 0 ? ", step * L = " + str(d.step * L) + " < " + str(d.stable_step_times_L)
                                           : std::string(" (line search)")),
                           figs);
    }
    if (slack > 0) worst = std::max(worst, (fk1 - fk) / slack);
    if (!r.refused() && fk1 < fk) ++decreases;
    fk = fk1;
  }
  figs["refusals"] = refusals;
  figs["strict_decreases"] = decreases;
  if (refusals == steps)
    return Outcome::undecided("every one of the " + std::to_string(steps) + " steps was refused: nothing was decided",
                              figs);
  return Outcome::pass(std::to_string(steps) + " steps with L = " + str(L) +
                           (d.step > 0 ? " (step * L = " + str(d.step * L) + ")" : std::string(" (line search)")) +
                           ": f never increased beyond the rounding slack (" + std::to_string(decreases) +
                           " strict decreases, " + std::to_string(refusals) + " refusals)",
                       figs);
}

// ---------------------------------------------------------------------------------------
Outcome linear_rate(const Subject& s, const Case& c) {
  const DescentDeclaration& d = *s.declared.descent;
  const double frac = kStreams.uniform(c, 3, 0.3, 0.9);
  const double L = d.step > 0 ? frac * d.stable_step_times_L / d.step : c.scale;
  const QuadraticObjective q = make_quadratic(c, L);
  const double mu = q.mu(), Lq = q.L();
  double claimed = std::numeric_limits<double>::quiet_NaN();
  std::string claim_kind;
  if (d.claimed_rate) {
    claimed = d.claimed_rate(mu, Lq);
    claim_kind = "declared claimed_rate(mu, L)";
  } else if (d.step > 0) {
    claimed = gd_rate(d.step, mu, Lq);
    claim_kind = "textbook GD rate max|1 - step lambda|";
  }
  const bool has_claim = std::isfinite(claimed);
  if (has_claim && !(claimed < 1))
    return Outcome::skip("the claimed rate " + str(claimed) + " on mu = " + str(mu) + ", L = " + str(Lq) +
                         " is not below 1: nothing is claimed");
  // Steps: enough for the claimed rate to reach 1e-12 (with a factor 2 of margin), at most 50000.
  const int max_steps =
      has_claim ? static_cast<int>(std::min(50000.0, std::ceil(2 * std::log(1e-12) / std::log(std::max(claimed, 1e-300))) + 20))
                : 20000;
  const Vec x0 = start_point(c, q.minimizer(), c.scale);
  const RateMeasurement m = measure_rate(s, q, x0, max_steps);
  nlohmann::json figs = measurement_figures(m, mu, Lq);
  figs["refusals"] = m.refusals;
  if (has_claim) figs["claimed_rate"] = claimed;
  if (m.diverged)
    return Outcome::fail("the iteration diverged (||x_k - x*|| > 1e30 ||x_0 - x*|| or non-finite) after " +
                             std::to_string(m.steps) + " steps on a quadratic with mu = " + str(mu) + ", L = " + str(Lq),
                         figs);
  if (!m.ok) {
    // Too few usable points: the run reached 1e-12 (or exactly 0) within 3 steps, a mean
    // rate below 1e-4, faster than any claim we can check here.
    if (m.final_ratio <= 1e-10 && m.steps <= 4)
      return Outcome::pass("converged to " + str(m.final_ratio) + " relative within " + std::to_string(m.steps) +
                               " steps: faster than the claimed rate " + (has_claim ? str(claimed) : std::string("< 1")),
                           figs);
    return Outcome::undecided("the rate fit failed: " + m.reason, figs);
  }
  add_fit_figures(figs, m);
  const std::string measured = fit_text(m) + " (mu = " + str(mu) + ", L = " + str(Lq) + ")";
  if (!has_claim) {
    // No claimed rate (a line search): convergence, q < 1 with its whole interval below 1.
    if (m.hi < 1) return Outcome::pass(measured + ": linear convergence (interval below 1)", figs);
    return Outcome::fail(measured + ": no linear convergence (the interval reaches 1)", figs);
  }
  // Tolerance: log q_fit <= (1 - 0.02) log q_claimed. For a descent method obeying the claim
  // the envelope's log is convex-like (a sum of decaying exponentials), so the fitted slope
  // is at most the asymptotic one; the 2% of log q only absorbs rounding of e_k (<= 1e-6
  // relative at 1e-10) and fit noise. A rule 1/2 as fast in log q fails by a factor 25.
  const double tau = 0.02;
  const double limit = std::pow(claimed, 1 - tau);
  figs["limit"] = limit;
  if (m.q <= limit)
    return Outcome::pass(measured + " <= " + str(limit) + " = claimed^(1 - 0.02), claimed " + str(claimed) + " (" +
                             claim_kind + ")",
                         figs);
  return Outcome::fail(measured + " exceeds the claimed rate " + str(claimed) + " (" + claim_kind +
                           ") beyond the tolerance: limit claimed^(1 - 0.02) = " + str(limit),
                       figs);
}

}  // namespace descent_properties_detail

std::vector<Property> descent_properties() {
  std::vector<Property> out;
  Property p;
  p.suite = "descent";

  p.id = "conformance.descent.monotone-decrease";
  p.title = "Monotone decrease on convex quadratics below the step bound";
  p.source = {"003_61d556b637c4f269.txt", "Theorem 4.3", "(4.11)-(4.13)", "L646-L670"};
  p.statement = "On every convex quadratic whose largest eigenvalue L satisfies step * L < stable_step_times_L (2 for "
                "gradient descent; any L for a method choosing its own step), f(x_{k+1}) <= f(x_k) at every step "
                "(003 Theorem 4.3: 0 < alpha < 2/L gives f(theta_{k+1}) <= f(theta_k); 004 §2.1 L86-L89).";
  p.check = "200 steps on a seeded quadratic with step * L = [0.05, 0.98] * the bound (line search: L = scale), from a "
            "start at distance scale * 10^[-1, 1]; at each step f(x_{k+1}) <= f(x_k) + slack with slack = (2n+3) "
            "sqrt(n) u L (||d_k||^2 + ||d_{k+1}||^2) + 2 u L ||d_{k+1}|| (||x_k|| + ||x_{k+1}||) (u = 2^-53, d = x - x*): "
            "the rounding of the two evaluations of f and of the stored iterate, doubled. Refused steps are not "
            "violations; all steps refused is undecided. Not applicable when monotone = false.";
  p.ranges.condition_max = 1e3;
  p.run = descent_properties_detail::monotone_decrease;
  out.push_back(p);

  p.id = "conformance.descent.linear-rate";
  p.title = "Linear rate on strongly convex quadratics at least the claimed one";
  p.source = {"004_3d3d1f2b4537bb54.txt", "2.1", "(4)", "L82"};
  p.statement = "On strongly convex quadratics with Hessian eigenvalues in [mu, L], ||x_k - x*|| <= C q^k with q the "
                "declared claimed_rate(mu, L), or the textbook rate of gradient descent max|1 - step lambda| = "
                "||I - step A||_2 (from the iteration (4)); for step = 0 without a claim, linear convergence (q < 1).";
  p.check = "A seeded quadratic with condition <= 100 and step * L = [0.3, 0.9] * the bound (line search: L = scale); "
            "run until ||x_k - x*|| <= 1e-12 ||x_0 - x*|| (at most 2 log(1e-12)/log q + 20 steps); fit the geometric "
            "rate (analysis/rates fit_geometric, 95%) to the suffix-max envelope on the window from 1e-1 to 1e-10 of "
            "the initial error. Pass if q_fit <= q_claimed^(1 - 0.02): the envelope's slope of a descent method never "
            "exceeds its asymptotic one, the 2% of log q absorbs rounding (<= 1e-6 relative in e_k at 1e-10). Without "
            "a claim: pass if the fit's interval lies below 1. Divergence fails.";
  p.ranges.condition_max = 100;
  p.run = descent_properties_detail::linear_rate;
  out.push_back(p);
  return out;
}

}  // namespace ov::conformance
