// The mini-batch learning-rate finder of MBT-GD / MBT-MMT / MBT-NAG
// (000_47ba9189a2c8a171.txt §4.1.1-4.1.2, L550-580; seed-000-001-backtracking.md A12 and
// its 2-supplement on the authors' code, hank-nguyen/MBT-optimizer, OUTSIDE the documents):
//
//   for h = 1..K mini-batches F_h (own seeded sampler, batch size k of N samples):
//       delta_h = two-way backtracking learning rate for F_h with (alpha, beta)
//   delta* = rescale(k/N) * mean_h delta_h
//
// Fixed by the paper: alpha = 1e-4, beta = 1/2, K = 20 ("fixed in all experiments",
// L576-580); rescale by sqrt(k/N) (L550-560; the text also mentions delta/rho and
// delta/sqrt(rho) - the guide's consistent reading, confirmed by the code, multiplies by
// sqrt(k/N)). Not fixed by the paper, offered as options with the code's choice as default:
//   start    mean_of_previous (code: max(lower, mean of the earlier batches' rates); the
//            first batch starts at `start` = 1/100, Table 2's starting LR) | previous
//            (the previous batch's rate, two-way as in §2.5)
//   advance  sgd_step (code: after each batch one SGD step x <- x - rescale delta_h g on
//            the finder's copy of x, discarded at the end) | none (every batch at x)
//   bounds   delta in [lower, upper] = [1e-6, 100] (code; 100 is also the slides' cap),
//            and the shrink stops once delta ||g||^2 <= min_decrease = 1e-7 (code)
//   rescale  sqrt_ratio (default) | linear_ratio (k/N, the "popular" rule) | none
// Every search is bounded by max_trials (default 100). A batch whose shrink stopped at a
// bound without satisfying Armijo is counted in `unsatisfied` (its rate is still used,
// as in the code).
#pragma once

#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "optim/core/batch_sampler.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/reductions.hpp"
#include "optim/line_search/armijo_condition.hpp"

namespace ov::optim {

enum class LrRescale { sqrt_ratio, linear_ratio, none };
enum class FinderStart { mean_of_previous, previous };
enum class FinderAdvance { sgd_step, none };

template <class S>
struct MinibatchLrFinderParameters {
  S alpha = ops::ratio<S>(1, 10000);
  S beta = ops::ratio<S>(1, 2);
  int batches = 20;
  S start = ops::ratio<S>(1, 100);
  S lower = ops::ratio<S>(1, 1000000);
  S upper = S(100);
  S min_decrease = ops::ratio<S>(1, 10000000);
  int max_trials = 100;
  LrRescale rescale = LrRescale::sqrt_ratio;
  FinderStart start_rule = FinderStart::mean_of_previous;
  FinderAdvance advance = FinderAdvance::sgd_step;
};

template <class S>
struct LrFinderResult {
  S lr = S(0);                 // rescale * mean
  S mean = S(0);               // mean of the per-batch rates
  S factor = S(1);             // the rescale factor
  std::vector<S> per_batch;    // delta_h
  int trials = 0;              // points tried over all batches
  int unsatisfied = 0;         // batches whose search stopped at a bound without Armijo
};

// sqrt(k / N) for integers: ops::sqrt for scalars with a square root; exactly for the
// others (rational) when k/N in lowest terms is a ratio of perfect squares, else
// std::domain_error.
template <class S>
S sqrt_ratio(long k, long n) {
  if constexpr (ops::has_sqrt_v<S>) {
    return ops::sqrt(ops::ratio<S>(k, n));
  } else {
    auto isqrt = [](long m) {
      long r = static_cast<long>(std::sqrt(static_cast<double>(m)));
      while (r * r > m) --r;
      while ((r + 1) * (r + 1) <= m) ++r;
      return r;
    };
    const long d = std::gcd(k, n);
    if (d > 1) {
      k /= d;
      n /= d;
    }
    const long rk = isqrt(k), rn = isqrt(n);
    if (rk * rk != k || rn * rn != n) {
      throw std::domain_error("sqrt(" + std::to_string(k) + "/" + std::to_string(n) +
                              ") is not exact in this scalar; use rescale = linear_ratio or none");
    }
    return ops::ratio<S>(rk, rn);
  }
}

template <class S>
class MinibatchLrFinder {
 public:
  explicit MinibatchLrFinder(const MinibatchLrFinderParameters<S>& p = {}, std::string owner = "minibatch_lr_finder")
      : p_(p) {
    require_open_unit(owner, "alpha", p_.alpha);
    require_open_unit(owner, "beta", p_.beta);
    require_count(owner, "batches", p_.batches, 1);
    require_positive(owner, "lower", p_.lower);
    require(ops::is_finite(p_.upper) && p_.upper >= p_.lower, owner, "upper", p_.upper, "[lower, inf)");
    require(ops::is_finite(p_.start) && p_.start >= p_.lower && p_.start <= p_.upper, owner, "start", p_.start,
            "[lower, upper]");
    require_nonnegative(owner, "min_decrease", p_.min_decrease);
    require_count(owner, "max_trials", p_.max_trials, 2);
  }

  // Runs the finder from x (not modified) with Armijo constant `alpha` (the rule passes
  // 1e-4 or, once stuck, 1/2), on batches drawn from `batches`.
  LrFinderResult<S> find(Oracle<S>& f, const Vector<S>& x0, BatchSampler& batches, const S& alpha) const {
    LrFinderResult<S> res;
    const long k = static_cast<long>(batches.batch_size()), n = static_cast<long>(batches.num_samples());
    switch (p_.rescale) {
      case LrRescale::sqrt_ratio: res.factor = sqrt_ratio<S>(k, n); break;
      case LrRescale::linear_ratio: res.factor = ops::ratio<S>(k, n); break;
      case LrRescale::none: res.factor = S(1); break;
    }
    Vector<S> x = x0;
    S sum(0);
    for (int h = 0; h < p_.batches; ++h) {
      const Batch& b = batches.next();
      S start = p_.start;
      if (h > 0) start = p_.start_rule == FinderStart::previous ? res.per_batch.back() : ops::max(p_.lower, S(sum / S(h)));
      const Vector<S> g = f.batch_gradient(x, b);
      const S f0 = f.batch_value(x, b);
      const S lr = search(f, x, b, f0, g, start, alpha, res);
      res.per_batch.push_back(lr);
      sum += lr;
      if (p_.advance == FinderAdvance::sgd_step) x = x - res.factor * lr * g;
    }
    res.mean = sum / S(p_.batches);
    res.lr = res.factor * res.mean;
    return res;
  }

  const MinibatchLrFinderParameters<S>& parameters() const { return p_; }

 private:
  S search(Oracle<S>& f, const Vector<S>& x, const Batch& b, const S& f0, const Vector<S>& g, S lr, const S& alpha,
           LrFinderResult<S>& res) const {
    const S gg = squared_norm(g);
    if (!ops::is_finite(f0) || !ops::is_finite(gg)) {
      ++res.unsatisfied;
      return lr;
    }
    if (gg == S(0)) return lr;  // Armijo holds trivially (0 <= 0): nothing to search
    int trials = 0;
    auto armijo = [&](const S& s) {
      ++trials;
      ++res.trials;
      const Vector<S> y = x - s * g;
      if (!all_finite(y)) return false;
      return armijo_holds(f.batch_value(y, b), f0, alpha, s, gg);
    };
    if (armijo(lr)) {
      while (trials < p_.max_trials) {
        const S up = lr / p_.beta;
        if (up > p_.upper || !armijo(up)) break;
        lr = up;
      }
      return lr;
    }
    while (trials < p_.max_trials) {
      const S down = p_.beta * lr;
      if (down < p_.lower || lr * gg <= p_.min_decrease) break;
      lr = down;
      if (armijo(lr)) return lr;
    }
    ++res.unsatisfied;
    return lr;
  }

  MinibatchLrFinderParameters<S> p_;
};

}  // namespace ov::optim
