// A hyper-parameter of a network (a leaky-ReLU slope, an ELU scale) is stored as an
// exact rational and converted once to the working scalar: correctly rounded for
// the floating types, outward rounded for intervals (mpfi_set_q), exact in rational.
#pragma once

#include <mpfi.h>

#include <type_traits>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::nets {

template <class B>
B rational_to(const rational& q) {
  if constexpr (std::is_same_v<B, rational>) {
    return q;
  } else if constexpr (std::is_same_v<B, interval>) {
    interval r;
    mpfi_set_q(r.backend().data(), q.backend().data());
    return r;
  } else if constexpr (std::is_same_v<B, float> || std::is_same_v<B, double> || std::is_same_v<B, float128>) {
    return static_cast<B>(mp100(q));
  } else {
    return B(q);
  }
}

// The rational q as T (a scalar or a Jet over one; Jet partials zero).
template <class T>
T exact_as(const rational& q) {
  return lift<T>(rational_to<base_scalar_t<T>>(q));
}

// A double (data are doubles: every double is an exact rational) as T; exact in every
// scalar except float (rounded) and interval (a point interval: exact).
template <class T>
T data_as(double v) {
  using B = base_scalar_t<T>;
  if constexpr (std::is_same_v<B, rational>) {
    return lift<T>(rational(v));
  } else {
    return lift<T>(B(v));
  }
}

}  // namespace ov::nets
