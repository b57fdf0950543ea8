// Step-size schedules alpha_k, k = 0, 1, 2, ... (the iteration counter of the
// driver; the documents' "1/k" with k >= 1 is written here as 1/(k+1) with k >= 0).
//
// Each schedule reports ANALYTICALLY, from its parameters, three series properties
// with a one-line reason:
//   - sum alpha_k = infinity      (Robbins-Monro, 003 eq (4.23); 002 (1.22); 000 (9))
//   - sum alpha_k^2 < infinity    (Robbins-Monro, same places)
//   - alpha_k = o(1/log k)        (002 Assumption 2.1, INNA's Theorem 2.1, which does
//                                  NOT need square summability; seed-002 guide 4.2)
// Robbins-Monro = the first two; Castera's Assumption 2.1 = the first and the third.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/scalar_ops.hpp"

namespace ov::optim {

struct SeriesProperty {
  bool holds = false;
  std::string reason;  // one line, derived from the parameters
};

struct SeriesProperties {
  SeriesProperty sum_diverges;     // sum_k alpha_k = +inf
  SeriesProperty square_summable;  // sum_k alpha_k^2 < +inf
  SeriesProperty o_inverse_log;    // alpha_k log k -> 0
  // 003 (4.23) / 002 (1.22) / 000 (9).
  bool robbins_monro() const { return sum_diverges.holds && square_summable.holds; }
  // 002 Assumption 2.1 (steps of INNA, Theorem 2.1).
  bool castera_assumption() const { return sum_diverges.holds && o_inverse_log.holds; }
};

template <class S>
class Schedule {
 public:
  virtual ~Schedule() = default;
  virtual S at(long k) const = 0;  // alpha_k, k >= 0
  virtual SeriesProperties properties() const = 0;
  virtual std::string describe() const = 0;  // "name: p = v, ..."
};

namespace schedule_detail {

// Whether x is an integer of moderate size (exact test: converts back and compares).
template <class S>
bool is_integer(const S& x, long* out = nullptr) {
  const double d = ops::to_double(x);
  if (!(std::fabs(d) < 1e15)) return false;
  const long n = static_cast<long>(std::llround(d));
  if (!(S(n) == x)) return false;
  if (out) *out = n;
  return true;
}

// base^exponent for base > 0: exact (repeated squaring) for an integer exponent,
// std/ADL pow otherwise; an exact scalar (rational) cannot hold an irrational power
// and throws std::domain_error instead of rounding silently.
template <class S>
S power(const S& base, const S& exponent) {
  long n = 0;
  if (is_integer(exponent, &n)) return n >= 0 ? ops::pow_int(base, n) : S(1) / ops::pow_int(base, -n);
  if constexpr (std::numeric_limits<S>::is_exact) {
    throw std::domain_error("schedule: " + ops::to_string(base) + "^(" + ops::to_string(exponent) +
                            ") is not representable in an exact scalar; use a floating type (e.g. mp100)");
  } else {
    return ops::pow(base, exponent);
  }
}

// sqrt(n) for an integer n >= 0: exact when n is a perfect square (also in rational).
template <class S>
S sqrt_of_integer(long n) {
  long r = static_cast<long>(std::sqrt(static_cast<double>(n)));
  while (r * r > n) --r;
  while ((r + 1) * (r + 1) <= n) ++r;
  if (r * r == n) return S(r);
  if constexpr (std::numeric_limits<S>::is_exact) {
    throw std::domain_error("schedule: sqrt(" + std::to_string(n) + ") is irrational; use a floating type (e.g. mp100)");
  } else {
    return ops::sqrt(S(n));
  }
}

inline void require_index(long k) {
  if (k < 0) throw std::invalid_argument("schedule: the iteration index k = " + std::to_string(k) + " is negative");
}

inline SeriesProperty yes(std::string why) { return {true, std::move(why)}; }
inline SeriesProperty no(std::string why) { return {false, std::move(why)}; }

// Properties of c * (k+1)^(-p) up to a constant change of scale (beta k + 1 with
// beta > 0 is comparable to k + 1): p-series tests.
template <class S>
SeriesProperties power_law(const S& p, const std::string& p_name) {
  const std::string ps = p_name + " = " + ops::to_string(p);
  SeriesProperties r;
  if (p == S(0)) {
    r.sum_diverges = yes(ps + ": constant positive steps, the sum grows like k");
    r.square_summable = no(ps + ": constant positive steps, the squares sum like k");
    r.o_inverse_log = no(ps + ": constant positive steps, alpha_k log k -> inf");
    return r;
  }
  r.sum_diverges = p <= S(1) ? yes(ps + " <= 1: p-series sum (k+1)^-p diverges")
                             : no(ps + " > 1: p-series sum (k+1)^-p converges");
  r.square_summable = S(2) * p > S(1) ? yes(ps + " > 1/2: sum (k+1)^-2p converges (2p > 1)")
                                      : no(ps + " <= 1/2: sum (k+1)^-2p diverges (2p <= 1)");
  r.o_inverse_log = yes(ps + " > 0: (k+1)^-p log k -> 0 (any positive power beats log)");
  return r;
}

}  // namespace schedule_detail
}  // namespace ov::optim
