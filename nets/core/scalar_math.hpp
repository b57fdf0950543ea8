// Elementary functions for network code generic over T: an OptVerify scalar
// (analysis/numeric/scalars.hpp) or a (nested) ceres::Jet over one.
//
//  - exp, log, tanh: the scalar's own functions (MPFR correctly rounded, MPFI
//    enclosures, ceres' Jet rules); for rational the exact-or-throw versions of
//    analysis/numeric/elementary.hpp (ov::inexact_operation where the value is
//    irrational); for a Jet over rational they throw inexact_operation (a network with
//    a transcendental activation cannot be evaluated exactly).
//  - log1p: std::log1p for float and double (and Jets over them); log(1 + x) for the
//    multiprecision types, whose 50-100 digits absorb the cancellation for the
//    arguments networks produce (|x| >= 1e-40 in practice; documented in docs/networks.md).
//  - sign tests on values: value_sign(z) in {-1, 0, +1}; for an interval (or Jet over
//    one) it returns nullopt when the interval contains 0 in its interior or touches it
//    without being a point, so piecewise-linear activations can build a hull instead of
//    guessing a branch.
#pragma once

#include <ceres/jet.h>

#include <optional>
#include <type_traits>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::nets::math {

template <class T>
inline constexpr bool over_rational_v = std::is_same_v<base_scalar_t<T>, rational>;
template <class T>
inline constexpr bool over_interval_v = std::is_same_v<base_scalar_t<T>, interval>;
template <class T>
inline constexpr bool over_binary_v = std::is_same_v<base_scalar_t<T>, double> ||
                                      std::is_same_v<base_scalar_t<T>, float>;

template <class T>
T exp(const T& x) {
  if constexpr (over_rational_v<T>) {
    if constexpr (is_jet_v<T>) {
      throw inexact_operation("exp", "a Jet over rational (the network is not a rational function)");
    } else {
      return num::exp(x);
    }
  } else {
    using std::exp;
    return T(exp(x));
  }
}

template <class T>
T log(const T& x) {
  if constexpr (over_rational_v<T>) {
    if constexpr (is_jet_v<T>) {
      throw inexact_operation("log", "a Jet over rational (the network is not a rational function)");
    } else {
      return num::log(x);
    }
  } else {
    using std::log;
    return T(log(x));
  }
}

template <class T>
T tanh(const T& x) {
  if constexpr (over_rational_v<T>) {
    if constexpr (is_jet_v<T>) {
      throw inexact_operation("tanh", "a Jet over rational (the network is not a rational function)");
    } else {
      return num::tanh(x);
    }
  } else {
    using std::tanh;
    return T(tanh(x));
  }
}

template <class T>
T log1p(const T& x) {
  if constexpr (over_binary_v<T>) {
    using std::log1p;
    return T(log1p(x));
  } else {
    return math::log(T(integer<T>(1) + x));
  }
}

// Sign of the value part: -1, 0, +1; nullopt for an interval that is not certainly of
// one sign (and not the point 0).
template <class T>
std::optional<int> value_sign(const T& z) {
  const auto v = value_of(z);
  using B = base_scalar_t<T>;
  if constexpr (std::is_same_v<B, interval>) {
    const auto lo = lower(v), hi = upper(v);
    if (lo > 0) return 1;
    if (hi < 0) return -1;
    if (lo == 0 && hi == 0) return 0;
    return std::nullopt;
  } else {
    if (v > B(0)) return 1;
    if (v < B(0)) return -1;
    return 0;
  }
}

}  // namespace ov::nets::math
