// The reductions the non-elementwise parts of the rules are written on (inner
// products, norms, finiteness); the LibTorch layer re-implements exactly these.
#pragma once

#include <stdexcept>
#include <string>

#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

template <class S>
S dot(const Vector<S>& a, const Vector<S>& b) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("dot: sizes " + std::to_string(a.size()) + " and " + std::to_string(b.size()));
  }
  S s(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

template <class S>
S squared_norm(const Vector<S>& a) {
  S s(0);
  for (Eigen::Index i = 0; i < a.size(); ++i) s += a[i] * a[i];
  return s;
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
