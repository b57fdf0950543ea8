// Booth's function (x + 2y - 7)^2 + (2x + y - 5)^2: a convex quadratic with
// Hessian [[10, 8], [8, 10]] (eigenvalues 2 and 18).
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct BoothFamily {
  static constexpr const char* kName = "booth";
  static constexpr const char* kTitle = "Booth function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {{{"1", "3"}, PointKind::minimum, true, "unique critical point, global minimum"}};
    i.f_star = "0";
    i.lipschitz = "18";  // largest eigenvalue of the constant Hessian [[10, 8], [8, 10]]
    i.mu = "2";          // smallest eigenvalue
    i.smoothness = Smoothness::analytic;
    i.citation =
        "classic test function; Jamil & Yang, A literature survey of benchmark functions for global optimisation "
        "problems, Int. J. Math. Modelling Num. Optim. 4(2), 2013, function 24 (Booth)";
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
    explicit Functor(const Params&) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T u = x[0] + integer<T>(2) * x[1] - integer<T>(7);
      T v = integer<T>(2) * x[0] + x[1] - integer<T>(5);
      return u * u + v * v;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(10) * x[0] + S(8) * x[1] - S(34);
      g[1] = S(8) * x[0] + S(10) * x[1] - S(38);
      return g;
    }
    Mat<S> hessian(const Vec<S>&) const {
      Mat<S> h(2, 2);
      h(0, 0) = h(1, 1) = S(10);
      h(0, 1) = h(1, 0) = S(8);
      return h;
    }
  };
};

}  // namespace ov::problems
