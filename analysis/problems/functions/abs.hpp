// |x|: the nonsmooth example for which paper 000 claims Theorem 2.1 still holds.
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct AbsFamily {
  static constexpr const char* kName = "abs";
  static constexpr const char* kTitle = "|x|";
  // Piecewise rational: the branch is decided by an exact comparison, so every
  // value is exact in `rational`.
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = |x|; the gradient returned at x = 0 is 0, the minimal-norm element of the subdifferential [-1, 1]";
    i.dim = 1;
    i.domain = "R";
    i.critical_points = {{{"0"}, PointKind::nonsmooth, true, "global minimum (Clarke critical: 0 in [-1, 1])"}};
    i.f_star = "0";
    i.smoothness = Smoothness::nonsmooth;
    i.nonsmooth_set = "x = 0 (f' jumps from -1 to 1; f itself is 1-Lipschitz)";
    i.citation =
        "000_47ba9189a2c8a171.txt, Example 2.9 (L193: Theorem 2.1 holds for directionally differentiable f with "
        "locally bounded gradient) and Example 2.15 (L289: |x| outside [-eps0, eps0]); guide "
        "seed-000-001-backtracking.md A10, C16";
    i.box_lo = {-2};
    i.box_hi = {2};
    i.rational_exact = true;
    i.analytic_gradient = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 1;
    explicit Functor(const Params&) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      const auto v = value_of(x[0]);
      if (v < base_scalar_t<T>(0)) return -x[0];
      if (v == base_scalar_t<T>(0)) return integer<T>(0) * x[0];  // derivative 0 at the kink
      return x[0];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(1);
      g[0] = x[0] < S(0) ? S(-1) : (x[0] == S(0) ? S(0) : S(1));
      return g;
    }
  };
};

}  // namespace ov::problems
