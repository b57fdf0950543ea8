// Generic test functors with hand-written analytic derivatives (written once,
// generic over the scalar so that the analytic formulas can be evaluated in a
// higher reference precision). Dimensions 3, 2 and 9 (the last exercises
// chunking: passes of 4 + 4 + 1 directions, Hessian blocks across chunks).
#pragma once

#include <cmath>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"

namespace ov::testing {

// f = x0^2 x1 + 3 x1^3 - 2 x0 x2 + x2^4 + x0 x1 x2 (a rational function: exact in rational).
struct Polynomial3 {
  static constexpr int kDim = 3;
  template <class T>
  T operator()(const Vec<T>& x) const {
    return x[0] * x[0] * x[1] + integer<T>(3) * x[1] * x[1] * x[1] - integer<T>(2) * x[0] * x[2] +
           x[2] * x[2] * x[2] * x[2] + x[0] * x[1] * x[2];
  }
  template <class T>
  Vec<T> gradient(const Vec<T>& x) const {
    Vec<T> g(3);
    g[0] = T(2) * x[0] * x[1] - T(2) * x[2] + x[1] * x[2];
    g[1] = x[0] * x[0] + T(9) * x[1] * x[1] + x[0] * x[2];
    g[2] = T(-2) * x[0] + T(4) * x[2] * x[2] * x[2] + x[0] * x[1];
    return g;
  }
  template <class T>
  Mat<T> hessian(const Vec<T>& x) const {
    Mat<T> h(3, 3);
    h(0, 0) = T(2) * x[1];
    h(0, 1) = h(1, 0) = T(2) * x[0] + x[2];
    h(0, 2) = h(2, 0) = T(-2) + x[1];
    h(1, 1) = T(18) * x[1];
    h(1, 2) = h(2, 1) = x[0];
    h(2, 2) = T(12) * x[2] * x[2];
    return h;
  }
};

// f = exp(x0) sin(x1) + log(1 + x0^2) + cos(x0 x1).
struct TranscendentalMix {
  static constexpr int kDim = 2;
  template <class T>
  T operator()(const Vec<T>& x) const {
    using std::cos;
    using std::exp;
    using std::log;
    using std::sin;
    return exp(x[0]) * sin(x[1]) + log(integer<T>(1) + x[0] * x[0]) + cos(x[0] * x[1]);
  }
  template <class T>
  Vec<T> gradient(const Vec<T>& x) const {
    using std::cos;
    using std::exp;
    using std::sin;
    Vec<T> g(2);
    const T e = exp(x[0]), p = x[0] * x[1];
    g[0] = e * sin(x[1]) + T(2) * x[0] / (T(1) + x[0] * x[0]) - x[1] * sin(p);
    g[1] = e * cos(x[1]) - x[0] * sin(p);
    return g;
  }
  template <class T>
  Mat<T> hessian(const Vec<T>& x) const {
    using std::cos;
    using std::exp;
    using std::sin;
    Mat<T> h(2, 2);
    const T e = exp(x[0]), p = x[0] * x[1], q = T(1) + x[0] * x[0];
    h(0, 0) = e * sin(x[1]) + T(2) * (T(1) - x[0] * x[0]) / (q * q) - x[1] * x[1] * cos(p);
    h(0, 1) = h(1, 0) = e * cos(x[1]) - sin(p) - p * cos(p);
    h(1, 1) = -e * sin(x[1]) - x[0] * x[0] * cos(p);
    return h;
  }
};

// n = 9: sum_{i<8} (x_{i+1} - x_i^2)^2 + sum_i (i+1) x_i x_{(i+3) mod 9} [+ sum_i sin x_i if Trig].
// The coupling (i, i+3 mod 9) crosses the chunks {0..3}, {4..7}, {8}.
template <bool Trig>
struct Chain9 {
  static constexpr int kDim = 9;
  static constexpr int n = 9;
  static int partner(int i) { return (i + 3) % n; }
  template <class T>
  T operator()(const Vec<T>& x) const {
    using std::sin;
    T f = integer<T>(0) * x[0];
    for (int i = 0; i + 1 < n; ++i) {
      T r = x[i + 1] - x[i] * x[i];
      f = f + r * r;
    }
    for (int i = 0; i < n; ++i) f = f + integer<T>(i + 1) * x[i] * x[partner(i)];
    if constexpr (Trig) {
      for (int i = 0; i < n; ++i) f = f + sin(x[i]);
    }
    return f;
  }
  template <class T>
  Vec<T> gradient(const Vec<T>& x) const {
    using std::cos;
    Vec<T> g = Vec<T>::Zero(n);
    for (int k = 0; k < n; ++k) {
      if (k >= 1) g[k] += T(2) * (x[k] - x[k - 1] * x[k - 1]);
      if (k + 1 < n) g[k] -= T(4) * x[k] * (x[k + 1] - x[k] * x[k]);
    }
    for (int i = 0; i < n; ++i) {
      g[i] += T(i + 1) * x[partner(i)];
      g[partner(i)] += T(i + 1) * x[i];
    }
    if constexpr (Trig) {
      for (int k = 0; k < n; ++k) g[k] += cos(x[k]);
    }
    return g;
  }
  template <class T>
  Mat<T> hessian(const Vec<T>& x) const {
    using std::sin;
    Mat<T> h = Mat<T>::Zero(n, n);
    for (int k = 0; k < n; ++k) {
      if (k >= 1) h(k, k) += T(2);
      if (k + 1 < n) {
        h(k, k) += T(-4) * (x[k + 1] - x[k] * x[k]) + T(8) * x[k] * x[k];
        h(k, k + 1) += T(-4) * x[k];
        h(k + 1, k) += T(-4) * x[k];
      }
    }
    for (int i = 0; i < n; ++i) {
      h(i, partner(i)) += T(i + 1);
      h(partner(i), i) += T(i + 1);
    }
    if constexpr (Trig) {
      for (int k = 0; k < n; ++k) h(k, k) -= sin(x[k]);
    }
    return h;
  }
};

}  // namespace ov::testing
