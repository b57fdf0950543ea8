// x^2/2 + cos y: globally L-smooth (L = 1) with infinitely many strict saddles;
// the guide's test function for 003 Theorem 4.4 (saddle avoidance, Lee et al.).
#pragma once

#include <cmath>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct SaddleCosFamily {
  static constexpr const char* kName = "saddle_cos";
  static constexpr const char* kTitle = "x^2/2 + cos y";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x, y) = x^2/2 + cos y; grad f = (x, -sin y); Hessian diag(1, -cos y)";
    i.dim = 2;
    i.domain = "R^2";
    const char* saddle = "strict saddle (0, 2k pi): Hessian diag(1, -1), f = 1; stable manifold {y = 2k pi}";
    const char* minimum = "global minimum (0, (2k+1) pi): Hessian diag(1, 1), f = -1";
    i.critical_points = {
        {{"0", "0"}, PointKind::strict_saddle, true, saddle},
        {{"0", "2*pi"}, PointKind::strict_saddle, true, saddle},
        {{"0", "-2*pi"}, PointKind::strict_saddle, true, saddle},
        {{"0", "pi"}, PointKind::minimum, true, minimum},
        {{"0", "-pi"}, PointKind::minimum, true, minimum},
        {{"0", "3*pi"}, PointKind::minimum, true, minimum},
    };
    i.critical_points_note =
        "critical set {(0, k pi) : k integer}: saddles for even k, minima for odd k (f is 2 pi-periodic in y); "
        "k = -2..3 listed";
    i.f_star = "-1";
    i.lipschitz = "1";  // ||Hessian|| = max(1, |cos y|) = 1 everywhere: exact
    i.smoothness = Smoothness::analytic;
    i.citation =
        "guide seed-003-004-sgd-survey.md C10 (L329, '[DERIVED] f(x,y) = 1/2 x^2 + cos y'), a test function for "
        "003_61d556b637c4f269.txt Theorem 4.4 (L674, saddle avoidance for 0 < alpha < 1/L, Lee et al.); the "
        "function itself is not written in 003";
    i.box_lo = {-3, -7};
    i.box_hi = {3, 7};
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
      using std::cos;
      return x[0] * x[0] / integer<T>(2) + cos(x[1]);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      using std::sin;
      Vec<S> g(2);
      g[0] = x[0];
      g[1] = -sin(x[1]);
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      using std::cos;
      Mat<S> h = Mat<S>::Zero(2, 2);
      h(0, 0) = S(1);
      h(1, 1) = -cos(x[1]);
      return h;
    }
  };
};

}  // namespace ov::problems
