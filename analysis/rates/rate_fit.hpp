// Empirical order and geometric rate of an error sequence over a window (docs/rates.md).
//
//   fit_order(seq, window, level):     log err_k = log C - p log k   -> order p = -slope,
//                                      CI [-slope_hi, -slope_lo]
//   fit_geometric(seq, window, level): log err_k = log C + k log q   -> rate q = exp(slope),
//                                      CI [exp(slope_lo), exp(slope_hi)] (exp is increasing)
//
// Points of the window that cannot enter a logarithmic fit (exact zeros, negative values,
// NaN/inf, and k = 0 in a log-log fit) are excluded and counted in `excluded`. With fewer
// than 3 usable points the result has ok = false and a reason (no exception: an empty window
// is an outcome, not a programming error). A window with k0 > k1 or a level outside (0, 1)
// is a bad argument (std::invalid_argument).
#pragma once

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/line_fit.hpp"

namespace ov::rates {

enum class RateKind { order, geometric };
inline const char* to_string(RateKind k) { return k == RateKind::order ? "order" : "geometric"; }
inline Axis axis_of(RateKind k) { return k == RateKind::order ? Axis::log_k : Axis::k; }

template <class S>
struct RateFit {
  RateKind kind = RateKind::order;
  bool ok = false;
  std::string reason;      // why ok is false
  Window requested;        // the window asked for
  Window used;             // first and last k that entered the fit
  Exclusions excluded;     // points of the window left out, by cause
  LineFit<S> line;         // the fit in the coordinates of `kind`
  S estimate{};            // order p, or rate q
  S lo{}, hi{};            // its confidence interval at line.level
  S constant{};            // C = exp(intercept)
};

// The whole range of a sequence as a window.
template <class S>
Window full_window(const ErrorSequence<S>& seq) {
  if (seq.size() == 0) return Window{0, -1};
  return Window{seq.k.front(), seq.k.back()};
}

template <class S>
RateFit<S> fit_rate(const ErrorSequence<S>& seq, const Window& window, RateKind kind, double level = 0.95) {
  check_level(level, kind == RateKind::order ? "fit_order" : "fit_geometric");
  if (window.k0 > window.k1) {
    throw std::invalid_argument(std::string(kind == RateKind::order ? "fit_order" : "fit_geometric") +
                                ": window [" + std::to_string(window.k0) + ", " + std::to_string(window.k1) +
                                "] is empty (valid: k0 <= k1)");
  }
  RateFit<S> r;
  r.kind = kind;
  r.requested = window;
  r.line.level = level;
  const Axis axis = axis_of(kind);
  std::vector<S> x, y;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    if (!window.contains(seq.k[i])) continue;
    const PointStatus st = classify(seq.k[i], seq.err[i], axis);
    if (st != PointStatus::usable) {
      r.excluded.add(st);
      continue;
    }
    if (x.empty()) r.used.k0 = seq.k[i];
    r.used.k1 = seq.k[i];
    x.push_back(abscissa<S>(seq.k[i], axis));
    y.push_back(ov::num::log(seq.err[i]));
  }
  if (x.size() < 3) {
    r.reason = std::to_string(x.size()) + " usable point(s) in [" + std::to_string(window.k0) + ", " +
               std::to_string(window.k1) + "] (at least 3 needed; excluded: " +
               std::to_string(r.excluded.zeros) + " zero, " + std::to_string(r.excluded.negatives) +
               " negative, " + std::to_string(r.excluded.non_finite) + " non-finite, " +
               std::to_string(r.excluded.k_not_positive) + " with k = 0)";
    return r;
  }
  r.line = fit_line(x, y, level);
  r.ok = true;
  r.constant = ov::num::exp(r.line.intercept);
  if (kind == RateKind::order) {
    r.estimate = -r.line.slope;
    r.lo = -r.line.slope_hi;
    r.hi = -r.line.slope_lo;
  } else {
    r.estimate = ov::num::exp(r.line.slope);
    r.lo = ov::num::exp(r.line.slope_lo);
    r.hi = ov::num::exp(r.line.slope_hi);
  }
  return r;
}

// err_k ~ C k^-p: the order p with its t-interval.
template <class S>
RateFit<S> fit_order(const ErrorSequence<S>& seq, const Window& window, double level = 0.95) {
  return fit_rate(seq, window, RateKind::order, level);
}

// err_k ~ C q^k: the rate q with its interval.
template <class S>
RateFit<S> fit_geometric(const ErrorSequence<S>& seq, const Window& window, double level = 0.95) {
  return fit_rate(seq, window, RateKind::geometric, level);
}

}  // namespace ov::rates
