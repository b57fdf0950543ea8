// Scalar functions used by the update rules, one spelling for every scalar:
// std for float/double, ADL for Boost.Multiprecision (mpfr, mpfi, float128, gmp
// rationals) and, later, overloads for tensors in the LibTorch layer.
//
// Constants: ratio<S>(n, d) is one division of two exactly representable integers,
// so it is correctly rounded in every floating type, exact in rational and an
// enclosure in interval. Never write S(0.1): that rounds through binary64 first.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include "optim/core/host_device.hpp"

namespace ov::optim::ops {

template <class S>
S ratio(long numerator, long denominator) {
  return S(numerator) / S(denominator);
}

template <class S>
S integer(long n) {
  return S(n);
}

// Exact scalars (rationals: numeric_limits has neither infinity nor NaN) are
// always finite.
template <class S>
bool is_finite(const S& x) {
  if constexpr (!std::numeric_limits<S>::has_infinity && !std::numeric_limits<S>::has_quiet_NaN) {
    return true;
  } else {
    using std::isfinite;
    return isfinite(x);
  }
}

namespace detail {
using std::sqrt;
template <class S, class = void>
struct has_sqrt : std::false_type {};
template <class S>
struct has_sqrt<S, std::void_t<decltype(sqrt(std::declval<const S&>()))>> : std::true_type {};
}  // namespace detail

// Whether S has a square root (false for rationals: a rule that needs one, or a
// norm2, does not instantiate for them; the driver then records squared norms).
template <class S>
inline constexpr bool has_sqrt_v = detail::has_sqrt<S>::value;

template <class S>
OV_HOST_DEVICE S sqrt(const S& x) {
  using std::sqrt;
  return sqrt(x);
}

template <class S>
OV_HOST_DEVICE S abs(const S& x) {
  using std::abs;
  return S(abs(x));
}

template <class S>
S pow(const S& x, const S& y) {
  using std::pow;
  return S(pow(x, y));
}

template <class S>
S exp(const S& x) {
  using std::exp;
  return S(exp(x));
}

template <class S>
S log(const S& x) {
  using std::log;
  return S(log(x));
}

// x^k for an integer k >= 0 by repeated squaring (exact in rational).
template <class S>
S pow_int(S x, long k) {
  S r(1);
  while (k > 0) {
    if (k & 1) r = r * x;
    x = x * x;
    k >>= 1;
  }
  return r;
}

template <class S>
OV_HOST_DEVICE S max(const S& a, const S& b) {
  return a < b ? b : a;
}

template <class S>
OV_HOST_DEVICE S min(const S& a, const S& b) {
  return b < a ? b : a;
}

template <class S>
int sign(const S& x) {
  return x > S(0) ? 1 : (x < S(0) ? -1 : 0);
}

template <class S>
double to_double(const S& x) {
  if constexpr (std::is_arithmetic_v<S>) {
    return static_cast<double>(x);
  } else {
    return x.template convert_to<double>();
  }
}

// Shortest round-trip text for float/double, every digit for the others.
template <class S>
std::string to_string(const S& x) {
  if constexpr (std::is_floating_point_v<S>) {
    char buf[64];
    for (int digits = std::is_same_v<S, float> ? 6 : 15; digits <= 17; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(x));
      if (static_cast<S>(std::strtod(buf, nullptr)) == x) break;
    }
    return buf;
  } else if constexpr (std::is_integral_v<S>) {
    return std::to_string(x);
  } else {
    return x.str();
  }
}

}  // namespace ov::optim::ops
