// QuadraticModel<S>: evaluation of f(x) = (1/2) x^T A x - b^T x from exact data
// (quadratic_data.hpp), with A and b converted once to the scalar S. Shared by the
// `quadratic` and `quadratic_deep` families. The value is a plain double loop (one S
// product per Jet component via classic::scaled), cheap to compile and to run.
#pragma once

#include <memory>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/functions/quadratic_data.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems::generated {

template <class S>
struct QuadraticModel {
  static constexpr int kDim = 0;
  int n = 0;
  Mat<S> A;
  Vec<S> b;
  S half;

  explicit QuadraticModel(const QuadraticData& d) : n(d.n), A(d.n, d.n), b(d.n), half(S(1) / S(2)) {
    for (int i = 0; i < n; ++i) {
      b[i] = from_rational<S>(d.b[i]);
      for (int j = 0; j < n; ++j) A(i, j) = from_rational<S>(d.A[i * n + j]);
    }
  }
  int dim() const { return n; }

  template <class T>
  T operator()(const Vec<T>& x) const {
    T quad = integer<T>(0), lin = integer<T>(0);
    for (int i = 0; i < n; ++i) {
      // x_i (A_ii x_i / 2 + sum_{j > i} A_ij x_j): the upper triangle only.
      T row = classic::scaled(S(A(i, i) * half), x[i]);
      for (int j = i + 1; j < n; ++j) row += classic::scaled(A(i, j), x[j]);
      quad += x[i] * row;
      lin += classic::scaled(b[i], x[i]);
    }
    return quad - lin;
  }
  Vec<S> gradient(const Vec<S>& x) const {
    Vec<S> g(n);
    for (int i = 0; i < n; ++i) {
      S s = -b[i];
      for (int j = 0; j < n; ++j) s += A(i, j) * x[j];
      g[i] = s;
    }
    return g;
  }
  Mat<S> hessian(const Vec<S>&) const { return A; }
};

}  // namespace ov::problems::generated
