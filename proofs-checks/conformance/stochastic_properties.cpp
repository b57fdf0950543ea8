// The stochastic suite (docs/conformance-line-search-fixed-point-stochastic.md): unbiasedness
// of the user's mini-batch sampling and of the mini-batch gradient; the plateau-vs-step
// relation of a constant-step method on the exact-oracle finite-sum quadratics
// (analysis/stochastic, docs/sgd-expectation.md).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/stats/binomial_interval.hpp"
#include "analysis/stochastic/quadratic_finite_sum.hpp"
#include "analysis/stochastic/sgd_expectation.hpp"
#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/conformance/core_properties.hpp"
#include "proofs-checks/conformance/double_rounding.hpp"
#include "proofs-checks/conformance/property_text.hpp"
#include "proofs-checks/conformance/test_problems.hpp"

namespace ov::conformance {

namespace stochastic_properties_detail {

// The declared sampler, or the library's uniform sampling with replacement.
std::vector<std::vector<std::size_t>> draw_batches(const StochasticDeclaration& d, std::size_t n, std::uint64_t seed,
                                                   std::size_t count) {
  std::vector<std::vector<std::size_t>> out;
  out.reserve(count);
  if (d.draw_batch) {
    for (std::size_t i = 0; i < count; ++i) out.push_back(d.draw_batch(n, d.batch_size, seed, i));
  } else {
    optim::BatchSampler s(n, d.batch_size, optim::Sampling::with_replacement, seed);
    for (std::size_t i = 0; i < count; ++i) out.push_back(s.next());
  }
  return out;
}

constexpr double kFamilyLevel = 0.01;  // family-wise error of each of the two checks

Outcome unbiased_sampling(const Subject& s, const Case& c) {
  if (!s.declared.stochastic) return Outcome::skip("no stochastic declaration");
  const StochasticDeclaration& d = *s.declared.stochastic;
  if (d.batch_size == 0) return Outcome::fail("declared batch_size = 0 (valid range [1, n])");
  const std::size_t b = d.batch_size;
  const std::size_t n = std::max<std::size_t>(12 + c.seed % 13, 2 * b);
  const std::size_t draws = std::max<std::size_t>(2000, (40000 + b - 1) / b);
  const auto batches = draw_batches(d, n, c.seed, draws);
  // (1) inclusion frequencies: occurrences of index i among the draws * b slots. For uniform
  // sampling each slot is index i with probability 1/n; the count is Binomial(draws b, 1/n)
  // with replacement, and less dispersed without (negatively associated), so the
  // Clopper-Pearson interval is valid or conservative. Bonferroni over the n indices: each
  // interval at confidence 1 - 0.01/n, family-wise error <= 0.01.
  std::vector<std::uint64_t> count(n, 0);
  for (std::size_t k = 0; k < batches.size(); ++k) {
    if (batches[k].size() != b)
      return Outcome::fail("draw " + std::to_string(k) + " has " + std::to_string(batches[k].size()) + " indices, declared batch_size " +
                           std::to_string(b));
    for (std::size_t i : batches[k]) {
      if (i >= n) return Outcome::fail("draw " + std::to_string(k) + " contains index " + std::to_string(i) + " outside [0, " + std::to_string(n) + ")");
      ++count[i];
    }
  }
  const std::uint64_t slots = static_cast<std::uint64_t>(draws * b);
  const double level = 1 - kFamilyLevel / static_cast<double>(n);
  double min_f = 1, max_f = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto ci = stats::clopper_pearson_interval(count[i], slots, level);
    const double p = 1.0 / static_cast<double>(n), f = static_cast<double>(count[i]) / static_cast<double>(slots);
    min_f = std::min(min_f, f);
    max_f = std::max(max_f, f);
    if (p < ci.lo || p > ci.hi) {
      return Outcome::fail("index " + std::to_string(i) + " of n = " + std::to_string(n) + " fills " + str(f) + " of " + std::to_string(slots) +
                               " batch slots; its Clopper-Pearson interval at level 1 - 0.01/n = " + str(level) + " is [" + str(ci.lo) + ", " +
                               str(ci.hi) + "], which excludes 1/n = " + str(p),
                           {{"index", i}, {"n", n}, {"frequency", f}, {"ci", {ci.lo, ci.hi}}, {"slots", slots}});
    }
  }
  // (2) the mean mini-batch gradient of a finite sum of seeded quadratics f_i = 1/2 x^T H_i x -
  // r_i^T x (H_i = M_i M_i^T / dim + I) at a seeded x equals the full gradient: per coordinate,
  // |mean - full| <= z sd / sqrt(draws) with z the two-sided normal quantile at 1 - 0.01/dim
  // (Bonferroni over coordinates; draws >= 2000 makes the normal approximation of the mean
  // of bounded i.i.d. terms accurate).
  const int dim = std::max(1, std::min(c.dim, 4));
  optim::SplitMix64 rng(c.seed ^ 0x3c3c3c3cULL);
  stochastic::FiniteSumQuadratic<double> p;
  for (std::size_t i = 0; i < n; ++i) {
    Mat m(dim, dim);
    for (int a = 0; a < dim; ++a)
      for (int e = 0; e < dim; ++e) m(a, e) = gaussian(rng);
    p.H.push_back(m * m.transpose() / dim + Mat::Identity(dim, dim));
    Vec r(dim);
    for (int a = 0; a < dim; ++a) r[a] = 3 * gaussian(rng);
    p.r.push_back(r);
  }
  const stochastic::QuadraticFiniteSum<double> fs(p);
  Vec x(dim);
  for (int a = 0; a < dim; ++a) x[a] = gaussian(rng);
  const Vec full = fs.gradient(x);
  Vec sum = Vec::Zero(dim), sum_sq = Vec::Zero(dim);
  for (const auto& batch : batches) {
    const Vec g = fs.batch_gradient(x, batch) - full;  // centred for accuracy
    sum += g;
    sum_sq += g.cwiseProduct(g);
  }
  const double D = static_cast<double>(draws);
  const double z = stats::two_sided_normal_quantile(1 - kFamilyLevel / dim);
  double worst = 0;
  nlohmann::json coords = nlohmann::json::array();
  for (int a = 0; a < dim; ++a) {
    const double mean = sum[a] / D;
    const double var = std::max(0.0, (sum_sq[a] - D * mean * mean) / (D - 1));
    const double half = z * std::sqrt(var / D) + 8 * kEps * std::abs(full[a]);
    coords.push_back({{"full", full[a]}, {"mean_minus_full", mean}, {"half_width", half}});
    worst = std::max(worst, std::abs(mean) / (half > 0 ? half : 1.0));
    if (std::abs(mean) > half) {
      return Outcome::fail("the mean of " + std::to_string(draws) + " mini-batch gradients differs from the full gradient in coordinate " +
                               std::to_string(a) + " by " + str(mean) + " (full " + str(full[a]) + "), beyond the half-width " + str(half) +
                               " (z = " + str(z) + " at level 1 - 0.01/dim)",
                           {{"coordinates", coords}, {"draws", draws}, {"n", n}, {"batch", b}});
    }
  }
  nlohmann::json fig = {{"n", n}, {"batch", b}, {"draws", draws}, {"frequency_range", {min_f, max_f}}, {"expected_frequency", 1.0 / n},
                        {"gradient_coordinates", coords}, {"worst_gradient_deviation_over_half_width", worst},
                        {"family_level_each_check", kFamilyLevel}, {"sampler", d.draw_batch ? "declared draw_batch" : "library with_replacement"}};
  return Outcome::pass("over " + std::to_string(draws) + " draws of " + std::to_string(b) + " indices from n = " + std::to_string(n) +
                           ": every inclusion frequency in [" + str(min_f) + ", " + str(max_f) + "] is consistent with 1/n = " +
                           str(1.0 / n) + " (Clopper-Pearson, level 1 - 0.01/n each), and the mean mini-batch gradient equals the full "
                           "gradient within its Bonferroni interval (worst deviation " + str(worst) + " of the half-width)",
                       fig);
}

// ---- plateau vs step ----

// The plateau of E ||grad f||^2 for one step h: Monte-Carlo over `runs` runs of K steps.
struct Plateau {
  double window_mean = 0, window_se = 0;  // mean over runs of the per-run average over k in (K/2, K]
  double full_mean = 0, full_se = 0;      // same over k = 1..K (Theorem 4.8's average)
  int steps = 0;
  bool diverged = false;
};

Plateau monte_carlo(const Subject& s, double h, const stochastic::QuadraticFiniteSum<double>& fs, std::size_t b, const Vec& start,
                    int K, int runs, std::uint64_t seed) {
  Plateau pl;
  pl.steps = K;
  double sw = 0, sww = 0, sf = 0, sff = 0;
  for (int r = 0; r < runs; ++r) {
    auto opt = s.make_with_step(h);
    optim::SplitMix64 mix(seed ^ (0x2545f4914f6cdd1dULL * static_cast<std::uint64_t>(r + 1)));
    optim::BatchSampler sampler(fs.num_samples(), b, optim::Sampling::with_replacement, mix.next());
    optim::Oracle<double> oracle(fs, sampler);
    Vec x = start;
    double acc_w = 0, acc_f = 0;
    int n_w = 0;
    for (int k = 1; k <= K; ++k) {
      // theta_k (k = 1 is the start), as 003 Theorem 4.8 indexes it.
      const double gsq = fs.problem().gradient(x).squaredNorm();
      if (!std::isfinite(gsq)) {
        pl.diverged = true;
        return pl;
      }
      acc_f += gsq;
      if (k > K / 2) {
        acc_w += gsq;
        ++n_w;
      }
      oracle.next_batch();
      const auto rep = opt->step(oracle, x);
      if (rep.refused()) {
        pl.diverged = true;
        return pl;
      }
    }
    const double w = acc_w / n_w, f = acc_f / K;
    sw += w;
    sww += w * w;
    sf += f;
    sff += f * f;
  }
  const double R = runs;
  pl.window_mean = sw / R;
  pl.window_se = std::sqrt(std::max(0.0, (sww - R * pl.window_mean * pl.window_mean) / (R - 1)) / R);
  pl.full_mean = sf / R;
  pl.full_se = std::sqrt(std::max(0.0, (sff - R * pl.full_mean * pl.full_mean) / (R - 1)) / R);
  return pl;
}

// Does the subject behave as plain (S)GD x+ = x - h g at step h? Three steps on a
// deterministic quadratic, per coordinate within 4 eps (|x_i| + h |g_i|) (two roundings).
bool behaves_as_plain_sgd(const Subject& s, double h, const Case& c) {
  const QuadraticObjective q = make_quadratic(c, 1.0);
  optim::Oracle<double> oracle(q);
  auto opt = s.make_with_step(h);
  Vec x = start_point(c, q.minimizer(), 1.0, 21);
  for (int k = 0; k < 3; ++k) {
    const Vec x0 = x, g = q.gradient(x);
    if (opt->step(oracle, x).status != optim::StepStatus::taken) return false;
    for (Eigen::Index i = 0; i < x.size(); ++i)
      if (std::abs(x[i] - (x0[i] - h * g[i])) > 4 * kEps * (std::abs(x0[i]) + h * std::abs(g[i]))) return false;
  }
  return true;
}

constexpr double kZ = 2.5758293035489;  // two-sided 99% normal quantile
constexpr double kRatioLo = 1.5, kRatioHi = 3.5;
constexpr int kRuns = 200;
constexpr double kMinStep = 0.01;  // K = 60/h + 2 <= 6002 steps per run

Outcome plateau_vs_step(const Subject& s, const Case& c) {
  if (!s.declared.stochastic) return Outcome::skip("no stochastic declaration");
  if (!s.make_with_step) return Outcome::skip("the subject provides no make_with_step (needed to run at steps h and h/2)");
  const StochasticDeclaration& d = *s.declared.stochastic;
  const double h = d.step;
  if (!(h > 0 && h <= 1)) {
    return Outcome::skip("declared step " + str(h) + " is outside (0, 1] = (0, 1/(L M_G)] of the test problem (003 (4.18))");
  }
  if (h < kMinStep) {
    return Outcome::skip("declared step " + str(h) + " is below " + str(kMinStep) + ": the transient at h/2 needs 60/h steps per run, " +
                         "more than this property's Monte-Carlo budget (" + std::to_string(kRuns) + " runs of at most 6002 steps)");
  }
  const std::size_t b = std::max<std::size_t>(1, d.batch_size);
  // The isotropic problem f_i = 1/2 ||x - c_i||^2 (seed-003-004-sgd-survey.md §2.4 (i)):
  // L = mu = 1, M_G = 1, M = sigma^2_pop / b for a batch of b drawn with replacement,
  // f_inf = sigma^2_pop / 2. n = max(8, b) seeded centres in dimension 2.
  const int n = static_cast<int>(std::max<std::size_t>(8, b));
  optim::SplitMix64 rng(c.seed ^ 0x7f7f7f7fULL);
  std::vector<::ov::Vec<double>> centers;
  for (int i = 0; i < n; ++i) {
    ::ov::Vec<double> ci(2);
    ci << gaussian(rng), gaussian(rng);
    centers.push_back(ci);
  }
  const auto problem = stochastic::isotropic_means<double>(centers);
  const stochastic::QuadraticFiniteSum<double> fs(problem);
  const Vec cbar = problem.mean_linear();
  double sigma2 = 0;
  for (const auto& ci : centers) sigma2 += (ci - cbar).squaredNorm();
  sigma2 /= n;
  const double M = sigma2 / static_cast<double>(b), L = 1;
  Vec start = cbar + start_point(c, Vec::Zero(2), 1.0, 22);
  // K: the slower run (h/2) contracts by (1 - h/2)^(K/2) <= e^-15 before its window starts.
  const int K = static_cast<int>(std::ceil(60.0 / h)) + 2;
  const Plateau p1 = monte_carlo(s, h, fs, b, start, K, kRuns, c.seed ^ 0x1111ULL);
  const Plateau p2 = monte_carlo(s, h / 2, fs, b, start, K, kRuns, c.seed ^ 0x2222ULL);
  nlohmann::json fig = {{"step", h},
                        {"batch", b},
                        {"n", n},
                        {"sigma2_pop", sigma2},
                        {"steps", K},
                        {"runs", kRuns},
                        {"plateau_h", {{"mean", p1.window_mean}, {"se", p1.window_se}}},
                        {"plateau_h_half", {{"mean", p2.window_mean}, {"se", p2.window_se}}}};
  if (p1.diverged || p2.diverged) return Outcome::fail("the run diverged or a step was refused on the isotropic finite sum", fig);
  const double ratio = p1.window_mean / p2.window_mean;
  const double rel_se = std::sqrt(std::pow(p1.window_se / p1.window_mean, 2) + std::pow(p2.window_se / p2.window_mean, 2));
  const double r_lo = ratio * (1 - kZ * rel_se), r_hi = ratio * (1 + kZ * rel_se);
  fig["ratio"] = {{"estimate", ratio}, {"ci99", {r_lo, r_hi}}, {"accepted", {kRatioLo, kRatioHi}}};
  std::string text = "E||grad f||^2 plateau (mean over steps " + std::to_string(K / 2 + 1) + ".." + std::to_string(K) + ", " +
                     std::to_string(kRuns) + " runs) at h = " + str(h) + ": " + str(p1.window_mean) + " +- " + str(p1.window_se) +
                     ", at h/2: " + str(p2.window_mean) + " +- " + str(p2.window_se) + "; ratio " + str(ratio) + " (99% CI [" +
                     str(r_lo) + ", " + str(r_hi) + "], accepted [" + str(kRatioLo) + ", " + str(kRatioHi) + "])";
  if (r_hi < kRatioLo || r_lo > kRatioHi) return Outcome::fail(text + ": the plateau is not proportional to the step", fig);
  bool decided = ratio >= kRatioLo && ratio <= kRatioHi && (r_hi - r_lo) < 1.0;
  // Plain SGD: 003 Theorem 4.8 (4.19) bounds the average over k = 1..K, and the exact oracle
  // (analysis/stochastic) gives E||grad f(theta_k)||^2 exactly: the Monte-Carlo window mean
  // must agree with it within its 99% interval.
  const bool plain = behaves_as_plain_sgd(s, h, c);
  fig["plain_sgd"] = plain;
  if (plain) {
    for (int which = 0; which < 2; ++which) {
      const double step = which == 0 ? h : h / 2;
      const Plateau& pl = which == 0 ? p1 : p2;
      const double f1 = problem.value(start), f_inf = sigma2 / 2;
      const double bound = step * L * M + 2 * (f1 - f_inf) / (K * step);
      const stochastic::SgdExpectation<double> oracle(problem, static_cast<int>(b), stochastic::BatchDraw::with_replacement);
      const auto rec = oracle.run(start, [step](int) { return step; }, K);
      double exact = 0;
      int cnt = 0;
      for (const auto& row : rec)
        if (row.k > K / 2 && row.k <= K) {
          exact += row.expected_grad_sq;
          ++cnt;
        }
      exact /= cnt;
      const std::string tag = which == 0 ? "h" : "h/2";
      fig["theorem_4_8_bound_" + std::string(which == 0 ? "h" : "h_half")] = bound;
      fig["oracle_plateau_" + std::string(which == 0 ? "h" : "h_half")] = exact;
      text += "; at " + tag + ": average over k = 1..K " + str(pl.full_mean) + " vs 003 (4.19) bound " + str(bound) +
              ", window mean vs exact oracle " + str(exact);
      if (pl.full_mean - kZ * pl.full_se > bound) return Outcome::fail(text + ": above Theorem 4.8's bound (4.19)", fig);
      if (std::abs(pl.window_mean - exact) > kZ * pl.window_se + 1e-12 * exact) {
        return Outcome::fail(text + ": the Monte-Carlo plateau at " + tag + " differs from the exact oracle's by " +
                                 str(pl.window_mean - exact) + " > 2.576 se = " + str(kZ * pl.window_se),
                             fig);
      }
    }
  }
  if (!decided) return Outcome::undecided(text + ": the ratio's interval is too wide or straddles the accepted range", fig);
  return Outcome::pass(text + (plain ? " (plain SGD: bound and exact oracle agree)" : ""), fig);
}

}  // namespace stochastic_properties_detail

std::vector<Property> stochastic_properties() {
  namespace d = stochastic_properties_detail;
  std::vector<Property> v;
  CaseRanges r;
  r.dim_min = 1;
  r.dim_max = 4;
  {
    Property p;
    p.id = "conformance.stochastic.unbiased-sampling";
    p.suite = "stochastic";
    p.title = "Uniform sampling and unbiased mini-batch gradients";
    p.source = {"003_61d556b637c4f269.txt", "4.3.1-4.3.2", "E_i[grad L_i] = grad f", "L703-L730"};
    p.statement = "The declared sampler (default: uniform with replacement) includes each index with frequency 1/n per batch "
                  "slot, and the mean mini-batch gradient of a finite sum is the full gradient (003 §4.3.1-4.3.2; "
                  "seed-003-004-sgd-survey.md C11).";
    p.check = "n = max(12 + seed mod 13, 2 b) samples, max(2000, 40000/b) draws. Each index's count among the draws x b slots: "
              "Clopper-Pearson interval at level 1 - 0.01/n (Bonferroni, family-wise error 0.01; conservative without "
              "replacement) must contain 1/n. Seeded quadratic finite sum (H_i = M M^T/d + I, d = min(dim, 4)) at a seeded x: "
              "per coordinate |mean of batch gradients - full| <= z sd/sqrt(draws) + 8 eps |full|, z at level 1 - 0.01/d.";
    p.ranges = r;
    p.run = d::unbiased_sampling;
    v.push_back(p);
  }
  {
    Property p;
    p.id = "conformance.stochastic.plateau-vs-step";
    p.suite = "stochastic";
    p.title = "The constant-step plateau is proportional to the step";
    p.source = {"004_3d3d1f2b4537bb54.txt", "4.2", "Proposition 2, (27), (29)", "L308-L322"};
    p.statement = "With a constant step h the method stagnates at a plateau of size O(h) (004 (29)); halving the step "
                  "halves the plateau to first order; for plain SGD the plateau obeys 003 Theorem 4.8 (4.19) and equals the "
                  "exact expectation of analysis/stochastic.";
    p.check = "Isotropic finite sum f_i = 1/2 ||x - c_i||^2 (n = max(8, b) seeded centres in R^2; L = mu = M_G = 1, "
              "M = sigma^2/b), batches with replacement. 200 Monte-Carlo runs of K = ceil(60/h) + 2 steps at h and h/2 "
              "(make_with_step; declared steps below 0.01 are not applicable: budget); plateau = mean over runs of the per-run average of ||grad f(x_k)||^2 over k in (K/2, K]. "
              "Ratio plateau(h)/plateau(h/2) with a 99% delta-method interval: fails when the interval lies outside [1.5, 3.5], "
              "passes when the estimate is inside and the interval narrower than 1, else undecided. Why [1.5, 3.5]: plateau = a h "
              "+ O(h^2); exactly (4 - h)/(2 - h) in (2, 3] for SGD and (4(1+m) - h)/(2(1+m) - h) for heavy ball with momentum m, "
              "h <= 1; 1 means no shrinkage, 4 a plateau in h^2. When the subject behaves as plain SGD (three deterministic "
              "steps equal x - h g to 4 eps), the 1..K average must not exceed (4.19)'s h L M + 2 (f(x_1) - f_inf)/(K h) beyond "
              "2.576 se, and the window mean must equal the exact oracle's (SgdExpectation) within 2.576 se.";
    p.ranges = r;
    p.run = d::plateau_vs_step;
    v.push_back(p);
  }
  return v;
}

}  // namespace ov::conformance
