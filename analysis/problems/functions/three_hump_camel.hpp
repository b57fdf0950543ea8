// The three-hump camel function 2x^2 - 1.05x^4 + x^6/6 + xy + y^2.
#pragma once

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct ThreeHumpCamelFamily {
  static constexpr const char* kName = "three_hump_camel";
  static constexpr const char* kTitle = "Three-hump camel function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  // grad f = 0: f_y = x + 2y = 0 gives y = -x/2, then f_x = x (x^4 - 4.2 x^2 + 3.5) = 0, so
  // x = 0 or x^2 = 2.1 -+ sqrt(0.91): five critical points, all exact. The Hessian is
  // [[4 - 12.6 x^2 + 5 x^4, 1], [1, 2]]; its determinant 2 h11 - 1 is positive at x = 0 and
  // x^2 = 2.1 + sqrt(0.91) (minima: h11 = 4 and about 12.15) and negative at
  // x^2 = 2.1 - sqrt(0.91) (h11 about -3.87: saddles).
  static ProblemInfo describe(const Params&) {
    const std::string outer = "sqrt(21/10 + sqrt(91/100))";
    const std::string inner = "sqrt(21/10 - sqrt(91/100))";
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = 2x^2 - 1.05x^4 + x^6/6 + x y + y^2";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {
        {{"0", "0"}, PointKind::minimum, true, "global minimum"},
        {{outer, "-" + outer + "/2"}, PointKind::minimum, true, "local minimum, f about 0.2986"},
        {{"-" + outer, outer + "/2"}, PointKind::minimum, true, "local minimum, f about 0.2986"},
        {{inner, "-" + inner + "/2"}, PointKind::strict_saddle, true, "f about 0.8773"},
        {{"-" + inner, inner + "/2"}, PointKind::strict_saddle, true, "f about 0.8773"},
    };
    i.critical_points_note = "all five critical points (3 minima, 2 saddles)";
    i.f_star = "0";
    // Hessian norm on |x| <= 2 (the ball of radius 2 and the box both lie there; the
    // Hessian depends on x only): h11 = 4 - 12.6x^2 + 5x^4 ranges over
    // [4 - 12.6^2/20, 33.6]; the largest |eigenvalue| of [[h11, 1], [1, 2]] is at h11 = 33.6:
    // (h11 + 2)/2 + sqrt(((h11 - 2)/2)^2 + 1) = 89/5 + sqrt(6266)/5 (about 33.63); at the
    // smallest h11 (about -3.94) it is about 4.10.
    i.local_lipschitz = LocalLipschitz{"89/5 + sqrt(6266)/5", {"0", "0"}, "2"};
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Branin & Hoo, in Numerical Methods for Nonlinear Optimization (Lootsma ed.), 1972; Jamil & Yang, Int. J. "
        "Math. Modelling Num. Optim. 4(2), 2013, function 29 (three-hump camel)";
    i.box_lo = {-2, -2};
    i.box_hi = {2, 2};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S c105;  // 1.05
    explicit Functor(const Params&) : c105(constant<S>("1.05")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T x2 = x[0] * x[0];
      T x4 = x2 * x2;
      return integer<T>(2) * x2 - lift<T>(c105) * x4 + x4 * x2 / integer<T>(6) + x[0] * x[1] + x[1] * x[1];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      S x2 = x[0] * x[0];
      Vec<S> g(2);
      g[0] = S(4) * x[0] - S(4) * c105 * x2 * x[0] + x2 * x2 * x[0] + x[1];
      g[1] = x[0] + S(2) * x[1];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      S x2 = x[0] * x[0];
      Mat<S> h(2, 2);
      h(0, 0) = S(4) - S(12) * c105 * x2 + S(5) * x2 * x2;
      h(0, 1) = h(1, 0) = S(1);
      h(1, 1) = S(2);
      return h;
    }
  };
};

}  // namespace ov::problems
