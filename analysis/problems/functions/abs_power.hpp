// |x|^(1+g), 0 < g < 1: C^1 but not C^{1,1} at 0 (paper 000, Example 2.14): Standard
// GD never converges to 0, Backtracking GD does, with step sizes tending to 0 like |x|^(1-g).
#pragma once

#include <cmath>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct AbsPowerFamily {
  static constexpr const char* kName = "abs_power";
  static constexpr const char* kTitle = "|x|^(1+gamma)";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {{"gamma", "1/2"}}; }

  static ProblemInfo describe(const Params& p) {
    const auto g = p.get<rational>("gamma");
    if (!(g > 0 && g < 1)) {
      throw std::invalid_argument("abs_power: parameter 'gamma' = " + p.text("gamma") + " must lie in (0, 1)");
    }
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = |x|^(1+gamma), gamma = " + p.text("gamma") +
                "; f'(x) = (1+gamma) sign(x) |x|^gamma is gamma-Hoelder, not Lipschitz, at 0: no L";
    i.dim = 1;
    i.domain = "R";
    i.critical_points = {{{"0"}, PointKind::nonsmooth, true, "global minimum; f'' unbounded near 0"}};
    i.f_star = "0";
    i.smoothness = Smoothness::c1;
    i.nonsmooth_set = "x = 0 (f' is Hoelder of order gamma there, not Lipschitz)";
    i.citation =
        "000_47ba9189a2c8a171.txt, Example 2.14 (L267-287; the paper takes gamma rational, gamma = p/q) and "
        "Remark 2.6 (L163); guide seed-000-001-backtracking.md C23 and C2 (step sizes ~ |x|^(1-gamma))";
    i.box_lo = {-2};
    i.box_hi = {2};
    i.analytic_gradient = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 1;
    S gamma;
    explicit Functor(const Params& p) : gamma(p.get<S>("gamma")) {}
    int dim() const { return kDim; }

    // exp((1+g) log|x|) with the value 0 at x = 0 (Jets: derivative 0 there too).
    template <class T>
    T operator()(const Vec<T>& x) const {
      using std::abs;
      using std::exp;
      using std::log;
      if (value_of(x[0]) == base_scalar_t<T>(0)) return integer<T>(0) * x[0];
      T ax = abs(x[0]);
      return exp((integer<T>(1) + lift<T>(gamma)) * log(ax));
    }
    Vec<S> gradient(const Vec<S>& x) const {
      using std::abs;
      using std::exp;
      using std::log;
      Vec<S> g(1);
      if (x[0] == S(0)) {
        g[0] = S(0);
        return g;
      }
      S ax = abs(x[0]);
      S mag = (S(1) + gamma) * exp(gamma * log(ax));
      g[0] = x[0] < S(0) ? S(-mag) : mag;
      return g;
    }
  };
};

}  // namespace ov::problems
