// "Respects bound" checks of an error sequence against a bound sequence bound_k
// (docs/rates.md, "Bound checks").
//
// Pointwise (the strongest form, for theorems with explicit constants): err_k <= bound_k for
// every k of a range. Each comparison is decided in the working precision S with a rounding
// margin: with d = bound_k - err_k (one rounded subtraction) and
//     margin = margin_ulps * eps(S) * max(|err_k|, |bound_k|),
//   d >  margin  -> holds at k,   d < -margin -> violated at k,   otherwise undecided at k
// (err_k and bound_k agree to within the rounding they may carry: the caller escalates to a
// higher precision). margin_ulps states how many units of rounding err_k and bound_k may carry
// (0: they are exact in S, and the comparison err_k <= bound_k is decided exactly).
// Verdict over the range: violated if any k is violated (the first one is reported), else
// undecided if any k is undecided, else holds. The largest ratio err_k / bound_k (bound_k > 0)
// and where it occurs are reported either way.
//
// Trend: the slope of log(err_k / bound_k) against log k (or k) over a window, with its
// t-interval. A bound of the right order gives a non-increasing ratio: holds if the interval
// lies at or below `tolerance`, violated if it lies above it, consistent if it straddles it.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/rate_fit.hpp"

namespace ov::rates {

// holds / violated / undecided at the working precision (ov::Tribool: yes / no / undecided).
struct PointwiseOptions {
  int margin_ulps = 16;
  std::int64_t k0 = std::numeric_limits<std::int64_t>::min();  // the range checked
  std::int64_t k1 = std::numeric_limits<std::int64_t>::max();
};

template <class S>
struct PointwiseBoundCheck {
  Tribool verdict = Tribool::undecided;  // yes: err_k <= bound_k at every k checked
  std::string precision;                  // the working precision that decided (scalar_name<S>())
  int margin_ulps = 0;
  std::size_t checked = 0, holding = 0, violations = 0, undecided = 0;
  std::size_t nan_points = 0;             // err_k is NaN: undecided at that k
  std::optional<std::int64_t> first_violation;  // its k
  std::optional<S> first_violation_err, first_violation_bound;
  std::optional<std::int64_t> first_undecided;
  std::optional<S> max_ratio;             // max err_k / bound_k over the k with bound_k > 0
  std::optional<std::int64_t> max_ratio_k;
};

template <class S>
PointwiseBoundCheck<S> check_pointwise_bound(const ErrorSequence<S>& seq,
                                             const std::function<S(std::int64_t)>& bound,
                                             const PointwiseOptions& opt = {}) {
  if (opt.margin_ulps < 0) {
    throw std::invalid_argument("check_pointwise_bound: margin_ulps = " + std::to_string(opt.margin_ulps) +
                                " (valid range: >= 0)");
  }
  if (opt.k0 > opt.k1) {
    throw std::invalid_argument("check_pointwise_bound: range [" + std::to_string(opt.k0) + ", " +
                                std::to_string(opt.k1) + "] is empty (valid: k0 <= k1)");
  }
  PointwiseBoundCheck<S> r;
  r.precision = std::string(ov::scalar_name<S>());
  r.margin_ulps = opt.margin_ulps;
  const S rel = S(opt.margin_ulps) * std::numeric_limits<S>::epsilon();
  for (std::size_t i = 0; i < seq.size(); ++i) {
    const std::int64_t k = seq.k[i];
    if (k < opt.k0 || k > opt.k1) continue;
    const S& e = seq.err[i];
    const S b = bound(k);
    if (!ov::optim::ops::is_finite(b)) {
      throw std::invalid_argument("check_pointwise_bound: bound(" + std::to_string(k) + ") = " + ov::to_string(b) +
                                  " is not finite (a bound must be a finite number)");
    }
    ++r.checked;
    if (e != e) {  // NaN: no comparison is meaningful
      ++r.nan_points;
      ++r.undecided;
      if (!r.first_undecided) r.first_undecided = k;
      continue;
    }
    if (b > 0 && ov::optim::ops::is_finite(e)) {
      const S ratio = e / b;
      if (!r.max_ratio || ratio > *r.max_ratio) {
        r.max_ratio = ratio;
        r.max_ratio_k = k;
      }
    }
    Tribool at_k;
    if (!ov::optim::ops::is_finite(e)) {
      at_k = e > 0 ? Tribool::no : Tribool::yes;  // +inf exceeds every finite bound
    } else if (opt.margin_ulps == 0) {
      at_k = e <= b ? Tribool::yes : Tribool::no;  // exact data: the exact comparison
    } else {
      const S d = b - e;
      const S ae = ov::num::abs(e), ab = ov::num::abs(b);
      const S margin = rel * (ae > ab ? ae : ab);
      at_k = d > margin ? Tribool::yes : (d < -margin ? Tribool::no : Tribool::undecided);
    }
    if (at_k == Tribool::yes) {
      ++r.holding;
    } else if (at_k == Tribool::no) {
      ++r.violations;
      if (!r.first_violation) {
        r.first_violation = k;
        r.first_violation_err = e;
        r.first_violation_bound = b;
      }
    } else {
      ++r.undecided;
      if (!r.first_undecided) r.first_undecided = k;
    }
  }
  if (r.violations > 0) r.verdict = Tribool::no;
  else if (r.undecided > 0 || r.checked == 0) r.verdict = Tribool::undecided;
  else r.verdict = Tribool::yes;
  return r;
}

// The bound as a vector aligned with seq (bound[i] belongs to seq.k[i]).
template <class S>
PointwiseBoundCheck<S> check_pointwise_bound(const ErrorSequence<S>& seq, const std::vector<S>& bound,
                                             const PointwiseOptions& opt = {}) {
  if (bound.size() != seq.size()) {
    throw std::invalid_argument("check_pointwise_bound: bound has " + std::to_string(bound.size()) +
                                " entries but the sequence has " + std::to_string(seq.size()));
  }
  std::size_t i = 0;
  // seq.k is strictly increasing, so the k of the i-th call is seq.k[i] (a lookup keeps it safe).
  return check_pointwise_bound<S>(
      seq,
      std::function<S(std::int64_t)>([&](std::int64_t k) {
        while (i < seq.size() && seq.k[i] < k) ++i;
        if (i >= seq.size() || seq.k[i] != k) throw std::logic_error("check_pointwise_bound: k lookup failed");
        return bound[i];
      }),
      opt);
}

// Three-valued verdict of a statistical comparison (trend, stated rate).
enum class RateVerdict {
  holds,       // the whole confidence interval satisfies the statement
  consistent,  // the interval straddles the threshold: the data do not refute the statement
  violated,    // the whole interval contradicts the statement
  undecided    // no fit (too few usable points)
};
inline const char* to_string(RateVerdict v) {
  switch (v) {
    case RateVerdict::holds: return "holds";
    case RateVerdict::consistent: return "consistent";
    case RateVerdict::violated: return "violated";
    case RateVerdict::undecided: return "undecided";
  }
  return "?";
}

template <class S>
struct TrendCheck {
  RateVerdict verdict = RateVerdict::undecided;
  double tolerance = 0;     // allowed growth: slope of log(err/bound) <= tolerance
  RateFit<S> fit;           // of the ratio err/bound; fit.line.slope is the trend
  std::size_t bound_not_positive = 0;  // points left out because bound_k <= 0
};

// The trend of log(err_k / bound_k) over `window`, against log k (axis = log_k, for O(k^-p)
// bounds) or k (axis = k, for geometric bounds).
template <class S>
TrendCheck<S> check_bound_trend(const ErrorSequence<S>& seq, const std::function<S(std::int64_t)>& bound,
                                const Window& window, Axis axis = Axis::log_k, double tolerance = 0,
                                double level = 0.95) {
  if (!(tolerance == tolerance) || tolerance == std::numeric_limits<double>::infinity() ||
      tolerance == -std::numeric_limits<double>::infinity()) {
    throw std::invalid_argument("check_bound_trend: tolerance = " + ov::to_string(tolerance) + " (must be finite)");
  }
  ErrorSequence<S> ratio;
  ratio.name = seq.name + " / bound";
  TrendCheck<S> t;
  t.tolerance = tolerance;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    if (!window.contains(seq.k[i])) continue;
    const S b = bound(seq.k[i]);
    if (!ov::optim::ops::is_finite(b)) {
      throw std::invalid_argument("check_bound_trend: bound(" + std::to_string(seq.k[i]) + ") = " +
                                  ov::to_string(b) + " is not finite");
    }
    if (!(b > 0)) {
      ++t.bound_not_positive;
      continue;
    }
    ratio.k.push_back(seq.k[i]);
    ratio.err.push_back(seq.err[i] / b);
  }
  t.fit = fit_rate(ratio, window, axis == Axis::log_k ? RateKind::order : RateKind::geometric, level);
  if (!t.fit.ok) return t;
  const S tol = S(tolerance);
  if (t.fit.line.slope_hi <= tol) t.verdict = RateVerdict::holds;
  else if (t.fit.line.slope_lo > tol) t.verdict = RateVerdict::violated;
  else t.verdict = RateVerdict::consistent;
  return t;
}

}  // namespace ov::rates
