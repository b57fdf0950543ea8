// x^3 + a x: Morse for every a != 0 (paper 000, L121), unbounded below.
#pragma once

#include <stdexcept>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct CubicLinearFamily {
  static constexpr const char* kName = "cubic_linear";
  static constexpr const char* kTitle = "x^3 + a x";
  static constexpr bool kRationalExact = true;

  // a = -3 puts the critical points at the integers -1 (maximum) and 1 (minimum).
  static Params defaults() { return {{"a", "-3"}}; }

  static ProblemInfo describe(const Params& p) {
    const auto a = p.get<rational>("a");
    if (a == 0) {
      throw std::invalid_argument("cubic_linear: parameter 'a' = " + p.text("a") +
                                  " must be nonzero (a < 0 or a > 0; a = 0 is the family 'cube')");
    }
    const std::string as = "(" + p.text("a") + ")";
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = x^3 + a x, a = " + p.text("a") +
                " (unbounded below: no f_star; f'' = 6x, so no global Lipschitz constant)";
    i.dim = 1;
    i.domain = "R";
    if (a < 0) {
      const std::string c = "sqrt(-" + as + "/3)";
      i.critical_points = {
          {{c}, PointKind::minimum, true, "local minimum, f'' = 6 sqrt(-a/3) > 0"},
          {{"-" + c}, PointKind::maximum, true, "local maximum, f'' = -6 sqrt(-a/3) < 0"},
      };
      i.critical_points_note = "a < 0: exactly two critical points +-sqrt(-a/3), both nondegenerate";
    } else {
      i.critical_points_note = "a > 0: f' = 3x^2 + a > 0, no critical point";
    }
    i.local_lipschitz = LocalLipschitz{"12", {"0"}, "2"};  // sup_{|x|<=2} |6x| = 12
    i.smoothness = Smoothness::analytic;
    i.citation =
        "000_47ba9189a2c8a171.txt, L121 ('f(x) = g(x) + ax is Morse for all a != 0', g = x^3); "
        "001_ca0824e53e7404e9.txt slides S-L608-611; guide seed-000-001-backtracking.md C9";
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
    S a;
    explicit Functor(const Params& p) : a(p.get<S>("a")) {}
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      return x[0] * x[0] * x[0] + lift<T>(a) * x[0];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(1);
      g[0] = S(3) * x[0] * x[0] + a;
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
