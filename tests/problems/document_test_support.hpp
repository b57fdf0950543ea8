// Shared helpers of the document-family tests (tests/problems/document_*_test.cpp):
// value tables checked against hand-derived closed forms, and a classifier of
// critical points used to validate each family's metadata. Every check returns a
// bool (or a message) so that the tests can also show it rejecting a mutated input.
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/problem.hpp"

namespace ov::problems::testing {

template <class T>
using ValueFn = std::function<T(const Vec<T>&)>;

// A point and the exact (constant-expression) value of the function there.
struct ValueCase {
  std::vector<std::string> x;
  std::string value;
};

template <class T>
Vec<T> vec_of(const std::vector<std::string>& coords) {
  Vec<T> v(static_cast<Eigen::Index>(coords.size()));
  for (std::size_t i = 0; i < coords.size(); ++i) v[static_cast<Eigen::Index>(i)] = constant<T>(coords[i]);
  return v;
}

// Rational: exact equality, no tolerance.
inline std::string first_mismatch_exact(const ValueFn<rational>& f, const std::vector<ValueCase>& cases) {
  for (const auto& c : cases) {
    const rational got = f(vec_of<rational>(c.x));
    if (got != constant<rational>(c.value)) return "at point " + c.x[0] + ", ...: got " + got.str() + ", want " + c.value;
  }
  return "";
}

// mp100 (u = 2^-333 ~ 5.7e-101 per correctly rounded operation). The functors and the
// closed forms of the tests use at most a few dozen operations on well-conditioned
// inputs (|condition| < 1e4 at the chosen points), so 1e-90 relative (absolute below
// 1) leaves a margin of ~10^6 over the accumulated rounding error.
inline const mp100& mp100_tolerance() {
  static const mp100 tol = constant<mp100>("1e-90");
  return tol;
}
inline bool mp100_close(const mp100& a, const mp100& b) {
  using std::abs;
  const mp100 scale = abs(b) > mp100(1) ? abs(b) : mp100(1);
  return abs(a - b) <= mp100_tolerance() * scale;
}

// Critical-point classification from the Hessian in mp100 (dimension 1 or 2; closed-form
// eigenvalues). Zero tests use `zero_tol` (the Hessian entries are O(1)-O(100) and computed
// to ~1e-98 relative; 1e-60 separates "0" from the smallest true eigenvalue magnitudes here,
// which are >= 1e-2).
inline bool kind_matches(PointKind kind, const Mat<mp100>& h, std::string* why = nullptr) {
  using std::abs;
  using std::sqrt;
  const mp100 zero_tol = constant<mp100>("1e-60");
  mp100 lo, hi;
  if (h.rows() == 1) {
    lo = hi = h(0, 0);
  } else if (h.rows() == 2) {
    const mp100 m = (h(0, 0) + h(1, 1)) / 2;
    const mp100 d = (h(0, 0) - h(1, 1)) / 2;
    const mp100 r = sqrt(d * d + h(0, 1) * h(1, 0));
    lo = m - r;
    hi = m + r;
  } else {
    if (why) *why = "classifier supports dimensions 1 and 2 only";
    return false;
  }
  auto sign = [&](const mp100& v) { return abs(v) <= zero_tol ? 0 : (v > 0 ? 1 : -1); };
  const int sl = sign(lo), sh = sign(hi);
  bool ok = false;
  switch (kind) {
    case PointKind::minimum: ok = sl > 0; break;
    case PointKind::maximum: ok = sh < 0; break;
    case PointKind::strict_saddle: ok = sl < 0 && sh > 0; break;
    // semidefinite and singular; whether it is an extremum needs higher-order terms.
    case PointKind::degenerate_minimum: ok = sl == 0 && sh >= 0; break;
    case PointKind::degenerate_saddle: ok = (sl == 0 && sh >= 0) || (sh == 0 && sl <= 0); break;
    case PointKind::nonsmooth: ok = true; break;
  }
  if (!ok && why) *why = "Hessian eigenvalues " + lo.str(8) + ", " + hi.str(8) + " contradict the kind";
  return ok;
}

// Newton refinement of an approximate critical point (metadata `exact = false`);
// dimensions 1 and 2.
inline Vec<mp100> refine_critical_point(const Evaluator<mp100>& e, Vec<mp100> x, int steps = 8) {
  for (int k = 0; k < steps; ++k) {
    const Mat<mp100> h = e.hessian(x);
    const Vec<mp100> g = e.gradient(x);
    if (x.size() == 1) {
      x[0] -= g[0] / h(0, 0);
    } else {  // 2 x 2 by Cramer's rule
      const mp100 det = h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0);
      const mp100 d0 = (h(1, 1) * g[0] - h(0, 1) * g[1]) / det;
      const mp100 d1 = (h(0, 0) * g[1] - h(1, 0) * g[0]) / det;
      x[0] -= d0;
      x[1] -= d1;
    }
  }
  return x;
}

}  // namespace ov::problems::testing
