// The n-dimensional (chained) Rosenbrock function
// sum_{i=1}^{n-1} [b (x_{i+1} - x_i^2)^2 + (1 - x_i)^2].
#pragma once

#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct RosenbrockChainFamily {
  static constexpr const char* kName = "rosenbrock_nd";
  static constexpr const char* kTitle = "Rosenbrock function, n-dimensional (chained)";
  static constexpr bool kRationalExact = true;
  static constexpr int kMaxDim = 1000;

  static Params defaults() { return {{"n", "4"}, {"b", "100"}}; }

  static ProblemInfo describe(const Params& p) {
    const int n = static_cast<int>(classic::int_param(p, kName, "n", 2, kMaxDim));
    classic::positive_param(p, kName, "b");
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = sum_{i=1}^{n-1} [b (x_{i+1} - x_i^2)^2 + (1 - x_i)^2], b = " + p.text("b") +
                ", n = " + std::to_string(n);
    i.dim = n;
    i.domain = "R^n";
    i.critical_points = {{classic::repeated(n, "1"), PointKind::minimum, true, "global minimum (f >= 0 = f(1))"}};
    i.critical_points_note =
        "global minimum only; for b = 100 and 4 <= n <= 7 there is one more local minimum near (-1, 1, ..., 1) "
        "(Kok & Sandrock, Evol. Comput. 17(3), 2009), plus saddles";
    i.f_star = "0";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Rosenbrock, An automatic method for finding the greatest or least value of a function, Comput. J. 3, "
        "1960 (2-D); chained n-D form as in Dixon & Mills, JOTA 81(1), 1994 and Kok & Sandrock 2009";
    i.box_lo = classic::filled(n, -2);
    i.box_hi = classic::filled(n, 2);
    i.rational_exact = true;
    i.analytic_gradient = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 0;
    int n;
    S b;
    explicit Functor(const Params& p)
        : n(static_cast<int>(classic::int_param(p, kName, "n", 2, kMaxDim))), b(p.get<S>("b")) {}
    int dim() const { return n; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T sum = integer<T>(0);
      for (int k = 0; k + 1 < n; ++k) {
        T v = x[k + 1] - x[k] * x[k];
        T u = integer<T>(1) - x[k];
        sum += classic::scaled(b, T(v * v)) + u * u;
      }
      return sum;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g = Vec<S>::Zero(n);
      for (int k = 0; k + 1 < n; ++k) {
        S v = x[k + 1] - x[k] * x[k];
        g[k] += S(-4) * b * x[k] * v - S(2) * (S(1) - x[k]);
        g[k + 1] += S(2) * b * v;
      }
      return g;
    }
  };
};

}  // namespace ov::problems
