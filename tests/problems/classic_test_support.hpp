// Shared helpers of the classic-family tests: exact/mp100 comparisons, a small
// Newton refinement and an LDL^T inertia count, written as plain functions of
// callables so that each check can be fed a mutated formula and shown to fail.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/problem.hpp"

namespace ov::classic_test {

using problems::Params;
using problems::PointKind;
using problems::Problem;

template <class T>
using ValueFn = std::function<T(const Vec<T>&)>;
template <class T>
using GradFn = std::function<Vec<T>(const Vec<T>&)>;
template <class T>
using HessFn = std::function<Mat<T>(const Vec<T>&)>;

template <class T>
Vec<T> vec_of(const std::vector<std::string>& coords) {
  Vec<T> x(static_cast<Eigen::Index>(coords.size()));
  for (std::size_t i = 0; i < coords.size(); ++i) x[static_cast<Eigen::Index>(i)] = constant<T>(coords[i]);
  return x;
}

// Gaussian elimination solve (no pivoting beyond a nonzero check; fine for the
// nonsingular Hessians at the listed critical points).
inline Vec<mp100> solve(Mat<mp100> a, Vec<mp100> b) {
  const Eigen::Index n = b.size();
  for (Eigen::Index k = 0; k < n; ++k) {
    Eigen::Index piv = k;
    for (Eigen::Index i = k + 1; i < n; ++i)
      if (abs(a(i, k)) > abs(a(piv, k))) piv = i;
    a.row(k).swap(a.row(piv));
    std::swap(b[k], b[piv]);
    for (Eigen::Index i = k + 1; i < n; ++i) {
      mp100 f = a(i, k) / a(k, k);
      for (Eigen::Index j = k; j < n; ++j) a(i, j) -= f * a(k, j);
      b[i] -= f * b[k];
    }
  }
  Vec<mp100> x(n);
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    mp100 s = b[i];
    for (Eigen::Index j = i + 1; j < n; ++j) s -= a(i, j) * x[j];
    x[i] = s / a(i, i);
  }
  return x;
}

// Newton's method in mp100 from x; returns the refined point (|grad|_inf at the end in *gnorm).
inline Vec<mp100> newton(const GradFn<mp100>& g, const HessFn<mp100>& h, Vec<mp100> x, mp100* gnorm, int steps = 30) {
  for (int k = 0; k < steps; ++k) {
    Vec<mp100> gx = g(x);
    if (gx.cwiseAbs().maxCoeff() < mp100("1e-95")) break;
    x -= solve(h(x), gx);
  }
  *gnorm = g(x).cwiseAbs().maxCoeff();
  return x;
}

// Numbers of negative / zero / positive pivots of symmetric elimination
// (Sylvester's law of inertia). A zero pivot with a nonzero entry a_kj in its row is
// first removed by the congruence row_k +-= row_j, col_k +-= col_j (new pivot
// a_kk +- 2 a_kj + a_jj: one sign gives a nonzero value), which keeps the inertia;
// `zero` counts pivots with |pivot| <= tol whose row is zero as well.
struct Inertia {
  int negative = 0, zero = 0, positive = 0;
};
template <class T>
Inertia inertia(Mat<T> a, const T& tol) {
  Inertia in;
  const Eigen::Index n = a.rows();
  for (Eigen::Index k = 0; k < n; ++k) {
    if (abs(a(k, k)) <= tol) {
      for (Eigen::Index j = k + 1; j < n; ++j) {
        if (abs(a(k, j)) <= tol) continue;
        const T sign = abs(T(a(k, k) + 2 * a(k, j) + a(j, j))) > tol ? T(1) : T(-1);
        a.row(k) += sign * a.row(j);
        a.col(k) += sign * a.col(j);
        break;
      }
    }
    const T p = a(k, k);
    if (abs(p) <= tol) {
      ++in.zero;
      continue;
    }
    if (p < T(0)) ++in.negative; else ++in.positive;
    for (Eigen::Index i = k + 1; i < n; ++i) {
      const T f = a(i, k) / p;
      for (Eigen::Index j = k + 1; j < n; ++j) a(i, j) -= f * a(k, j);
      a(i, k) = T(0);
    }
    for (Eigen::Index i = k + 1; i < n; ++i) a(k, i) = T(0);
  }
  return in;
}

inline bool kind_matches(PointKind kind, const Inertia& in) {
  switch (kind) {
    case PointKind::minimum: return in.zero == 0 && in.negative == 0;
    case PointKind::maximum: return in.zero == 0 && in.positive == 0;
    case PointKind::strict_saddle: return in.negative > 0 && in.positive > 0;
    default: return false;
  }
}

// A listed critical point (exact or approximate) is a critical point of the given
// kind: Newton in mp100 from the listed coordinates moves it by less than `moved`
// (1e-30 for 35-digit data), |grad| < 1e-90 there, and the Hessian inertia matches.
inline bool critical_point_ok(const GradFn<mp100>& g, const HessFn<mp100>& h, const std::vector<std::string>& coords,
                              PointKind kind, std::string* why = nullptr) {
  const Vec<mp100> x0 = vec_of<mp100>(coords);
  mp100 gnorm;
  const Vec<mp100> x = newton(g, h, x0, &gnorm);
  const mp100 moved = (x - x0).cwiseAbs().maxCoeff();
  const Inertia in = inertia<mp100>(h(x), mp100("1e-60"));
  const bool ok = moved < mp100("1e-30") && gnorm < mp100("1e-90") && kind_matches(kind, in);
  if (why) *why = "moved " + moved.str(5) + ", |g| " + gnorm.str(5) + ", inertia -" + std::to_string(in.negative) +
                  "/0:" + std::to_string(in.zero) + "/+" + std::to_string(in.positive);
  return ok;
}

// |a - b| <= tol * max(1, |b|) in mp100.
inline bool close(const mp100& a, const mp100& b, const mp100& tol) {
  return abs(a - b) <= tol * (abs(b) > 1 ? abs(b) : mp100(1));
}

}  // namespace ov::classic_test
