// McCormick's function sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1 on its standard box.
#pragma once

#include <cmath>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct McCormickFamily {
  static constexpr const char* kName = "mccormick";
  static constexpr const char* kTitle = "McCormick function";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {}; }

  // In u = x + y, v = x - y: f = sin u + u/2 + (v - 1)^2. So grad f = 0 iff v = 1 and
  // cos u = -1/2, i.e. u = -2pi/3 + 2k pi (f_uu = -sin u > 0: minima) or u = 2pi/3 + 2k pi
  // (saddles); all critical points are exact. f is unbounded below on R^2 (u -> -inf), so
  // the problem is posed on the standard box [-1.5, 4] x [-3, 4], which holds exactly the
  // three critical points listed; the global minimum over the box is the interior one at
  // u = -2pi/3 (on the boundary u >= -4.5, and sin u + u/2 >= -1.23 for u in [-4.5, -4pi/3]).
  // Hessian: eigenvalue -2 sin u along (1, 1) and 4 along (1, -1), so |H| <= 4 = L.
  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = sin(x + y) + (x - y)^2 - 1.5 x + 2.5 y + 1";
    i.dim = 2;
    i.domain = "[-1.5, 4] x [-3, 4] (standard box; f is unbounded below on R^2)";
    i.critical_points = {
        {{"1/2 - pi/3", "-1/2 - pi/3"}, PointKind::minimum, true,
         "global minimum on the box, f = -sqrt(3)/2 - pi/3 (about -1.9132)"},
        {{"1/2 + 2*pi/3", "-1/2 + 2*pi/3"}, PointKind::minimum, true,
         "local minimum, f = -sqrt(3)/2 + 2*pi/3 (about 1.2284)"},
        {{"1/2 + pi/3", "-1/2 + pi/3"}, PointKind::strict_saddle, true, "f = sqrt(3)/2 + pi/3"},
    };
    i.critical_points_note =
        "all critical points in the box; on R^2 they are x - y = 1, x + y = -+2pi/3 + 2k pi (k integer)";
    i.f_star = "-sqrt(3)/2 - pi/3";
    i.lipschitz = "4";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "McCormick, Computability of global solutions to factorable nonconvex programs, Math. Prog. 10, 1976; "
        "Jamil & Yang, Int. J. Math. Modelling Num. Optim. 4(2), 2013, function 80";
    i.box_lo = {-1.5, -3};
    i.box_hi = {4, 4};
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S c15, c25;
    explicit Functor(const Params&) : c15(constant<S>("1.5")), c25(constant<S>("2.5")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      using std::sin;
      T d = x[0] - x[1];
      return sin(x[0] + x[1]) + d * d - lift<T>(c15) * x[0] + lift<T>(c25) * x[1] + integer<T>(1);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      using std::cos;
      S c = cos(S(x[0] + x[1]));
      S d = x[0] - x[1];
      Vec<S> g(2);
      g[0] = c + S(2) * d - c15;
      g[1] = c - S(2) * d + c25;
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      using std::sin;
      S s = sin(S(x[0] + x[1]));
      Mat<S> h(2, 2);
      h(0, 0) = h(1, 1) = S(2) - s;
      h(0, 1) = h(1, 0) = S(-s) - S(2);
      return h;
    }
  };
};

}  // namespace ov::problems
