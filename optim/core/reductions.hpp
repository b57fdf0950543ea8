// The reductions the non-elementwise parts of the rules are written on (inner
// products, norms, finiteness); the LibTorch layer re-implements exactly these.
#pragma once

#include <stdexcept>
#include <string>
#include <type_traits>

#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

namespace reduction_detail {
// sum_i a_i b_i. For float and double, four interleaved partial sums combined as
// (s0 + s1) + (s2 + s3): the additions of one long sequential chain are latency-bound
// (one add per 4 cycles), four independent chains keep a long reduction at memory speed
// (bench/optim_elementwise_bench.cpp, rmsprop_global). The order is fixed, so results are
// reproducible; for n <= 3 it is the plain left-to-right sum. Other scalars sum in order.
template <class S>
S sum_of_products(const Vector<S>& a, const Vector<S>& b) {
  const Eigen::Index n = a.size();
  if constexpr (std::is_floating_point_v<S>) {
    S s0(0), s1(0), s2(0), s3(0);
    Eigen::Index i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    if (i < n) s0 += a[i] * b[i];
    if (i + 1 < n) s1 += a[i + 1] * b[i + 1];
    if (i + 2 < n) s2 += a[i + 2] * b[i + 2];
    return (s0 + s1) + (s2 + s3);
  } else {
    S s(0);
    for (Eigen::Index i = 0; i < n; ++i) s += a[i] * b[i];
    return s;
  }
}
}  // namespace reduction_detail

template <class S>
S dot(const Vector<S>& a, const Vector<S>& b) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("dot: sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()));
  }
  return reduction_detail::sum_of_products(a, b);
}

template <class S>
S squared_norm(const Vector<S>& a) {
  return reduction_detail::sum_of_products(a, a);
}

template <class S>
S norm2(const Vector<S>& a) {
  return ops::sqrt(squared_norm(a));
}

template <class S>
S norm_inf(const Vector<S>& a) {
  S m(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) m = ops::max(m, ops::abs(a[i]));
  return m;
}

template <class S>
S norm1(const Vector<S>& a) {
  S s(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) s += ops::abs(a[i]);
  return s;
}

// (sum |a_i|^p)^(1/p) for finite p >= 1 (p = 1 and p = 2 without pow).
template <class S>
S norm_p(const Vector<S>& a, const S& p) {
  if (!(p >= S(1))) throw std::invalid_argument("norm_p: p = " + ops::to_string(p) + " is outside [1, inf]");
  if (!ops::is_finite(p)) return norm_inf(a);
  if (p == S(1)) return norm1(a);
  if (p == S(2)) return norm2(a);
  const S m = norm_inf(a);
  if (m == S(0)) return m;
  S s(0);  // scaled by the largest entry against overflow
  for (Eigen::Index i = 0; i < a.size(); ++i) s += ops::pow(S(ops::abs(a[i]) / m), p);
  return m * ops::pow(s, S(S(1) / p));
}

template <class S>
S sum(const Vector<S>& a) {
  S s(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) s += a[i];
  return s;
}

template <class S>
bool all_finite(const Vector<S>& a) {
  bool ok = true;
  for (Eigen::Index i = 0; i < a.size(); ++i) ok = ok & ops::is_finite(a[i]);
  return ok;
}

}  // namespace ov::optim
