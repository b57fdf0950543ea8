// The double well x^2 + y^4/4 - y^2/2: a Morse function with one strict saddle and
// two minima, the guide's test function for 000 Theorems 2.1(2) and 2.3.
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct DoubleWellFamily {
  static constexpr const char* kName = "double_well";
  static constexpr const char* kTitle = "double well x^2 + y^4/4 - y^2/2";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = x^2 + y^4/4 - y^2/2; grad f = (2x, y^3 - y); Hessian diag(2, 3y^2 - 1)";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {
        {{"0", "0"}, PointKind::strict_saddle, true, "Hessian diag(2, -1), f = 0"},
        {{"0", "1"}, PointKind::minimum, true, "global minimum, Hessian diag(2, 2)"},
        {{"0", "-1"}, PointKind::minimum, true, "global minimum, Hessian diag(2, 2)"},
    };
    i.critical_points_note = "all three critical points (y^3 - y = 0, x = 0)";
    i.f_star = "-1/4";
    i.local_lipschitz = LocalLipschitz{"11", {"0", "0"}, "2"};  // max(2, |3*4 - 1|) = 11 on |z| <= 2
    i.smoothness = Smoothness::analytic;
    i.citation =
        "guide seed-000-001-backtracking.md C6 (L423, 'the double well x^2 + y^4/4 - y^2/2'), C10 (L466) and "
        "C11 (L477): test function for 000_47ba9189a2c8a171.txt Theorem 2.1(2) (L112), Theorem 2.3 (L137) "
        "and Remark 2.4 (L141); not written in the documents themselves";
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
    explicit Functor(const Params&) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T y2 = x[1] * x[1];
      return x[0] * x[0] + y2 * y2 / integer<T>(4) - y2 / integer<T>(2);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(2) * x[0];
      g[1] = x[1] * x[1] * x[1] - x[1];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h = Mat<S>::Zero(2, 2);
      h(0, 0) = S(2);
      h(1, 1) = S(3) * x[1] * x[1] - S(1);
      return h;
    }
  };
};

}  // namespace ov::problems
