// Nesterov's example 2 x1^2 + x2^4 - x2^2 from the slides of paper 000: GD from
// the non-random start (1, 0) converges to the saddle (0, 0).
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct NesterovExampleFamily {
  static constexpr const char* kName = "nesterov_example";
  static constexpr const char* kTitle = "Nesterov's example 2 x1^2 + x2^4 - x2^2";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x1, x2) = 2 x1^2 + x2^4 - x2^2; grad f = (4 x1, 4 x2^3 - 2 x2); Hessian diag(4, 12 x2^2 - 2)";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {
        {{"0", "0"}, PointKind::strict_saddle, true, "Hessian diag(4, -2), f = 0; stable manifold {x2 = 0}"},
        {{"0", "sqrt(1/2)"}, PointKind::minimum, true, "global minimum, Hessian diag(4, 4)"},
        {{"0", "-sqrt(1/2)"}, PointKind::minimum, true, "global minimum, Hessian diag(4, 4)"},
    };
    i.critical_points_note = "exactly three critical points ('This function has 3 critical points', S-L313)";
    i.f_star = "-1/4";
    i.local_lipschitz = LocalLipschitz{"46", {"0", "0"}, "2"};  // max(4, 12*4 - 2) = 46 on |z| <= 2
    i.smoothness = Smoothness::analytic;
    i.citation =
        "001_ca0824e53e7404e9.txt slides S-L304-317 ('Example (Nesterov)', start (1, 0), 'not random'); the "
        "exponents are reconstructed from the garbled text '2x2 1 + x4 2 - x2 2' (guide "
        "seed-000-001-backtracking.md §5 item 2, C10 L469)";
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
      return integer<T>(2) * x[0] * x[0] + y2 * y2 - y2;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(4) * x[0];
      g[1] = S(4) * x[1] * x[1] * x[1] - S(2) * x[1];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h = Mat<S>::Zero(2, 2);
      h(0, 0) = S(4);
      h(1, 1) = S(12) * x[1] * x[1] - S(2);
      return h;
    }
  };
};

}  // namespace ov::problems
