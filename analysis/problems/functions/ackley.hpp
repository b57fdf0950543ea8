// Ackley's function in two dimensions (a = 20, b = 0.2, c = 2 pi):
// -20 exp(-0.2 sqrt((x^2 + y^2)/2)) - exp((cos 2 pi x + cos 2 pi y)/2) + e + 20.
#pragma once

#include <cmath>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct AckleyFamily {
  static constexpr const char* kName = "ackley";
  static constexpr const char* kTitle = "Ackley function";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {}; }

  // sqrt((x^2 + y^2)/2) is a cone at the origin: f is not differentiable there (its
  // directional derivative is 20 * 0.2 * |d| / sqrt(2) > 0 in every direction d, so 0 is a
  // strict, nonsmooth global minimum). Elsewhere f is analytic, but its Hessian grows
  // like 1/|x| near 0, so grad f has no Lipschitz constant on any ball around 0.
  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = -20 exp(-0.2 sqrt((x^2 + y^2)/2)) - exp((cos(2 pi x) + cos(2 pi y))/2) + e + 20";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {{{"0", "0"}, PointKind::nonsmooth, true, "global minimum (a cone point: no gradient)"}};
    i.critical_points_note =
        "global minimum only; there are many local minima near the integer lattice points";
    i.f_star = "0";
    i.smoothness = Smoothness::nonsmooth;
    i.nonsmooth_set =
        "(0, 0): sqrt(x^2 + y^2) is not differentiable there; gradient() and autodiff return the Clarke "
        "subgradient 0 at that point";
    i.citation =
        "Ackley, A connectionist machine for genetic hillclimbing, Kluwer 1987; Jamil & Yang, Int. J. Math. "
        "Modelling Num. Optim. 4(2), 2013, function 1";
    i.box_lo = {-5, -5};
    i.box_hi = {5, 5};
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S fifth, two_pi, e_plus_20;
    explicit Functor(const Params&)
        : fifth(constant<S>("1/5")), two_pi(constant<S>("2 * pi")), e_plus_20(constant<S>("e + 20")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      using std::cos;
      using std::exp;
      using std::sqrt;
      T half_r2 = (x[0] * x[0] + x[1] * x[1]) / integer<T>(2);
      // At the origin sqrt's derivative is infinite; use the value 0 with zero partials.
      T r = value_of(half_r2) == base_scalar_t<T>(0) ? T(integer<T>(0) * x[0]) : T(sqrt(half_r2));
      T c = (cos(lift<T>(two_pi) * x[0]) + cos(lift<T>(two_pi) * x[1])) / integer<T>(2);
      return integer<T>(-20) * exp(-(lift<T>(fifth) * r)) - exp(c) + lift<T>(e_plus_20);
    }
  };
};

}  // namespace ov::problems
