// The descent suite (docs/conformance-universal-descent.md): monotone decrease on convex
// quadratics below the declared step bound, and a linear rate on strongly convex quadratics
// at least the claimed one, fitted with the rate tools (analysis/rates).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "analysis/rates/rate_fit.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace descent_properties_detail {

constexpr double unit_roundoff = 0x1p-53;

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

double case_uniform(const Case& c, std::uint64_t stream, double lo, double hi) {
  optim::SplitMix64 rng(c.seed * 0xbf58476d1ce4e5b9ULL + 0x94d049bb133111ebULL * (stream + 1));
  rng.next();
  return lo + (hi - lo) * rng.uniform();
}

std::unique_ptr<optim::Optimizer<double>> fresh(const Subject& s) {
  auto p = s.make();
  if (!p) throw std::invalid_argument("subject '" + s.name + "': the factory returned null");
  return p;
}

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
  const double u = unit_roundoff;
  return (2.0 * n + 3) * std::sqrt(static_cast<double>(n)) * u * L * (dk.squaredNorm() + dk1.squaredNorm()) +
         2.0 * u * L * dk1.norm() * (xk.norm() + xk1.norm());
}

Outcome monotone_decrease(const Subject& s, const Case& c) {
  const DescentDeclaration& d = *s.declared.descent;
  if (!d.monotone) return Outcome::skip("the subject declares no monotone decrease (DescentDeclaration::monotone = false)");
  // step * L strictly below the bound (never at it): a seeded fraction in [0.05, 0.98].
  const double frac = case_uniform(c, 1, 0.05, 0.98);
  const double L = d.step > 0 ? frac * d.stable_step_times_L / d.step : c.scale;
  const QuadraticObjective q = make_quadratic(c, L);
  Vec x = start_point(c, q.minimizer(), c.scale * std::pow(10.0, case_uniform(c, 2, -1, 1)));
  auto opt = fresh(s);
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
      return Outcome::fail("x is not finite after step " + std::to_string(k + 1) + " (L = " + num(L) + ")", figs);
    const double fk1 = q.value(x);
    const double slack = monotone_slack(c.dim, L, xk - q.minimizer(), x - q.minimizer(), xk, x);
    if (fk1 > fk + slack) {
      figs["step"] = k + 1;
      figs["f_before"] = fk;
      figs["f_after"] = fk1;
      figs["slack"] = slack;
      return Outcome::fail("f increased at step " + std::to_string(k + 1) + ": f(x_k) = " + num(fk) +
                               ", f(x_{k+1}) = " + num(fk1) + " (increase " + num(fk1 - fk) + " > rounding slack " +
                               num(slack) + ") on a quadratic with L = " + num(L) +
                               (d.step > 0 ? ", step * L = " + num(d.step * L) + " < " + num(d.stable_step_times_L)
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
  return Outcome::pass(std::to_string(steps) + " steps with L = " + num(L) +
                           (d.step > 0 ? " (step * L = " + num(d.step * L) + ")" : std::string(" (line search)")) +
                           ": f never increased beyond the rounding slack (" + std::to_string(decreases) +
                           " strict decreases, " + std::to_string(refusals) + " refusals)",
                       figs);
}

// ---------------------------------------------------------------------------------------
// The geometric rate of ||x_k - x*|| on a quadratic, measured with analysis/rates.
struct RateMeasurement {
  bool ok = false;
  std::string reason;
  double q = 0, lo = 0, hi = 0;  // fitted rate and its 95% interval
  std::int64_t k0 = 0, k1 = 0;   // the window
  int steps = 0;                 // steps run
  int refusals = 0;
  double final_ratio = 1;  // e_K / e_0
  bool diverged = false;
};

// Runs up to max_steps (stopping at e_k <= 1e-12 e_0) and fits log e_k = log C + k log q on
// the suffix-maximum envelope E_k = max_{j >= k} e_j (the claim ||x_k - x*|| <= C q^k bounds
// an envelope; the envelope removes the oscillations of complex eigenvalues, and equals e_k
// for monotone sequences). Window: from the first k with E_k <= 1e-1 E_0 (past the transient
// of the fast modes) to the first k with E_k <= 1e-10 E_0 (before rounding, which is ~1e-16
// relative to |x*|, matters); the whole run when that leaves fewer than 4 points.
RateMeasurement measure_rate(const Subject& s, const QuadraticObjective& q, const Vec& x0, int max_steps) {
  RateMeasurement m;
  auto opt = fresh(s);
  optim::Oracle<double> oracle(q);
  Vec x = x0;
  std::vector<double> e{(x - q.minimizer()).norm()};
  const double e0 = e[0];
  for (int k = 0; k < max_steps; ++k) {
    if (opt->step(oracle, x).refused()) ++m.refusals;
    const double ek = (x - q.minimizer()).norm();
    e.push_back(ek);
    ++m.steps;
    if (!std::isfinite(ek) || ek > 1e30 * e0) {
      m.diverged = true;
      break;
    }
    if (ek <= 1e-12 * e0) break;
  }
  m.final_ratio = e.back() / e0;
  std::vector<double> env(e.size());
  double run_max = 0;
  for (std::size_t i = e.size(); i-- > 0;) {
    run_max = std::max(run_max, std::isfinite(e[i]) ? e[i] : std::numeric_limits<double>::infinity());
    env[i] = run_max;
  }
  std::int64_t ka = -1, kb = static_cast<std::int64_t>(env.size()) - 1;
  for (std::size_t i = 0; i < env.size(); ++i) {
    if (ka < 0 && env[i] <= 1e-1 * env[0]) ka = static_cast<std::int64_t>(i);
    if (env[i] <= 1e-10 * env[0]) {
      kb = static_cast<std::int64_t>(i);
      break;
    }
  }
  if (ka < 0 || kb - ka < 3) ka = 0;
  std::vector<std::int64_t> ks(env.size());
  for (std::size_t i = 0; i < env.size(); ++i) ks[i] = static_cast<std::int64_t>(i);
  const auto seq = rates::make_sequence<double>(ks, env, "||x_k - x*|| (suffix-max envelope)");
  const auto fit = rates::fit_geometric(seq, rates::Window{ka, kb});
  m.k0 = ka;
  m.k1 = kb;
  if (!fit.ok) {
    m.reason = fit.reason;
    return m;
  }
  m.ok = true;
  m.q = fit.estimate;
  m.lo = fit.lo;
  m.hi = fit.hi;
  return m;
}

// The textbook rate of gradient descent with step h on eigenvalues in [mu, L]:
// x_{k+1} - x* = (I - h A)(x_k - x*), so ||x_k - x*|| <= ||I - h A||_2^k ||x_0 - x*|| with
// ||I - h A||_2 = max(|1 - h mu|, |1 - h L|) (004 §2.1 eq (4) for the iteration; the norm
// of a symmetric matrix is its largest |eigenvalue|).
double gd_rate(double h, double mu, double L) { return std::max(std::abs(1 - h * mu), std::abs(1 - h * L)); }

Outcome linear_rate(const Subject& s, const Case& c) {
  const DescentDeclaration& d = *s.declared.descent;
  const double frac = case_uniform(c, 3, 0.3, 0.9);
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
    return Outcome::skip("the claimed rate " + num(claimed) + " on mu = " + num(mu) + ", L = " + num(Lq) +
                         " is not below 1: nothing is claimed");
  // Steps: enough for the claimed rate to reach 1e-12 (with a factor 2 of margin), at most 50000.
  const int max_steps =
      has_claim ? static_cast<int>(std::min(50000.0, std::ceil(2 * std::log(1e-12) / std::log(std::max(claimed, 1e-300))) + 20))
                : 20000;
  const Vec x0 = start_point(c, q.minimizer(), c.scale);
  const RateMeasurement m = measure_rate(s, q, x0, max_steps);
  nlohmann::json figs = {{"L", Lq}, {"mu", mu}, {"steps", m.steps}, {"refusals", m.refusals},
                         {"window_first_k", m.k0}, {"window_last_k", m.k1}, {"final_error_ratio", m.final_ratio}};
  if (has_claim) figs["claimed_rate"] = claimed;
  if (m.diverged)
    return Outcome::fail("the iteration diverged (||x_k - x*|| > 1e30 ||x_0 - x*|| or non-finite) after " +
                             std::to_string(m.steps) + " steps on a quadratic with mu = " + num(mu) + ", L = " + num(Lq),
                         figs);
  if (!m.ok) {
    // Too few usable points: the run reached 1e-12 (or exactly 0) within 3 steps, a mean
    // rate below 1e-4, faster than any claim we can check here.
    if (m.final_ratio <= 1e-10 && m.steps <= 4)
      return Outcome::pass("converged to " + num(m.final_ratio) + " relative within " + std::to_string(m.steps) +
                               " steps: faster than the claimed rate " + (has_claim ? num(claimed) : std::string("< 1")),
                           figs);
    return Outcome::undecided("the rate fit failed: " + m.reason, figs);
  }
  figs["fitted_rate"] = m.q;
  figs["fitted_lo"] = m.lo;
  figs["fitted_hi"] = m.hi;
  const std::string measured = "fitted q = " + num(m.q) + " [95% " + num(m.lo) + ", " + num(m.hi) + "] on window [" +
                               std::to_string(m.k0) + ", " + std::to_string(m.k1) + "] (mu = " + num(mu) +
                               ", L = " + num(Lq) + ")";
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
    return Outcome::pass(measured + " <= " + num(limit) + " = claimed^(1 - 0.02), claimed " + num(claimed) + " (" +
                             claim_kind + ")",
                         figs);
  return Outcome::fail(measured + " exceeds the claimed rate " + num(claimed) + " (" + claim_kind +
                           ") beyond the tolerance: limit claimed^(1 - 0.02) = " + num(limit),
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
