// Ordinary least squares of y on x with a Student-t confidence interval for the slope, in the
// working precision S (docs/rates.md, "Least squares and the t-interval").
//
//   slope b = Sxy / Sxx, intercept a = ybar - b xbar        (two passes: means, then centred sums)
//   residual variance s^2 = sum (y_i - a - b x_i)^2 / (n - 2)
//   se(b) = s / sqrt(Sxx),  se(a) = s sqrt(1/n + xbar^2 / Sxx)
//   CI for b at level L: b -+ t_{n-2, (1-L)/2} se(b)
//
// The interval is the classical one for independent, identically distributed Gaussian
// residuals; for optimizer traces it is a measure of how well a straight line describes the
// window, not a probability statement about the optimizer.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/rates/student_t.hpp"

namespace ov::rates {

template <class S>
struct LineFit {
  std::size_t points = 0;
  double level = 0;       // confidence level of the interval
  S slope{}, intercept{};
  S slope_se{}, intercept_se{};
  S residual_sd{};        // s = sqrt(SSR / (n - 2))
  S r_squared{};          // 1 - SSR / Syy (1 when Syy = 0)
  S t_quantile{};         // t_{n-2, (1-level)/2}
  S slope_lo{}, slope_hi{};  // the t-interval for the slope
};

// Checks 0 < level < 1 (std::invalid_argument naming the value).
inline void check_level(double level, const char* who) {
  if (!(level > 0 && level < 1)) {
    throw std::invalid_argument(std::string(who) + ": level = " + ov::to_string(level) +
                                " (valid range: 0 < level < 1, e.g. 0.95)");
  }
}

// The fit of y on x. Needs at least 3 points (n - 2 >= 1 degrees of freedom) and two
// distinct abscissae (std::invalid_argument otherwise). `level` is read as the double it is
// (0.95 is 0.9499999999999999556); the quantile moves by ~1e-16 relative, which no
// confidence interval cares about.
template <class S>
LineFit<S> fit_line(const std::vector<S>& x, const std::vector<S>& y, double level = 0.95) {
  check_level(level, "fit_line");
  if (x.size() != y.size()) {
    throw std::invalid_argument("fit_line: x has " + std::to_string(x.size()) + " entries but y has " +
                                std::to_string(y.size()));
  }
  const std::size_t n = x.size();
  if (n < 3) {
    throw std::invalid_argument("fit_line: " + std::to_string(n) + " points (valid range: at least 3)");
  }
  const S sn = S(static_cast<long>(n));
  S xbar = 0, ybar = 0;
  for (std::size_t i = 0; i < n; ++i) {
    xbar += x[i];
    ybar += y[i];
  }
  xbar /= sn;
  ybar /= sn;
  S sxx = 0, sxy = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const S dx = x[i] - xbar, dy = y[i] - ybar;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw std::invalid_argument("fit_line: all abscissae are equal (the slope is undefined)");
  LineFit<S> f;
  f.points = n;
  f.level = level;
  f.slope = sxy / sxx;
  f.intercept = ybar - f.slope * xbar;
  S ssr = 0;  // summed directly (not syy - b sxy, which cancels for near-exact lines)
  for (std::size_t i = 0; i < n; ++i) {
    const S r = y[i] - f.intercept - f.slope * x[i];
    ssr += r * r;
  }
  const long dof = static_cast<long>(n) - 2;
  f.residual_sd = ov::num::sqrt(S(ssr / S(dof)));
  f.slope_se = f.residual_sd / ov::num::sqrt(sxx);
  f.intercept_se = f.residual_sd * ov::num::sqrt(S(S(1) / sn + xbar * xbar / sxx));
  f.r_squared = syy > 0 ? S(S(1) - ssr / syy) : S(1);
  const S upper_tail = (S(1) - S(level)) / 2;
  f.t_quantile = student_t_upper_quantile<S>(dof, upper_tail);
  f.slope_lo = f.slope - f.t_quantile * f.slope_se;
  f.slope_hi = f.slope + f.t_quantile * f.slope_se;
  return f;
}

}  // namespace ov::rates
