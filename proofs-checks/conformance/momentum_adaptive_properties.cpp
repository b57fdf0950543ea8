// The momentum and adaptive suites (docs/conformance-universal-descent.md): the linear rate
// of a momentum method against the heavy-ball spectral radius (or a declared rate); the
// first-step magnitude of a bias-corrected adaptive method; the invariance of adaptive
// methods to the objective's scale.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/fresh_optimizer.hpp"
#include "proofs-checks/conformance/linear_rates.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace momentum_adaptive_properties_detail {

constexpr CaseStreams kStreams{0xd6e8feb86659fd93ULL, 0xa0761d6478bd642fULL};

// ---------------------------------------------------------------------------------------
// The claimed rate (heavy_ball_radius unless declared) against the measured one (measure_rate).
Outcome momentum_linear_rate(const Subject& s, const Case& c) {
  const MomentumDeclaration& md = *s.declared.momentum;
  if (!(md.step > 0) || !(md.momentum >= 0 && md.momentum < 1))
    return Outcome::skip("the momentum declaration needs step > 0 and momentum in [0, 1) (got step = " + str(md.step) +
                         ", momentum = " + str(md.momentum) + ")");
  // step * L in [0.4, 1.6] * (1 + momentum): inside the stability region (0, 2 (1 + momentum)).
  const double L = kStreams.uniform(c, 1, 0.4, 1.6) * (1 + md.momentum) / md.step;
  const QuadraticObjective q = make_quadratic(c, L);
  const double mu = q.mu(), Lq = q.L();
  double claimed = 0;
  std::string claim_kind;
  if (s.declared.descent && s.declared.descent->claimed_rate) {
    claimed = s.declared.descent->claimed_rate(mu, Lq);
    claim_kind = "declared claimed_rate(mu, L)";
  } else {
    // The radius is largest at an end of [mu, L] (it is sqrt(alpha) where the roots are
    // complex and grows away from that interval); both ends are eigenvalues of the problem.
    claimed = std::max(heavy_ball_radius(md.step, md.momentum, mu), heavy_ball_radius(md.step, md.momentum, Lq));
    claim_kind = "heavy-ball spectral radius of 004 (8)";
  }
  if (!(claimed < 1))
    return Outcome::skip("the claimed rate " + str(claimed) + " is not below 1 on mu = " + str(mu) + ", L = " + str(Lq));
  const int max_steps = static_cast<int>(std::min(50000.0, std::ceil(2 * std::log(1e-12) / std::log(claimed)) + 50));
  const RateMeasurement m = measure_rate(s, q, start_point(c, q.minimizer(), c.scale), max_steps);
  nlohmann::json figs = measurement_figures(m, mu, Lq);
  figs["claimed_rate"] = claimed;
  if (m.diverged)
    return Outcome::fail("the iteration diverged after " + std::to_string(m.steps) + " steps (claimed rate " +
                             str(claimed) + ", mu = " + str(mu) + ", L = " + str(Lq) + ")",
                         figs);
  if (!m.ok) {
    if (m.final_ratio <= 1e-10 && m.steps <= 4)
      return Outcome::pass("converged to " + str(m.final_ratio) + " within " + std::to_string(m.steps) + " steps", figs);
    return Outcome::undecided("the rate fit failed: " + m.reason, figs);
  }
  // Tolerance, on log q: (i) 5% of log q_claimed for fit noise left by the envelope (the
  // envelope of rho^k |cos(theta k + phi)| is rho^k times a factor in [~1/2, 1]); (ii) a
  // double or nearly double root gives e_k ~ k rho^k, whose log-slope exceeds log rho by
  // 1/k: over the window [k0, k1] the fitted slope exceeds it by log(k1/k0)/(k1 - k0) at most.
  const double k0 = static_cast<double>(std::max<std::int64_t>(m.k0, 1)), k1 = static_cast<double>(m.k1);
  const double jordan = k1 > k0 ? std::log(k1 / k0) / (k1 - k0) : 0.0;
  const double log_limit = 0.95 * std::log(claimed) + jordan;
  const double limit = std::exp(log_limit);
  add_fit_figures(figs, m);
  figs["limit"] = limit;
  const std::string measured = fit_text(m) + ", claimed " + str(claimed) + " (" +
                               claim_kind + ", step = " + str(md.step) + ", momentum = " + str(md.momentum) +
                               ", mu = " + str(mu) + ", L = " + str(Lq) + ")";
  if (m.q <= limit)
    return Outcome::pass(measured + ": within the limit " + str(limit) + " = claimed^0.95 * exp(log(k1/k0)/(k1-k0))",
                         figs);
  return Outcome::fail(measured + ": exceeds the limit " + str(limit) + " = claimed^0.95 * exp(log(k1/k0)/(k1-k0))",
                       figs);
}

// ---------------------------------------------------------------------------------------
// f(x) = g^T x: the gradient is g everywhere, so the first update from x0 = 0 is read
// exactly from x1 (no cancellation against x0).
class LinearObjective : public optim::Objective<double> {
 public:
  explicit LinearObjective(Vec g) : g_(std::move(g)) {}
  int dim() const override { return static_cast<int>(g_.size()); }
  double value(const Vec& x) const override { return g_.dot(x); }
  Vec gradient(const Vec& /*x*/) const override { return g_; }

 private:
  Vec g_;
};

// Adam (Kingma & Ba 2015 Alg. 1; 004 §6.3 (43)-(47) with the exponent fixed): at t = 1,
// m1 = (1 - b1) g, v1 = (1 - b2) g^2, mhat = m1 / (1 - b1) = g, vhat = g^2, so the update is
//   -lr g / (|g| + eps)          (eps outside the square root), or
//   -lr g / sqrt(g^2 + eps)      (eps inside, 004 (47)),
// i.e. magnitude lr (1 - r) with 0 <= r <= max(eps/|g|, eps/(2 g^2)) for either placement.
// A wrong exponent (1 - b^(t+1)) gives lr sqrt(1 + b2)/(1 + b1) = 0.744 lr with the defaults.
// Tolerance: |m/lr - 1| <= max(eps/|g|, eps/(2 g^2)) + 1e-12 (rounding of the ~10 operations
// of the step is ~1e-15 relative; 1e-12 is margin). Coordinates where the eps band exceeds
// 1e-2 (eps comparable to the gradient) are not checked (counted).
Outcome first_step_magnitude(const Subject& s, const Case& c) {
  const AdaptiveDeclaration& a = *s.declared.adaptive;
  if (!a.bias_corrected)
    return Outcome::skip("the subject declares no bias correction (AdaptiveDeclaration::bias_corrected = false)");
  optim::SplitMix64 rng(c.seed * 0x2545f4914f6cdd1dULL + 17);
  rng.next();
  const int n = c.dim;
  Vec g(n);
  for (int i = 0; i < n; ++i) {
    const double mag = std::pow(10.0, -3 + 6 * rng.uniform());  // 1e-3 .. 1e3
    g[i] = rng.uniform() < 0.5 ? -mag : mag;
  }
  const LinearObjective f(g);
  auto opt = fresh_optimizer(s);
  optim::Oracle<double> oracle(f);
  Vec x = Vec::Zero(n);
  const auto r = opt->step(oracle, x);
  nlohmann::json figs = {{"lr", a.lr}, {"eps", a.eps}, {"gradient", std::vector<double>(g.data(), g.data() + n)}};
  if (r.refused())
    return Outcome::fail("the first step was refused (" + std::string(optim::to_string(r.status)) + ": " + r.message +
                             "): no update of magnitude lr",
                         figs);
  int checked = 0, skipped = 0;
  double worst = 0;
  for (int i = 0; i < n; ++i) {
    const double ag = std::abs(g[i]);
    const double band = std::max(a.eps / ag, a.eps / (2 * ag * ag));
    if (band > 1e-2) {
      ++skipped;
      continue;
    }
    ++checked;
    const double step = -x[i];  // x0 = 0
    const double rel = step * (g[i] > 0 ? 1 : -1) / a.lr - 1;  // signed: the update opposes g
    const double tol = band + 1e-12;
    worst = std::max(worst, std::abs(rel) / tol);
    if (!(std::abs(rel) <= tol)) {
      figs["coordinate"] = i;
      figs["update"] = step;
      figs["tolerance"] = tol;
      return Outcome::fail("first update of coordinate " + std::to_string(i) + " with gradient " + str(g[i]) + ": -x1 = " +
                               str(step) + ", i.e. sign(g) * update / lr = " + str(rel + 1) +
                               " (expected 1 within " + str(tol) + " = max(eps/|g|, eps/(2 g^2)) + 1e-12; lr = " +
                               str(a.lr) + ", eps = " + str(a.eps) + ")",
                           figs);
    }
  }
  figs["checked"] = checked;
  figs["skipped_eps_dominated"] = skipped;
  if (checked == 0)
    return Outcome::skip("every coordinate's gradient is comparable to eps = " + str(a.eps) + ": nothing to check");
  return Outcome::pass(std::to_string(checked) + " coordinates with |g| in [1e-3, 1e3]: first update = lr = " + str(a.lr) +
                           " up to the eps band (worst " + str(worst) + " of the tolerance; " + std::to_string(skipped) +
                           " eps-dominated coordinates skipped)",
                       figs);
}

// ---------------------------------------------------------------------------------------
// f(x) = 1/2 sum a_i x_i^2, a_i from L down to L/condition, with a recorder of the smallest
// |gradient coordinate| it was asked for.
class DiagonalQuadratic : public optim::Objective<double> {
 public:
  explicit DiagonalQuadratic(Vec a) : a_(std::move(a)) {}
  int dim() const override { return static_cast<int>(a_.size()); }
  double value(const Vec& x) const override { return 0.5 * x.dot(a_.cwiseProduct(x)); }
  Vec gradient(const Vec& x) const override {
    Vec g = a_.cwiseProduct(x);
    min_abs_ = std::min(min_abs_, g.cwiseAbs().minCoeff());
    return g;
  }
  double min_abs_gradient() const { return min_abs_; }

 private:
  Vec a_;
  mutable double min_abs_ = std::numeric_limits<double>::infinity();
};

// Adam-type updates lr mhat/(sqrt(vhat) + eps) are invariant under f -> c f except for eps:
// with s = sqrt(vhat) on f (c s on c f) the updates differ by
//   lr |mhat| |1/(s + eps) - c/(c s + eps)| <= lr (|mhat|/s) (eps/s) |1 - 1/c|,
// and s >= min_j |g_j| (vhat is a weighted mean of past g^2, weights summing to 1). With
// B = |mhat|/s (<= ~1.2 for Adam's defaults over 10 steps, Cauchy-Schwarz, optim/rules/adam.hpp)
// the per-step difference is <= lr B eps |1 - 1/c| / g_min. Tolerance after k steps:
//   100 k lr eps |1 - 1/c| / g_min + 1e-12 k max(|x_k|_inf, lr)
// (factor 100: B, accumulators that are not normalised means such as RMSprop's (1 - alpha)
// sums, sqrt(1/(1 - 0.99)) = 10, and the propagation of the difference through the gradient
// over 10 steps; 1e-12 k: rounding, ~10 u per step relative, amplified at most mildly).
// When the eps term reaches 1e-2 lr per step the check cannot separate eps from a violation:
// undecided.
Outcome scale_invariance(const Subject& s, const Case& c) {
  const AdaptiveDeclaration& a = *s.declared.adaptive;
  const int n = c.dim, k_steps = 10;
  Vec diag(n), x0(n);
  for (int i = 0; i < n; ++i) diag[i] = n == 1 ? 1.0 : std::pow(c.condition, -static_cast<double>(i) / (n - 1));
  optim::SplitMix64 rng(c.seed * 0x9fb21c651e98df25ULL + 29);
  rng.next();
  const double dist = std::max(1.0, 30.0 * k_steps * a.lr);
  for (int i = 0; i < n; ++i) x0[i] = (rng.uniform() < 0.5 ? -1 : 1) * dist * (1 + rng.uniform());
  const double cf = std::abs(std::log10(c.scale)) >= 0.5 ? c.scale : 100 * c.scale;
  const DiagonalQuadratic f(diag);
  const ScaledObjective g(f, cf);
  auto o1 = fresh_optimizer(s);
  auto o2 = fresh_optimizer(s);
  optim::Oracle<double> or1(f), or2(g);
  Vec x = x0, y = x0;
  nlohmann::json figs = {{"c", cf}, {"steps", k_steps}, {"lr", a.lr}, {"eps", a.eps}};
  std::vector<double> diffs;
  for (int k = 1; k <= k_steps; ++k) {
    o1->step(or1, x);
    o2->step(or2, y);
    diffs.push_back((x - y).cwiseAbs().maxCoeff());
  }
  const double gmin = std::min(f.min_abs_gradient(), std::abs(cf) * f.min_abs_gradient());
  const double eps_per_step = a.eps * std::abs(1 - 1 / cf) / f.min_abs_gradient();
  figs["g_min"] = f.min_abs_gradient();
  figs["eps_term_per_step_over_lr"] = eps_per_step;
  figs["max_abs_diff"] = diffs;
  if (!(100 * eps_per_step <= 1e-2) || !(gmin > 0))
    return Outcome::undecided("the eps term 100 eps |1 - 1/c| / g_min = " + str(100 * eps_per_step) +
                                  " of lr per step (g_min = " + str(f.min_abs_gradient()) +
                                  ") is too large to separate eps from a violation",
                              figs);
  double worst = 0;
  // Recompute the iterates' scale for the tolerance at the end (max |x| over the run is at
  // most the start's scale for a convergent run; use the larger of the start and the end).
  const double xscale = std::max({x0.cwiseAbs().maxCoeff(), x.cwiseAbs().maxCoeff(), a.lr});
  for (int k = 1; k <= k_steps; ++k) {
    const double tol = 100.0 * k * a.lr * eps_per_step + 1e-12 * k * xscale;
    const double d = diffs[static_cast<std::size_t>(k - 1)];
    if (!(d <= tol)) {
      figs["step"] = k;
      figs["tolerance"] = tol;
      return Outcome::fail("after " + std::to_string(k) + " steps on c f (c = " + str(cf) + ") and on f: |x - y|_inf = " +
                               str(d) + " > tolerance " + str(tol) + " (100 k lr eps |1 - 1/c| / g_min + 1e-12 k max|x|; lr = " +
                               str(a.lr) + ", eps = " + str(a.eps) + ", g_min = " + str(f.min_abs_gradient()) + ")",
                           figs);
    }
    worst = std::max(worst, d / tol);
  }
  return Outcome::pass(std::to_string(k_steps) + " steps on f and on " + str(cf) +
                           " f: iterates agree within the eps and rounding tolerance (worst " + str(worst) +
                           " of it; final |x - y|_inf = " + str(diffs.back()) + ")",
                       figs);
}

}  // namespace momentum_adaptive_properties_detail

std::vector<Property> momentum_properties() {
  std::vector<Property> out;
  Property p;
  p.suite = "momentum";
  p.id = "conformance.momentum.linear-rate";
  p.title = "Momentum method's linear rate on strongly convex quadratics";
  p.source = {"004_3d3d1f2b4537bb54.txt", "2.4", "(8)", "L150-L156"};
  p.statement = "On strongly convex quadratics with Hessian eigenvalues in [mu, L], ||x_k - x*|| <= C q^k with q the "
                "declared claimed rate, or else the spectral radius of the heavy-ball recurrence (8), "
                "max over lambda in {mu, L} of the largest |root| of z^2 - (1 + alpha - eta lambda) z + alpha "
                "(companion matrix of e_{k+1} = (1 + alpha - eta lambda) e_k - alpha e_{k-1}; Polyak 1964 for the "
                "optimal parameters' value (sqrt(kappa) - 1)/(sqrt(kappa) + 1)).";
  p.check = "A seeded quadratic with condition <= 100 and step * L = [0.4, 1.6] * (1 + momentum) (inside the stability "
            "region step * L < 2 (1 + momentum)); run until the error is 1e-12 of the initial (at most 2 log(1e-12)/log "
            "q + 50 steps); fit the geometric rate (analysis/rates fit_geometric) of the suffix-max envelope of "
            "||x_k - x*|| from 1e-1 to 1e-10 of the initial error. Pass if log q_fit <= 0.95 log q + log(k1/k0)/(k1 - k0): "
            "5% for what the envelope leaves of complex-root oscillation, and the slope excess of a (nearly) double "
            "root, e_k ~ k q^k, over the window [k0, k1]. Divergence fails.";
  p.ranges.condition_max = 100;
  p.run = momentum_adaptive_properties_detail::momentum_linear_rate;
  out.push_back(p);
  return out;
}

std::vector<Property> adaptive_properties() {
  std::vector<Property> out;
  Property p;
  p.suite = "adaptive";
  p.id = "conformance.adaptive.first-step-magnitude";
  p.title = "Bias-corrected first step has magnitude lr in every coordinate";
  p.source = {"004_3d3d1f2b4537bb54.txt", "6.3", "(43)-(47)", "L416-L432"};
  p.statement = "With Adam-type bias correction (Kingma & Ba 2015 Alg. 1: mhat = m/(1 - b1^t), vhat = v/(1 - b2^t), t = 1 "
                "at the first step; 004 (45)-(46) print exponent k, the fix is k + 1), the first update of every "
                "coordinate is -lr g/(|g| + eps) (or -lr g/sqrt(g^2 + eps)): magnitude lr up to eps, whatever the "
                "gradient's scale.";
  p.check = "One step from x0 = 0 on f(x) = g^T x with |g_i| seeded log-uniformly in [1e-3, 1e3], random signs: "
            "|sign(g_i) (-x1_i)/lr - 1| <= max(eps/|g_i|, eps/(2 g_i^2)) + 1e-12 (the eps effect of either placement, "
            "plus rounding of ~1e-15 with margin); coordinates whose eps band exceeds 1e-2 are skipped and counted. "
            "A refused first step fails. A wrong exponent (1 - b^(t+1)) gives 0.744 lr and fails. Not applicable when "
            "bias_corrected = false.";
  p.run = momentum_adaptive_properties_detail::first_step_magnitude;
  out.push_back(p);

  p.id = "conformance.adaptive.scale-invariance";
  p.title = "Invariance to the objective's scale up to eps";
  p.source = {"004_3d3d1f2b4537bb54.txt", "6.3", "(43)-(47)", "L416-L432"};
  p.statement = "The per-coordinate normalisation mhat/sqrt(vhat) makes the trajectory on c f the trajectory on f, up to "
                "the effect of eps (Kingma & Ba 2015 §2.1: the step is invariant to the scale of the gradient).";
  p.check = "10 steps on a diagonal quadratic (curvatures 1 .. 1/condition, start at distance >= max(1, 300 lr)) and on "
            "c f (c = scale, or 100 scale when scale is within [10^-0.5, 10^0.5]). Tolerance after k steps: 100 k lr eps "
            "|1 - 1/c| / g_min + 1e-12 k max|x| (the eps effect per step is <= lr B eps |1 - 1/c| / g_min with B = "
            "|mhat|/sqrt(vhat) and g_min the smallest |gradient coordinate| seen; 100 covers B, non-normalised "
            "accumulators and propagation; 1e-12 k covers rounding). Undecided when the eps term exceeds 1e-2 lr.";
  p.ranges.condition_max = 100;
  p.run = momentum_adaptive_properties_detail::scale_invariance;
  out.push_back(p);
  return out;
}

}  // namespace ov::conformance
