// Automatic choice of the fit window: the longest stretch of the sequence that is a straight,
// decreasing line in the coordinates of the fit (log-log for an order, semi-log for a
// geometric rate). What comes before it is the transient, what comes after it the floor
// (rounding floor, plateau). docs/rates.md, "Window detection", describes the algorithm:
//
//  1. usable points (excluded ones are counted); with floor_level > 0 the first point with
//     err_k <= floor_level and everything after it are cut (the explicit floor);
//  2. candidate boundaries: grid_points abscissae evenly spaced in the fit coordinate
//     (log-spaced in k for an order), each mapped to the first point at or after it;
//  3. every pair of boundaries with at least min_points points between them is a candidate
//     window; it is ACCEPTED when, with u = (x - x_mid) / half_span in [-1, 1],
//       (a) the straight-line fit of y = log err on u has residual s.d. <= max_residual_sd,
//       (b) it is straight: the quadratic coefficient c2 of a fit y = c0 + c1 u + c2 u^2
//           (c2 = the bend of the curve at the ends, in log units) satisfies
//           |c2| <= max(curvature_abs, curvature_z * se(c2)),
//       (c) it decreases: slope b < 0, |b| >= slope_z * se(b), and the total decrease
//           2 |b| >= min_log_decrease (a plateau is flat, so never accepted);
//  4. the accepted window with the most points wins (ties: the longer span in x, then the
//     earlier); points, not span in log k: an order is an asymptotic statement, and a short
//     straight stretch of early iterations spans as many decades as a long late one;
//  5. it is shrunk by trim_fraction of its span at each end (a safety margin: a transient or
//     floor whose bend is still inside the noise at the boundary stays out of the fit).
//
// Everything here is a heuristic choice of data, computed in double from the logarithms
// taken in S (log err of any S fits a double); the fit itself is then made in S by fit_rate.
// Cost: O(grid_points^2 * n).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/rates/error_sequence.hpp"
#include "analysis/rates/rate_fit.hpp"

namespace ov::rates {

template <class S>
struct WindowOptions {
  RateKind kind = RateKind::order;
  int grid_points = 40;           // candidate boundaries (>= 3)
  std::size_t min_points = 8;     // points in a candidate window (>= 4: the quadratic test needs 1 dof)
  // (a) Residual s.d. of log err about the line, natural-log units: 0.25 accepts multiplicative
  //     scatter up to ~25 %; a rounding floor scatters by O(1) and is refused.
  double max_residual_sd = 0.25;
  // (b) Straightness: |c2| within curvature_z standard errors (2: a genuine line is refused in
  //     ~5 % of the windows, which only makes the chosen window a little shorter), or below
  //     curvature_abs (log units: 1e-3 = 0.1 % bend, which noise-free lines computed in floating
  //     point never reach while their se(c2) can be ~1e-16).
  double curvature_z = 2;
  double curvature_abs = 1.0 / 1000;
  // (c) Decrease: slope significant at slope_z standard errors and the window spans at least
  //     min_log_decrease in log err (0.5: a factor e^0.5 ~ 1.65).
  double slope_z = 3;
  double min_log_decrease = 1.0 / 2;
  double trim_fraction = 1.0 / 20;  // step 5 (0 disables the margin)
  S floor_level = S(0);             // explicit floor (0: none)
};

struct WindowDetection {
  bool found = false;
  std::string reason;               // why nothing was found
  RateKind kind = RateKind::order;
  Window window;                    // the window to fit (after the trim)
  Window straight;                  // the longest straight window (before the trim)
  std::size_t usable_points = 0;    // usable points before the floor-level cut
  std::size_t transient_points = 0; // usable points before window.k0
  std::size_t floor_points = 0;     // usable points after window.k1 (floor-level cut included)
  std::size_t floor_level_cut = 0;  // of those, cut by floor_level
  Exclusions excluded;
  std::size_t candidates = 0, accepted = 0;
  // Diagnostics of the chosen (untrimmed) window, in the u coordinate of step 3.
  double slope_u = 0, residual_sd = 0, curvature = 0, curvature_se = 0;
};

namespace detail {

struct CandidateStats {
  std::size_t n = 0;
  double span = 0, slope = 0, slope_se = 0, residual_sd = 0, c2 = 0, c2_se = 0;
};

inline CandidateStats window_stats(const std::vector<double>& x, const std::vector<double>& y, std::size_t i0,
                                   std::size_t i1) {
  CandidateStats c;
  c.n = i1 - i0 + 1;
  const long double xm = (static_cast<long double>(x[i0]) + x[i1]) / 2;
  const long double h = (static_cast<long double>(x[i1]) - x[i0]) / 2;
  c.span = static_cast<double>(2 * h);
  const long double y0 = y[i0];
  long double s1 = 0, s2 = 0, s3 = 0, s4 = 0, ty = 0, t1 = 0, t2 = 0, tyy = 0;
  for (std::size_t j = i0; j <= i1; ++j) {
    const long double u = (x[j] - xm) / h, v = y[j] - y0, u2 = u * u;
    s1 += u;
    s2 += u2;
    s3 += u2 * u;
    s4 += u2 * u2;
    ty += v;
    t1 += u * v;
    t2 += u2 * v;
    tyy += v * v;
  }
  const long double n = static_cast<long double>(c.n);
  const long double suu = s2 - s1 * s1 / n, suy = t1 - s1 * ty / n, syy = tyy - ty * ty / n;
  const long double b = suy / suu;
  const long double ssr_lin = std::max<long double>(0, syy - b * suy);
  const long double beta = (s3 - s2 * s1 / n) / suu;
  const long double sww = std::max<long double>(0, (s4 - s2 * s2 / n) - beta * beta * suu);
  const long double swy = (t2 - s2 * ty / n) - beta * suy;
  const long double c2 = sww > 0 ? swy / sww : 0;
  const long double ssr_quad = std::max<long double>(0, ssr_lin - c2 * swy);
  c.slope = static_cast<double>(b);
  c.residual_sd = static_cast<double>(std::sqrt(ssr_lin / (n - 2)));
  c.slope_se = static_cast<double>(std::sqrt(ssr_lin / (n - 2) / suu));
  c.c2 = static_cast<double>(c2);
  c.c2_se = sww > 0 ? static_cast<double>(std::sqrt(ssr_quad / (n - 3) / sww)) : 0;
  return c;
}

template <class S>
void check_window_options(const WindowOptions<S>& o) {
  auto bad = [](const std::string& what) { throw std::invalid_argument("detect_window: " + what); };
  if (o.grid_points < 3) bad("grid_points = " + std::to_string(o.grid_points) + " (valid range: >= 3)");
  if (o.min_points < 4) bad("min_points = " + std::to_string(o.min_points) + " (valid range: >= 4)");
  if (!(o.max_residual_sd > 0)) bad("max_residual_sd = " + ov::to_string(o.max_residual_sd) + " (valid range: > 0)");
  if (!(o.curvature_z >= 0)) bad("curvature_z = " + ov::to_string(o.curvature_z) + " (valid range: >= 0)");
  if (!(o.curvature_abs >= 0)) bad("curvature_abs = " + ov::to_string(o.curvature_abs) + " (valid range: >= 0)");
  if (!(o.slope_z >= 0)) bad("slope_z = " + ov::to_string(o.slope_z) + " (valid range: >= 0)");
  if (!(o.min_log_decrease >= 0)) {
    bad("min_log_decrease = " + ov::to_string(o.min_log_decrease) + " (valid range: >= 0)");
  }
  if (!(o.trim_fraction >= 0 && o.trim_fraction < 0.5)) {
    bad("trim_fraction = " + ov::to_string(o.trim_fraction) + " (valid range: [0, 0.5))");
  }
  if (!ov::optim::ops::is_finite(o.floor_level) || o.floor_level < 0) {
    bad("floor_level = " + ov::to_string(o.floor_level) + " (valid range: finite, >= 0; 0 means none)");
  }
}

}  // namespace detail

template <class S>
WindowDetection detect_window(const ErrorSequence<S>& seq, const WindowOptions<S>& opt = {}) {
  detail::check_window_options(opt);
  WindowDetection d;
  d.kind = opt.kind;
  const Axis axis = axis_of(opt.kind);
  std::vector<double> x, y;
  std::vector<std::int64_t> ks;
  bool cut = false;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    const PointStatus st = classify(seq.k[i], seq.err[i], axis);
    if (st != PointStatus::usable) {
      d.excluded.add(st);
      continue;
    }
    ++d.usable_points;
    if (!cut && opt.floor_level > 0 && seq.err[i] <= opt.floor_level) cut = true;
    if (cut) {
      ++d.floor_level_cut;
      continue;
    }
    x.push_back(to_double(abscissa<S>(seq.k[i], axis)));
    y.push_back(to_double(S(ov::num::log(seq.err[i]))));
    ks.push_back(seq.k[i]);
  }
  const std::size_t n = x.size();
  if (n < opt.min_points) {
    d.reason = std::to_string(n) + " usable point(s) above the floor (min_points = " +
               std::to_string(opt.min_points) + ")";
    return d;
  }
  // Step 2: boundaries on a grid evenly spaced in x.
  std::vector<std::size_t> bounds;
  for (int g = 0; g < opt.grid_points; ++g) {
    std::size_t j = n - 1;
    if (g < opt.grid_points - 1) {
      const double t = x.front() + (x.back() - x.front()) * g / (opt.grid_points - 1);
      j = static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), t) - x.begin());
    }
    if (bounds.empty() || j > bounds.back()) bounds.push_back(j);
  }
  // Steps 3-4.
  bool have = false;
  std::size_t best0 = 0, best1 = 0;
  detail::CandidateStats best;
  for (std::size_t a = 0; a < bounds.size(); ++a) {
    for (std::size_t b = a + 1; b < bounds.size(); ++b) {
      const std::size_t i0 = bounds[a], i1 = bounds[b];
      if (i1 - i0 + 1 < opt.min_points) continue;
      ++d.candidates;
      const detail::CandidateStats c = detail::window_stats(x, y, i0, i1);
      const bool quiet = c.residual_sd <= opt.max_residual_sd;
      const bool straight = std::abs(c.c2) <= std::max(opt.curvature_abs, opt.curvature_z * c.c2_se);
      const bool decreasing =
          c.slope < 0 && -c.slope >= opt.slope_z * c.slope_se && -2 * c.slope >= opt.min_log_decrease;
      if (!(quiet && straight && decreasing)) continue;
      ++d.accepted;
      const bool better = !have || c.n > best.n || (c.n == best.n && c.span > best.span);
      if (better) {
        have = true;
        best = c;
        best0 = i0;
        best1 = i1;
      }
    }
  }
  if (!have) {
    d.reason = "no straight decreasing window among " + std::to_string(d.candidates) +
               " candidates (max_residual_sd = " + ov::to_string(opt.max_residual_sd) +
               ", min_points = " + std::to_string(opt.min_points) + ")";
    d.transient_points = n;
    d.floor_points = d.floor_level_cut;
    return d;
  }
  d.found = true;
  d.straight = Window{ks[best0], ks[best1]};
  d.slope_u = best.slope;
  d.residual_sd = best.residual_sd;
  d.curvature = best.c2;
  d.curvature_se = best.c2_se;
  // Step 5: the safety margin.
  std::size_t t0 = best0, t1 = best1;
  if (opt.trim_fraction > 0) {
    const double lo = x[best0] + opt.trim_fraction * best.span, hi = x[best1] - opt.trim_fraction * best.span;
    std::size_t j0 = best0, j1 = best1;
    while (j0 <= best1 && x[j0] < lo) ++j0;
    while (j1 > j0 && x[j1] > hi) --j1;
    if (j1 >= j0 && j1 - j0 + 1 >= opt.min_points) {
      t0 = j0;
      t1 = j1;
    }
  }
  d.window = Window{ks[t0], ks[t1]};
  d.transient_points = t0;
  d.floor_points = (n - 1 - t1) + d.floor_level_cut;
  return d;
}

}  // namespace ov::rates
