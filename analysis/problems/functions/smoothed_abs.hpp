// A C^{1,1} (Huber) smoothing of |x|: the function of paper 000, Example 2.15, on
// which Standard GD with delta0 > 2 eps is periodic while Backtracking GD converges.
#pragma once

#include <stdexcept>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct SmoothedAbsFamily {
  static constexpr const char* kName = "smoothed_abs";
  static constexpr const char* kTitle = "Huber-smoothed |x| (paper 000, Example 2.15)";
  static constexpr bool kRationalExact = true;  // piecewise rational, exact branch tests

  static Params defaults() { return {{"eps", "1/10"}}; }

  static ProblemInfo describe(const Params& p) {
    const auto eps = p.get<rational>("eps");
    if (!(eps > 0)) {
      throw std::invalid_argument("smoothed_abs: parameter 'eps' = " + p.text("eps") + " must be > 0");
    }
    const std::string e = "(" + p.text("eps") + ")";
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = x^2/(2 eps) + eps/2 for |x| < eps, |x| for |x| >= eps; eps = " + p.text("eps") +
                ". f' = x/eps inside, sign(x) outside; f'' = 1/eps inside, 0 outside";
    i.dim = 1;
    i.domain = "R";
    i.critical_points = {{{"0"}, PointKind::minimum, true, "unique critical point, global minimum, f'' = 1/eps"}};
    i.f_star = e + "/2";
    i.lipschitz = "1/" + e;  // sup |f''| = 1/eps, attained on (-eps, eps): exact
    i.smoothness = Smoothness::c11;
    i.nonsmooth_set = "x = -eps and x = eps (f'' jumps between 1/eps and 0)";
    i.citation =
        "000_47ba9189a2c8a171.txt, Example 2.15 (L289-298, Figure 1): 'a smooth function equal to |x| for "
        "|x| >= eps0' with a unique critical point; the paper gives no formula. This Huber form is the C^1 "
        "choice of guide seed-000-001-backtracking.md C24 (only f' = +-1 outside [-eps0, eps0] matters)";
    const double w = 1.0 + 2.0 * static_cast<double>(mp100(eps));
    i.box_lo = {-w};
    i.box_hi = {w};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 1;
    S eps;
    explicit Functor(const Params& p) : eps(p.get<S>("eps")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      const auto v = value_of(x[0]);
      if (v >= eps) return x[0];
      if (v <= S(-eps)) return -x[0];
      const T e = lift<T>(eps);
      return x[0] * x[0] / (integer<T>(2) * e) + e / integer<T>(2);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(1);
      if (x[0] >= eps) g[0] = S(1);
      else if (x[0] <= S(-eps)) g[0] = S(-1);
      else g[0] = x[0] / eps;
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h(1, 1);
      h(0, 0) = (x[0] >= eps || x[0] <= S(-eps)) ? S(0) : S(S(1) / eps);
      return h;
    }
  };
};

}  // namespace ov::problems
