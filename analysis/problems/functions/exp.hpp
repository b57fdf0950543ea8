// e^t: a function without critical points (paper 000, L119): Backtracking GD must
// diverge to -infinity.
#pragma once

#include <cmath>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct ExpFamily {
  static constexpr const char* kName = "exp";
  static constexpr const char* kTitle = "e^t";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(t) = e^t (inf f = 0 is not attained: no f_star; f'' = e^t is unbounded: no global L)";
    i.dim = 1;
    i.domain = "R";
    i.critical_points_note = "none: f'(t) = e^t > 0 for every t";
    i.local_lipschitz = LocalLipschitz{"e^2", {"0"}, "2"};  // sup_{|t|<=2} e^t = e^2, attained
    i.smoothness = Smoothness::analytic;
    i.citation = "000_47ba9189a2c8a171.txt, after Theorem 2.1 (L119): 'a function without critical points, for "
                 "example f(t) = e^t'; guide seed-000-001-backtracking.md C8";
    // e^5 < 149: no overflow in float, no underflow at -5.
    i.box_lo = {-5};
    i.box_hi = {5};
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
      using std::exp;
      return exp(x[0]);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      using std::exp;
      Vec<S> g(1);
      g[0] = exp(x[0]);
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      using std::exp;
      Mat<S> h(1, 1);
      h(0, 0) = exp(x[0]);
      return h;
    }
  };
};

}  // namespace ov::problems
