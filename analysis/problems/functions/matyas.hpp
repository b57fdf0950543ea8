// Matyas' function 0.26 (x^2 + y^2) - 0.48 x y: a convex quadratic with Hessian
// [[0.52, -0.48], [-0.48, 0.52]] (eigenvalues 1/25 and 1, condition number 25).
#pragma once

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct MatyasFamily {
  static constexpr const char* kName = "matyas";
  static constexpr const char* kTitle = "Matyas function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = 0.26 (x^2 + y^2) - 0.48 x y";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {{{"0", "0"}, PointKind::minimum, true, "unique critical point, global minimum"}};
    i.f_star = "0";
    i.lipschitz = "1";   // eigenvalue 0.52 + 0.48 of the constant Hessian, eigenvector (1, -1)
    i.mu = "1/25";       // eigenvalue 0.52 - 0.48, eigenvector (1, 1)
    i.smoothness = Smoothness::analytic;
    i.citation =
        "classic test function; Jamil & Yang, Int. J. Math. Modelling Num. Optim. 4(2), 2013, function 71 (Matyas)";
    i.box_lo = {-10, -10};
    i.box_hi = {10, 10};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S c26, c48;
    explicit Functor(const Params&) : c26(constant<S>("26/100")), c48(constant<S>("48/100")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      return lift<T>(c26) * (x[0] * x[0] + x[1] * x[1]) - lift<T>(c48) * x[0] * x[1];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(2) * c26 * x[0] - c48 * x[1];
      g[1] = S(2) * c26 * x[1] - c48 * x[0];
      return g;
    }
    Mat<S> hessian(const Vec<S>&) const {
      Mat<S> h(2, 2);
      h(0, 0) = h(1, 1) = S(2) * c26;
      h(0, 1) = h(1, 0) = S(-c48);
      return h;
    }
  };
};

}  // namespace ov::problems
