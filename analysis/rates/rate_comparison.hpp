// Comparison of a measured rate with a stated one (docs/rates.md, "Stated rates").
//
//   compare_order(fit, p, tol):          statement "err_k = O(k^-p)", i.e. measured order >= p.
//       holds      if the whole interval lies at or above p - tol   (lo >= p - tol)
//       violated   if the whole interval lies below p - tol         (hi <  p - tol)
//       consistent otherwise (p - tol is inside the interval: the data do not refute it)
//   compare_geometric_rate(fit, q, tol): statement "err_k = O(q^k)", i.e. measured rate <= q.
//       holds      if hi <= q + tol,  violated if lo > q + tol,  consistent otherwise.
// A fit with ok = false gives undecided. tol >= 0 is the slack the caller allows (e.g. the
// 0.2 on an order used by DiffEqDevTools' convergence tests, anchors-verified-numerics.md §5).
#pragma once

#include <stdexcept>
#include <string>

#include "analysis/numeric/string_io.hpp"
#include "analysis/rates/bound_check.hpp"
#include "analysis/rates/rate_fit.hpp"

namespace ov::rates {

template <class S>
struct RateComparison {
  RateVerdict verdict = RateVerdict::undecided;
  RateKind kind = RateKind::order;
  S stated{};       // p or q
  S tolerance{};
  S estimate{}, lo{}, hi{};  // copied from the fit
  std::string reason;        // for undecided
};

namespace detail {
// The comparison's common part: what was stated, and the fit's estimate and interval
// (or, when the fit failed, its reason and verdict undecided).
template <class S>
RateComparison<S> comparison_of(const RateFit<S>& fit, RateKind kind, const S& stated, const S& tolerance) {
  RateComparison<S> c;
  c.kind = kind;
  c.stated = stated;
  c.tolerance = tolerance;
  if (!fit.ok) {
    c.reason = fit.reason;
    return c;
  }
  c.estimate = fit.estimate;
  c.lo = fit.lo;
  c.hi = fit.hi;
  return c;
}
}  // namespace detail

template <class S>
RateComparison<S> compare_order(const RateFit<S>& fit, const S& p, const S& tolerance = S(0)) {
  if (fit.kind != RateKind::order) throw std::invalid_argument("compare_order: the fit is a geometric-rate fit");
  if (!ov::optim::ops::is_finite(p)) throw std::invalid_argument("compare_order: p = " + ov::to_string(p) + " (must be finite)");
  if (!(tolerance >= 0)) {
    throw std::invalid_argument("compare_order: tolerance = " + ov::to_string(tolerance) + " (valid range: >= 0)");
  }
  RateComparison<S> c = detail::comparison_of(fit, RateKind::order, p, tolerance);
  if (!fit.ok) return c;
  const S threshold = p - tolerance;
  if (fit.lo >= threshold) c.verdict = RateVerdict::holds;
  else if (fit.hi < threshold) c.verdict = RateVerdict::violated;
  else c.verdict = RateVerdict::consistent;
  return c;
}

template <class S>
RateComparison<S> compare_geometric_rate(const RateFit<S>& fit, const S& q, const S& tolerance = S(0)) {
  if (fit.kind != RateKind::geometric) throw std::invalid_argument("compare_geometric_rate: the fit is an order fit");
  if (!(q > 0) || !ov::optim::ops::is_finite(q)) {
    throw std::invalid_argument("compare_geometric_rate: q = " + ov::to_string(q) + " (valid range: finite, q > 0)");
  }
  if (!(tolerance >= 0)) {
    throw std::invalid_argument("compare_geometric_rate: tolerance = " + ov::to_string(tolerance) +
                                " (valid range: >= 0)");
  }
  RateComparison<S> c = detail::comparison_of(fit, RateKind::geometric, q, tolerance);
  if (!fit.ok) return c;
  const S threshold = q + tolerance;
  if (fit.hi <= threshold) c.verdict = RateVerdict::holds;
  else if (fit.lo > threshold) c.verdict = RateVerdict::violated;
  else c.verdict = RateVerdict::consistent;
  return c;
}

}  // namespace ov::rates
