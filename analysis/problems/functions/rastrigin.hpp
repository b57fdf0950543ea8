// The Rastrigin function A n + sum_i (x_i^2 - A cos(2 pi x_i)) in n dimensions.
#pragma once

#include <cmath>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct RastriginFamily {
  static constexpr const char* kName = "rastrigin";
  static constexpr const char* kTitle = "Rastrigin function";
  static constexpr bool kRationalExact = false;
  static constexpr int kMaxDim = 1000;

  static Params defaults() { return {{"n", "2"}, {"A", "10"}}; }

  static ProblemInfo describe(const Params& p) {
    const int n = static_cast<int>(classic::int_param(p, kName, "n", 1, kMaxDim));
    classic::positive_param(p, kName, "A");
    const std::string A = p.text("A");
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = A n + sum_{i=1}^n (x_i^2 - A cos(2 pi x_i)), A = " + A + ", n = " + std::to_string(n);
    i.dim = n;
    i.domain = "R^n";
    // f = sum_i [x_i^2 + A (1 - cos(2 pi x_i))] >= |x|^2, so 0 is the unique global minimum.
    i.critical_points = {{classic::repeated(n, "0"), PointKind::minimum, true,
                          "global minimum; Hessian (2 + 4 pi^2 A) I"}};
    i.critical_points_note =
        "global minimum only; per coordinate, x + pi A sin(2 pi x) = 0 has about 4 pi A zeros (all in "
        "|x| <= pi A, near the integers and half-integers), giving exponentially many minima, maxima and saddles";
    i.f_star = "0";
    // Hessian diag(2 + 4 pi^2 A cos(2 pi x_i)): |entries| <= 2 + 4 pi^2 A, attained at integers.
    i.lipschitz = "2 + 4 * pi^2 * (" + A + ")";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Rastrigin, Systems of extremal control, Nauka 1974; Muehlenbein, Schomisch & Born, The parallel genetic "
        "algorithm as function optimizer, Parallel Computing 17, 1991 (n-D form); Jamil & Yang, Int. J. Math. "
        "Modelling Num. Optim. 4(2), 2013";
    i.box_lo = classic::filled(n, -5.12);
    i.box_hi = classic::filled(n, 5.12);
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 0;
    int n;
    S A, two_pi;
    explicit Functor(const Params& p)
        : n(static_cast<int>(classic::int_param(p, kName, "n", 1, kMaxDim))),
          A(p.get<S>("A")),
          two_pi(constant<S>("2 * pi")) {}
    int dim() const { return n; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      using std::cos;
      T sum = lift<T>(S(A * S(n)));
      for (int k = 0; k < n; ++k) sum += x[k] * x[k] - classic::scaled(A, T(cos(classic::scaled(two_pi, x[k]))));
      return sum;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      using std::sin;
      Vec<S> g(n);
      for (int k = 0; k < n; ++k) g[k] = S(2) * x[k] + A * two_pi * sin(S(two_pi * x[k]));
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      using std::cos;
      Mat<S> h = Mat<S>::Zero(n, n);
      for (int k = 0; k < n; ++k) h(k, k) = S(2) + A * two_pi * two_pi * cos(S(two_pi * x[k]));
      return h;
    }
  };
};

}  // namespace ov::problems
