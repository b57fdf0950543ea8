// lift<T>(s): embed a value of the base scalar S into T, where T is S itself or a
// (possibly nested) ceres::Jet over S. Jet constructors are explicit and a nested
// Jet cannot be built from S in one step (anchors-verified-numerics.md §2.1), so
// generic code that mixes parameters with autodiff arguments goes through here.
#pragma once

#include <ceres/jet.h>

#include <type_traits>

namespace ov {

template <class T>
struct jet_traits {
  using base = T;  // the innermost non-Jet scalar
  static constexpr int depth = 0;
};
template <class U, int N>
struct jet_traits<ceres::Jet<U, N>> {
  using base = typename jet_traits<U>::base;
  static constexpr int depth = jet_traits<U>::depth + 1;
};

template <class T>
using base_scalar_t = typename jet_traits<T>::base;

template <class T>
inline constexpr bool is_jet_v = jet_traits<T>::depth > 0;

// Value part of a (nested) Jet, as the base scalar.
template <class T>
base_scalar_t<T> value_of(const T& x) {
  if constexpr (is_jet_v<T>) {
    return value_of(x.a);
  } else {
    return x;
  }
}

template <class T, class S>
T lift(const S& s) {
  if constexpr (std::is_same_v<T, S>) {
    return s;
  } else if constexpr (is_jet_v<T>) {
    return T(lift<decltype(T::a)>(s));
  } else {
    return T(s);
  }
}

// An integer as T (exact in every OptVerify scalar for |n| < 2^24). Jets over
// Boost scalars do not mix with int literals, so generic code writes
// integer<T>(100) * x instead of 100 * x.
template <class T>
T integer(long n) {
  return lift<T>(base_scalar_t<T>(n));
}

}  // namespace ov
