// Himmelblau's function (x^2 + y - 11)^2 + (x + y^2 - 7)^2: four global minima
// (value 0), one local maximum and four saddles -- nine critical points in all.
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct HimmelblauFamily {
  static constexpr const char* kName = "himmelblau";
  static constexpr const char* kTitle = "Himmelblau function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  // The nine critical points are the real solutions of grad f = 0; eliminating y
  // gives a degree-9 resultant in x with nine real roots, so the list is complete.
  // Apart from (3, 2) they are irrational; the 35 digits were computed with
  // SymPy/mpmath at 45 digits and are re-derived by Newton's method in mp100 with
  // this library in tests/problems/classic_functions_test.cpp.
  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {
        {{"3", "2"}, PointKind::minimum, true, "global minimum, f = 0"},
        {{"-2.8051180869527448530535723980874001", "3.1313125182505729658043007234092111"},
         PointKind::minimum, false, "global minimum, f = 0"},
        {{"-3.7793102533777468918907658412927618", "-3.2831859912861694122660005143729449"},
         PointKind::minimum, false, "global minimum, f = 0"},
        {{"3.5844283403304917449443382393801619", "-1.8481265269644035535383002090362662"},
         PointKind::minimum, false, "global minimum, f = 0"},
        {{"-2.7084459066734761303933618292956883e-1", "-9.2303855647998146313282415862661534e-1"},
         PointKind::maximum, false, "local maximum, f = 181.61652152258270404416638825097479"},
        {{"-3.0730257507643896104725267461136048", "-8.1353044287967511553056884358179909e-2"},
         PointKind::strict_saddle, false, "f = 104.01516291755810585606096258648863"},
        {{"-1.2796134673068006631046372684182291e-1", "-1.9537149802445764260962569656348662"},
         PointKind::strict_saddle, false, "f = 178.337239201927459984464432058495"},
        {{"8.6677504555396351823025643013918214e-2", "2.8842547011747761130629506072600702"},
         PointKind::strict_saddle, false, "f = 67.719150087526140226435419312099591"},
        {{"3.3851541836070209379993010128710783", "7.385187983774928771918740135959126e-2"},
         PointKind::strict_saddle, false, "f = 13.311926270405589888872797791941981"},
    };
    i.critical_points_note = "all nine critical points (4 minima, 1 maximum, 4 saddles)";
    i.f_star = "0";
    // Hessian [[12x^2 + 4y - 42, 4(x + y)], [4(x + y), 4x + 12y^2 - 26]]. On the
    // square [-5, 5]^2 (which contains the ball) its largest absolute row sum is at
    // most max(278 + 40, 294 + 40) = 334, an upper bound of the spectral norm
    // (the supremum is about 326.8, at (5, 5)).
    i.local_lipschitz = LocalLipschitz{"334", {"0", "0"}, "5"};
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Himmelblau, Applied Nonlinear Programming, McGraw-Hill 1972; Jamil & Yang, Int. J. Math. Modelling Num. "
        "Optim. 4(2), 2013, function 65";
    i.box_lo = {-5, -5};
    i.box_hi = {5, 5};
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
      T u = x[0] * x[0] + x[1] - integer<T>(11);
      T v = x[0] + x[1] * x[1] - integer<T>(7);
      return u * u + v * v;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      S u = x[0] * x[0] + x[1] - S(11);
      S v = x[0] + x[1] * x[1] - S(7);
      Vec<S> g(2);
      g[0] = S(4) * x[0] * u + S(2) * v;
      g[1] = S(2) * u + S(4) * x[1] * v;
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h(2, 2);
      h(0, 0) = S(12) * x[0] * x[0] + S(4) * x[1] - S(42);
      h(0, 1) = h(1, 0) = S(4) * (x[0] + x[1]);
      h(1, 1) = S(4) * x[0] + S(12) * x[1] * x[1] - S(26);
      return h;
    }
  };
};

}  // namespace ov::problems
