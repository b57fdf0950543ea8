// x^3: not Morse (paper 000, L121), unbounded below; the function of Example 2.17
// on which the Backtracking GD map is discontinuous.
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct CubeFamily {
  static constexpr const char* kName = "cube";
  static constexpr const char* kTitle = "x^3";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = x^3 (unbounded below: no f_star; f'' = 6x, so no global Lipschitz constant)";
    i.dim = 1;
    i.domain = "R";
    i.critical_points = {{{"0"}, PointKind::degenerate_saddle, true, "inflection point: f'' = 0, not an extremum"}};
    i.local_lipschitz = LocalLipschitz{"12", {"0"}, "2"};  // sup_{|x|<=2} |6x| = 12, attained
    i.smoothness = Smoothness::analytic;
    i.citation =
        "000_47ba9189a2c8a171.txt, L121 ('g(x) = x^3 is not a Morse function') and Example 2.17 (L310-318, "
        "f(x) = x^3); guide seed-000-001-backtracking.md C9, C26";
    i.box_lo = {-2};
    i.box_hi = {2};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 1;
    explicit Functor(const Params&) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      return x[0] * x[0] * x[0];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(1);
      g[0] = S(3) * x[0] * x[0];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h(1, 1);
      h(0, 0) = S(6) * x[0];
      return h;
    }
  };
};

}  // namespace ov::problems
