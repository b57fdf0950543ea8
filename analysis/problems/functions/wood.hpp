// Wood's (Colville's) function in four dimensions.
#pragma once

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct WoodFamily {
  static constexpr const char* kName = "wood";
  static constexpr const char* kTitle = "Wood function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  // The critical points: a lexicographic Groebner basis of grad f (SymPy) ends in
  // (x1 - 1) times an irreducible octic with two real roots, and each x1 gives one point;
  // the coordinates below (35 digits, mpmath at 60 digits) are re-derived by Newton's
  // method in mp100 in the tests. Hessian eigenvalues: about -0.1195, 30.8, 859, 953 at
  // the first saddle; -63.8, -63.7, 188.6, 232.9 at the second.
  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula =
        "f(x) = 100 (x1^2 - x2)^2 + (x1 - 1)^2 + (x3 - 1)^2 + 90 (x3^2 - x4)^2 + 10.1 ((x2 - 1)^2 + (x4 - 1)^2) + "
        "19.8 (x2 - 1)(x4 - 1)";
    i.dim = 4;
    i.domain = "R^4";
    i.critical_points = {
        {{"1", "1", "1", "1"}, PointKind::minimum, true, "global minimum"},
        {{"-9.6797402493759306844125672015060469e-1", "9.471391408178418211065367674057062e-1",
          "-9.6951631033159115149484614807631964e-1", "9.5124766579232527785823364765509084e-1"},
         PointKind::strict_saddle, false, "one negative Hessian eigenvalue; f = 7.876967165176867454062787624"},
        {{"-3.1251023394335959617994416789492226e-2", "1.6597138685578312567914484873546082e-1",
          "-3.1258171023264062816361079368502785e-2", "1.842639346967284047501050510709311e-1"},
         PointKind::strict_saddle, false, "two negative Hessian eigenvalues; f = 35.09003421043562590437385195"},
    };
    i.critical_points_note = "all three critical points";
    i.f_star = "0";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Colville, A comparative study on nonlinear programming codes, IBM NYSC Rep. 320-2949, 1968; More, Garbow & "
        "Hillstrom, Testing unconstrained optimization software, ACM TOMS 7(1), 1981, problem 14 (Wood)";
    i.box_lo = {-2, -2, -2, -2};
    i.box_hi = {2, 2, 2, 2};
    i.rational_exact = true;
    i.analytic_gradient = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 4;
    S c101, c198;
    explicit Functor(const Params&) : c101(constant<S>("10.1")), c198(constant<S>("19.8")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T one = integer<T>(1);
      T a = x[0] * x[0] - x[1], b = x[0] - one, c = x[2] - one, d = x[2] * x[2] - x[3];
      T u = x[1] - one, v = x[3] - one;
      return integer<T>(100) * a * a + b * b + c * c + integer<T>(90) * d * d + lift<T>(c101) * (u * u + v * v) +
             lift<T>(c198) * u * v;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      S a = x[0] * x[0] - x[1], d = x[2] * x[2] - x[3], u = x[1] - S(1), v = x[3] - S(1);
      Vec<S> g(4);
      g[0] = S(400) * x[0] * a + S(2) * (x[0] - S(1));
      g[1] = S(-200) * a + S(2) * c101 * u + c198 * v;
      g[2] = S(360) * x[2] * d + S(2) * (x[2] - S(1));
      g[3] = S(-180) * d + S(2) * c101 * v + c198 * u;
      return g;
    }
  };
};

}  // namespace ov::problems
