// Beale's function (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2.
#pragma once

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct BealeFamily {
  static constexpr const char* kName = "beale";
  static constexpr const char* kTitle = "Beale function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  // Critical points: f_y = 2x (r1 + 2y r2 + 3y^2 r3). On x = 0, f_x = (3/4)(y - 1)(7y^2 + 13y + 17)
  // vanishes only at y = 1. For x != 0 the resultant in y of f_x and f_y / x factors as
  // (2y - 1)(y - 1)^3 (3y^3 + 11y^2 + 10y + 5) (SymPy); y = 1 gives no point (f_y / x = 111 there),
  // y = 1/2 gives (3, 1/2) and the real root of the cubic gives the third point. So the list is complete.
  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {
        {{"3", "1/2"}, PointKind::minimum, true, "global minimum"},
        {{"0", "1"}, PointKind::strict_saddle, true, "Hessian [[0, 111/4], [111/4, 0]], f = 909/64 = 14.203125"},
        {{"1.005379373241583592727892359286346e-1", "-2.644513585023124968855422692430019"},
         PointKind::strict_saddle, false, "y is the real root of 3y^3 + 11y^2 + 10y + 5; f = 9.8645122847555601723786387299"},
    };
    i.critical_points_note = "all three critical points";
    i.f_star = "0";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Beale, On an iterative method for finding a local minimum of a function of more than one variable, "
        "Princeton Tech. Rep. 25, 1958; Jamil & Yang, Int. J. Math. Modelling Num. Optim. 4(2), 2013, function 10; "
        "DeepOBS 2-D test problem (anchors-optimizers.md §4.1)";
    i.box_lo = {-4.5, -4.5};
    i.box_hi = {4.5, 4.5};
    i.rational_exact = true;
    i.analytic_gradient = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S c1, c2, c3;
    explicit Functor(const Params&) : c1(constant<S>("1.5")), c2(constant<S>("2.25")), c3(constant<S>("2.625")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T y2 = x[1] * x[1];
      T r1 = lift<T>(c1) - x[0] + x[0] * x[1];
      T r2 = lift<T>(c2) - x[0] + x[0] * y2;
      T r3 = lift<T>(c3) - x[0] + x[0] * y2 * x[1];
      return r1 * r1 + r2 * r2 + r3 * r3;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      S y = x[1], y2 = y * y, y3 = y2 * y;
      S r1 = c1 - x[0] + x[0] * y, r2 = c2 - x[0] + x[0] * y2, r3 = c3 - x[0] + x[0] * y3;
      Vec<S> g(2);
      g[0] = S(2) * (r1 * (y - S(1)) + r2 * (y2 - S(1)) + r3 * (y3 - S(1)));
      g[1] = S(2) * x[0] * (r1 + S(2) * y * r2 + S(3) * y2 * r3);
      return g;
    }
  };
};

}  // namespace ov::problems
