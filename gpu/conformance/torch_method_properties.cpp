// The descent, momentum and adaptive suites on torch::optim::Optimizers
// (docs/conformance-torch.md): the statements of the generic-rule suites
// (docs/conformance-universal-descent.md), on quadratics written with torch ops.
#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/rates/rate_comparison.hpp"
#include "analysis/rates/rate_fit.hpp"
#include "gpu/conformance/torch_property_definition.hpp"
#include "gpu/conformance/torch_subject.hpp"
#include "gpu/conformance/torch_test_problems.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/conformance/double_rounding.hpp"
#include "proofs-checks/conformance/linear_rates.hpp"
#include "proofs-checks/conformance/property_text.hpp"

namespace ov::conformance {

namespace torch_method_properties_detail {

// Fits err_k ~ C q^k on the second half of a run and compares with the claimed q + tol.
Outcome compare_rate(const std::vector<double>& err, double q, double tol, const std::string& what,
                     nlohmann::json fig) {
  const auto K = static_cast<std::int64_t>(err.size()) - 1;
  fig["claimed_rate"] = q;
  fig["tolerance"] = tol;
  fig["steps"] = K;
  if (K - K / 2 + 1 < 6 || !(q > 0)) {
    // The error reached the floor (1e-12 of the start) within a few steps: too few points for a
    // fit; the average rate over the run is compared instead (it can exceed q only through the
    // constant C, so a larger value is undecided, not a failure).
    const double avg = K > 0 ? std::pow(err[static_cast<std::size_t>(K)] / err[0], 1.0 / static_cast<double>(K)) : 0;
    fig["average_rate"] = avg;
    const std::string numbers = what + ": the error fell to " + str(err.back()) + " from " + str(err[0]) + " in " +
                                str(K) + " steps, average rate " + str(avg) + ", claimed " + str(q) +
                                " + tolerance " + str(tol);
    if (avg <= q + tol) return Outcome::pass(numbers, fig);
    return Outcome::undecided(numbers + " (too few steps for a fit)", fig);
  }
  std::vector<std::int64_t> ks;
  std::vector<double> es;
  for (std::int64_t k = K / 2; k <= K; ++k) {
    ks.push_back(k);
    es.push_back(err[static_cast<std::size_t>(k)]);
  }
  const auto seq = rates::make_sequence(ks, es, "||x_k - x*||");
  const auto fit = rates::fit_geometric(seq, rates::Window{K / 2, K});
  const auto cmp = rates::compare_geometric_rate(fit, q, tol);
  if (fit.ok) {
    fig["fitted_rate"] = fit.estimate;
    fig["fitted_lo"] = fit.lo;
    fig["fitted_hi"] = fit.hi;
  }
  const std::string numbers = what + ": fitted rate " + (fit.ok ? str(fit.estimate) + " [" +
                                                                      str(fit.lo) + ", " +
                                                                      str(fit.hi) + "] (95%)"
                                                                : "none (" + fit.reason + ")") +
                              " on k in [" + str(K / 2) + ", " + str(K) + "], claimed " +
                              str(q) + " + tolerance " + str(tol);
  switch (cmp.verdict) {
    case rates::RateVerdict::holds: return Outcome::pass(numbers, fig);
    case rates::RateVerdict::violated: return Outcome::fail(numbers, fig);
    default: return Outcome::undecided(numbers + " (the interval straddles the claim)", fig);
  }
}

// Runs on the quadratic until K steps, the error 1e-12 of the start's (stops), or non-finite or
// 1e100 times the start's (diverged).
// Returns false (with the step) when the run diverged.
bool run_errors(TorchRun& r, const TorchQuadratic& q, std::int64_t K, std::vector<double>& err, std::int64_t& at) {
  err.assign(1, q.distance(r.flat()));
  for (std::int64_t k = 1; k <= K; ++k) {
    r.step_on(q);
    const double e = q.distance(r.flat());
    err.push_back(e);
    if (!std::isfinite(e) || e > 1e100 * err[0]) {
      at = k;
      return false;
    }
    if (e <= 1e-12 * err[0]) break;  // the rounding floor is near: later points carry no rate
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
Outcome monotone_decrease(const TorchSubject& s, const Case& c) {
  const auto& d = s.declared.descent;
  if (!d || !d->monotone || !(d->step > 0))
    return Outcome::skip("needs a descent declaration with monotone = true and a fixed step > 0");
  optim::SplitMix64 rng(c.seed ^ 0x7f4a7c159e3779b9ULL);
  const double frac = 0.5 + 0.45 * rng.uniform();  // step L in [0.5, 0.95] x the bound
  const double L = frac * d->stable_step_times_L / d->step;
  const TorchQuadratic q = make_torch_quadratic(c, L);
  TorchRun r(s, torch_start_point(c, q.x_star, c.scale, 7), TorchLayout::one_tensor(c.dim));
  constexpr int kSteps = 100;
  at::Tensor x = r.flat();
  double f = q.value(x);
  for (int k = 0; k < kSteps; ++k) {
    const double d0 = q.distance(x), n0 = at::norm(x).item<double>();
    r.step_on(q);
    x = r.flat();
    const double f1 = q.value(x);
    const double d1 = q.distance(x), n1 = at::norm(x).item<double>();
    // The generic suite's slack (docs/conformance-universal-descent.md), u = 2^-53: the rounding
    // of the two evaluations of 1/2 d^T (A d) (gamma_{2n+3} 1/2 |d|^T |A| |d|, || |A| ||_2 <=
    // sqrt(n) L) plus that of the stored iterate (first order), both doubled.
    const double u = kEps / 2, n = c.dim;
    const double tol = (2 * n + 3) * std::sqrt(n) * u * L * (d0 * d0 + d1 * d1) + 2 * u * L * d1 * (n0 + n1);
    if (!(f1 <= f + tol))
      return Outcome::fail("step " + str(k + 1) + ": f rose from " + str(f) + " to " +
                               str(f1) + " (rounding tolerance " + str(tol) + ") with step L = " +
                               str(d->step * L) + " < bound " + str(d->stable_step_times_L),
                           {{"step", k + 1}, {"f_before", f}, {"f_after", f1}, {"tolerance", tol}, {"step_times_L", d->step * L}});
    f = f1;
  }
  return Outcome::pass(str(kSteps) + " steps, f non-increasing within rounding, step L = " +
                           str(d->step * L) + " (bound " + str(d->stable_step_times_L) + ")",
                       {{"steps", kSteps}, {"step_times_L", d->step * L}, {"final_f", f}});
}

// ---------------------------------------------------------------------------------------------
Outcome descent_rate(const TorchSubject& s, const Case& c) {
  const auto& d = s.declared.descent;
  if (!d || !(d->step > 0)) return Outcome::skip("needs a descent declaration with a fixed step > 0");
  const double L = 0.5 * std::min(d->stable_step_times_L, 2.0) / d->step;  // step L = 1 for GD
  const TorchQuadratic q = make_torch_quadratic(c, L);
  const double rate = d->claimed_rate ? d->claimed_rate(q.mu, q.L) : gd_rate(d->step, q.mu, q.L);
  if (!(rate < 1)) return Outcome::skip("the claimed rate " + str(rate) + " is not < 1");
  const auto K = static_cast<std::int64_t>(std::min(5000.0, std::ceil(25 / (1 - rate))));
  TorchRun r(s, torch_start_point(c, q.x_star, c.scale, 8), TorchLayout::one_tensor(c.dim));
  std::vector<double> err;
  std::int64_t at = 0;
  const nlohmann::json fig = {{"mu", q.mu}, {"L", q.L}};
  if (!run_errors(r, q, K, err, at))
    return Outcome::fail("diverged: ||x_k - x*|| = " + str(err.back()) + " at step " + str(at) +
                             " from " + str(err[0]) + " (claimed rate " + str(rate) + ")",
                         fig);
  return compare_rate(err, rate, 0.1 * (1 - rate), "descent on mu = " + str(q.mu) + ", L = " + str(q.L), fig);
}

// ---------------------------------------------------------------------------------------------
Outcome momentum_rate(const TorchSubject& s, const Case& c) {
  const auto& m = s.declared.momentum;
  if (!m || !(m->step > 0)) return Outcome::skip("needs a momentum declaration with a step > 0");
  const double L = 1 / m->step;
  const TorchQuadratic q = make_torch_quadratic(c, L);
  double rate = 0;
  if (s.declared.descent && s.declared.descent->claimed_rate) {
    rate = s.declared.descent->claimed_rate(q.mu, q.L);
  } else {
    for (double lam : q.eigenvalues) rate = std::max(rate, heavy_ball_radius(m->step, m->momentum, lam));
  }
  if (!(rate < 1)) return Outcome::skip("the claimed rate " + str(rate) + " is not < 1");
  const auto K = static_cast<std::int64_t>(std::min(4000.0, std::ceil(30 / (1 - rate))));
  TorchRun r(s, torch_start_point(c, q.x_star, c.scale, 9), TorchLayout::one_tensor(c.dim));
  std::vector<double> err;
  std::int64_t at = 0;
  const nlohmann::json fig = {{"mu", q.mu}, {"L", q.L}, {"momentum", m->momentum}};
  if (!run_errors(r, q, K, err, at))
    return Outcome::fail("diverged: ||x_k - x*|| = " + str(err.back()) + " at step " + str(at),
                         fig);
  return compare_rate(err, rate, 0.1 * (1 - rate),
                      "heavy ball (step " + str(m->step) + ", momentum " + str(m->momentum) +
                          ") on mu = " + str(q.mu) + ", L = " + str(q.L),
                      fig);
}

// ---------------------------------------------------------------------------------------------
Outcome first_step_magnitude(const TorchSubject& s, const Case& c) {
  const auto& a = s.declared.adaptive;
  if (!a || !a->bias_corrected) return Outcome::skip("needs an adaptive declaration with bias_corrected = true");
  optim::SplitMix64 rng(c.seed ^ 0x3c6ef372fe94f82bULL);
  std::vector<double> gv(static_cast<std::size_t>(c.dim));
  for (auto& g : gv) g = (rng.uniform() < 0.5 ? -1 : 1) * c.scale * (1 + rng.uniform());
  TorchRun r(s, at::zeros({c.dim}, at::TensorOptions().dtype(at::kDouble)), TorchLayout::one_tensor(c.dim));
  r.set_gradient(double_tensor(gv));
  r.step();
  const std::vector<double> x = to_vector(r.flat());  // x0 = 0: the step itself, no cancellation
  double worst = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    // |dx| = lr |g| / (|g| + eps) up to rounding: relative tolerance 1e-12 (a few dozen
    // roundings of bias corrections and a square root) plus 2 eps / |g|.
    const double tol = a->lr * (1e-12 + 2 * a->eps / std::fabs(gv[i]));
    const double dev = std::fabs(std::fabs(x[i]) - a->lr);
    worst = std::max(worst, dev / a->lr);
    if (!(dev <= tol) || !(x[i] * gv[i] < 0))
      return Outcome::fail("coordinate " + str(i) + ": gradient " + str(gv[i]) +
                               ", first step " + str(x[i]) + ", expected -sign(g) lr = " +
                               str(gv[i] > 0 ? -a->lr : a->lr) + " within " + str(tol),
                           {{"coordinate", i}, {"gradient", gv[i]}, {"step", x[i]}, {"lr", a->lr}, {"tolerance", tol}});
  }
  return Outcome::pass("first step of every coordinate = -sign(g) lr within relative " + str(worst) +
                           " (gradients of magnitude " + str(c.scale) + " to " +
                           str(2 * c.scale) + ")",
                       {{"worst_relative_deviation", worst}, {"lr", a->lr}});
}

// ---------------------------------------------------------------------------------------------
Outcome scale_invariance(const TorchSubject& s, const Case& c) {
  const auto& a = s.declared.adaptive;
  if (!a) return Outcome::skip("needs an adaptive declaration");
  optim::SplitMix64 rng(c.seed ^ 0xa54ff53a5f1d36f1ULL);
  int j = 0;
  while (j == 0) j = static_cast<int>(rng.next() % 17) - 6;  // c = 2^j, j in [-6, 10] \ {0}
  const double cs = std::ldexp(1.0, j);
  std::vector<double> b(static_cast<std::size_t>(c.dim)), cb(b.size());
  double m = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < b.size(); ++i) {
    b[i] = (rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform());
    cb[i] = cs * b[i];  // exact: a power of 2
    m = std::min(m, std::fabs(b[i]));
  }
  const at::Tensor x0 = torch_start_point(c, at::zeros({c.dim}, at::TensorOptions().dtype(at::kDouble)), c.scale, 10);
  TorchRun r1(s, x0, TorchLayout::one_tensor(c.dim)), r2(s, x0, TorchLayout::one_tensor(c.dim));
  const at::Tensor g1 = double_tensor(b), g2 = double_tensor(cb);
  constexpr int kSteps = 20;
  std::vector<double> path(b.size(), 0.0), prev = to_vector(x0);
  for (int k = 0; k < kSteps; ++k) {
    r1.set_gradient(g1);
    r1.step();
    r2.set_gradient(g2);
    r2.step();
    const std::vector<double> x = to_vector(r1.flat());
    for (std::size_t i = 0; i < x.size(); ++i) path[i] += std::fabs(x[i] - prev[i]);
    prev = x;
  }
  const std::vector<double> x1 = to_vector(r1.flat()), x2 = to_vector(r2.flat());
  // The gradients are b (|b_i| in [1, 2]) for f(x) = b^T x and c b for c f. Without eps the
  // rule is exactly invariant (c a power of 2: every moment scales exactly). eps perturbs each
  // step relatively by at most 20 eps (max(1, 1/c)/m + max(1, 1/c^2)/m^2) (eps added outside or
  // inside the root, second moment at least 1/20 of g^2 after the first step for beta2 <= 0.95
  // and more for larger beta2 with bias correction); rounding adds 64 eps_mach per coordinate.
  const double delta =
      20 * a->eps * (std::max(1.0, 1 / cs) / m + std::max(1.0, 1 / (cs * cs)) / (m * m)) + 1e-14;
  double worst = 0, worst_tol = 0;
  for (std::size_t i = 0; i < x1.size(); ++i) {
    const double tol = delta * path[i] + 64 * kEps * (std::fabs(x1[i]) + path[i]);
    const double dev = std::fabs(x1[i] - x2[i]);
    if (!(dev <= tol))
      return Outcome::fail("objective scaled by c = 2^" + str(j) + ": after " + str(kSteps) +
                               " steps coordinate " + str(i) + " differs by " + str(dev) +
                               " (path length " + str(path[i]) + ", tolerance " + str(tol) + ")",
                           {{"c", cs}, {"coordinate", i}, {"difference", dev}, {"tolerance", tol}, {"path", path[i]}});
    if (dev > worst) {
      worst = dev;
      worst_tol = tol;
    }
  }
  return Outcome::pass("c = 2^" + str(j) + ": " + str(kSteps) +
                           " steps on f and c f agree within " + str(worst) + " (tolerance " +
                           str(worst_tol) + ")",
                       {{"c", cs}, {"max_difference", worst}});
}

claims::Source source_003_descent_lemma() {
  return {"003_61d556b637c4f269.txt", "4 (Lemma 4.2, Theorem 4.3)", "(4.11), (4.13)", "L636-L670"};
}

// 004 §6.3: the Adam optimizer (the adaptive suite's statements).
claims::Source source_004_adam() { return {"004_3d3d1f2b4537bb54.txt", "6.3", "(43)-(47)", "L418-L432"}; }

}  // namespace torch_method_properties_detail

std::vector<TorchProperty> torch_method_properties() {
  using namespace torch_method_properties_detail;
  return {
      torch_property("conformance.torch-descent.monotone-decrease", "descent",
          "Monotone decrease on convex quadratics below the declared step bound (LibTorch)",
          source_003_descent_lemma(),
          "With its declared step h, the optimizer decreases f monotonically on every convex quadratic "
          "whose largest Hessian eigenvalue L satisfies h L < the declared bound (2 for gradient descent: "
          "003 Lemma 4.2 and (4.13), f(x+) <= f(x) - h (1 - h L / 2) ||g||^2).",
          "The case's quadratic with h L drawn in [0.5, 0.95] x the bound (strictly below), 100 steps; "
          "f(x_{k+1}) <= f(x_k) + slack, slack = (2n+3) sqrt(n) u L (|d_k|^2 + |d_{k+1}|^2) + 2 u L |d_{k+1}| "
          "(|x_k| + |x_{k+1}|), u = 2^-53, d = x - x*: the rounding of the two evaluations of 1/2 d^T A d "
          "and of the stored iterate, doubled (as the generic suite).",
          conditions_in(1, 1e3), monotone_decrease),
      torch_property("conformance.torch-descent.linear-rate", "descent",
          "Linear convergence on strongly convex quadratics at least at the claimed rate (LibTorch)",
          {"seed-003-004-sgd-survey.md", "C8 (c) [DERIVED] on 003 Lemma 4.2", "", ""},
          "On a quadratic with Hessian eigenvalues in [mu, L], ||x_k - x*|| <= C q^k with q the declared "
          "rate, or the textbook rate of gradient descent max(|1 - h mu|, |1 - h L|).",
          "h L = min(bound, 2) / 2, condition in [2, 100]; K = min(5000, 25 / (1 - q)) steps or until the error is 1e-12 of "
          "the start's; geometric fit (analysis/rates fit_geometric, 95% interval) of ||x_k - x*|| on k in "
          "[K/2, K] (fewer than 6 points: the average rate (err_K / err_0)^(1/K) must be <= q + tolerance, "
          "else undecided); holds when the "
          "interval's upper end <= q + 0.1 (1 - q), violated when its lower end is above (10% of the "
          "convergence exponent: the slow mode's polynomial transient and rounding stay below it); "
          "divergence (non-finite or 1e100 x the start) fails.",
          conditions_in(2, 100), descent_rate),
      torch_property("conformance.torch-momentum.linear-rate", "momentum",
          "Momentum methods converge at least at the heavy-ball rate (LibTorch)",
          {"004_3d3d1f2b4537bb54.txt", "2.4", "(8)", "L152-L168"},
          "[EXT] The momentum method of 004 (8) with step h and momentum b converges on a quadratic at "
          "least at rate max over the Hessian eigenvalues lam of the spectral radius of its linear "
          "recurrence (the larger |root| of z^2 - (1 + b - h lam) z + b; Polyak 1964), or at the "
          "declared rate.",
          "h L = 1, condition in [20, 50] (where the momentum rate is clearly faster than plain gradient "
          "descent's 1 - h mu); K = min(4000, 30 / (1 - q)) steps; geometric fit on [K/2, K] compared with "
          "q + 0.1 (1 - q) as in the descent rate property (the margin covers the k q^k transient near "
          "double roots, about 2 / K in the exponent).",
          conditions_in(20, 50), momentum_rate),
      torch_property("conformance.torch-adaptive.first-step-magnitude", "adaptive",
          "Bias correction: the first step of every coordinate has magnitude lr (LibTorch)",
          source_004_adam(),
          "[EXT] For a bias-corrected adaptive method (Adam: Kingma & Ba 2015 §3), the first update of "
          "every coordinate with a nonzero gradient g is -sign(g) lr |g| / (|g| + eps), i.e. lr up to eps, "
          "whatever the gradient's scale.",
          "x0 = 0 (the step is read without cancellation); gradients of random sign and magnitude in "
          "[scale, 2 scale], scale in [1e-2, 1e2]; | |dx_i| - lr | <= lr (1e-12 + 2 eps / |g_i|): 1e-12 "
          "covers the few roundings of the moments, bias corrections and root.",
          CaseRanges{}, first_step_magnitude),
      torch_property("conformance.torch-adaptive.scale-invariance", "adaptive",
          "Adaptive steps do not depend on the objective's scale (up to eps) (LibTorch)",
          source_004_adam(),
          "[EXT] A per-coordinate adaptive method takes the same steps on f and on c f for c > 0, up to "
          "the effect of its eps.",
          "f(x) = b^T x with |b_i| in [1, 2] and c = 2^j, j in [-6, 10] (exact scaling of every moment); 20 "
          "steps on each; per coordinate |x - x'| <= delta path + 64 eps_mach (|x| + path) with path the "
          "sum of |dx| and delta = 20 eps (max(1, 1/c)/m + max(1, 1/c^2)/m^2), m = min |b_i|: the relative "
          "perturbation of a step by eps outside or inside the root.",
          CaseRanges{}, scale_invariance),
  };
}

}  // namespace ov::conformance
