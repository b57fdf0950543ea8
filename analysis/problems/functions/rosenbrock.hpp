// Rosenbrock's function (a - x)^2 + b (y - x^2)^2.
#pragma once

#include <stdexcept>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct RosenbrockFamily {
  static constexpr const char* kName = "rosenbrock";
  static constexpr const char* kTitle = "Rosenbrock function";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {{"a", "1"}, {"b", "100"}}; }

  // grad f = 0 forces y = x^2 (from f_y) and then x = a (from f_x): the minimum is the
  // only critical point when b > 0. For b <= 0 the function is not the classic one
  // (b = 0 has a line of minima, b < 0 is unbounded below), so b must be positive.
  static ProblemInfo describe(const Params& p) {
    if (!(p.get<rational>("b") > 0)) {
      throw std::invalid_argument("rosenbrock: parameter 'b' = " + p.text("b") + " must be > 0");
    }
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = (a - x)^2 + b (y - x^2)^2, a = " + p.text("a") + ", b = " + p.text("b");
    i.dim = 2;
    i.domain = "R^2";
    const std::string a = p.text("a");
    i.critical_points = {{{a, "(" + a + ")^2"}, PointKind::minimum, true, "global minimum, the only critical point"}};
    i.f_star = "0";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "classic test function (Rosenbrock 1960); used in anchors-optimizers.md (ensmallen's test set) and "
        "anchors-verified-numerics.md §2.3";
    i.box_lo = {-2, -1};
    i.box_hi = {2, 3};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 2;
    S a, b;
    explicit Functor(const Params& p) : a(p.get<S>("a")), b(p.get<S>("b")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T u = lift<T>(a) - x[0];
      T v = x[1] - x[0] * x[0];
      return u * u + lift<T>(b) * v * v;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      S v = x[1] - x[0] * x[0];
      g[0] = S(-2) * (a - x[0]) - S(4) * b * x[0] * v;
      g[1] = S(2) * b * v;
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h(2, 2);
      h(0, 0) = S(2) - S(4) * b * (x[1] - S(3) * x[0] * x[0]);
      h(0, 1) = h(1, 0) = S(-4) * b * x[0];
      h(1, 1) = S(2) * b;
      return h;
    }
  };
};

}  // namespace ov::problems
