// (x^2 + y^2 - 1)^2: a compact circle of degenerate minima plus a local maximum;
// the test function of Theorem 2.1(3) (compact critical components).
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct RingFamily {
  static constexpr const char* kName = "ring";
  static constexpr const char* kTitle = "(x^2 + y^2 - 1)^2";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula =
        "f(x, y) = (x^2 + y^2 - 1)^2; grad f = 4 (r^2 - 1) (x, y); Hessian 4 (r^2 - 1) I + 8 (x, y)(x, y)^T with "
        "eigenvalues 4 (r^2 - 1) (tangential) and 12 r^2 - 4 (radial), r^2 = x^2 + y^2";
    i.dim = 2;
    i.domain = "R^2";
    const char* on_circle = "on the unit circle: global minimum, Hessian eigenvalues 8 and 0";
    i.critical_points = {
        {{"0", "0"}, PointKind::maximum, true, "isolated local maximum, Hessian -4 I, f = 1"},
        {{"1", "0"}, PointKind::degenerate_minimum, true, on_circle},
        {{"0", "1"}, PointKind::degenerate_minimum, true, on_circle},
        {{"3/5", "4/5"}, PointKind::degenerate_minimum, true, on_circle},
        {{"-4/5", "3/5"}, PointKind::degenerate_minimum, true, on_circle},
        {{"-5/13", "-12/13"}, PointKind::degenerate_minimum, true, on_circle},
    };
    i.critical_points_note =
        "critical set = {0} union the unit circle; the circle is a non-isolated (but compact, connected) set "
        "of degenerate minima, of which five rational points are listed";
    i.f_star = "0";
    // On the ball |z| <= 2: max(|4(r^2-1)|, |12 r^2 - 4|) <= max(12, 44) = 44, attained at r = 2.
    i.local_lipschitz = LocalLipschitz{"44", {"0", "0"}, "2"};
    i.smoothness = Smoothness::analytic;
    i.citation =
        "guide seed-000-001-backtracking.md C5 (L409) and C7 (L436-440): test function for "
        "000_47ba9189a2c8a171.txt Theorem 2.1(3) (L113, compact critical components); not written in the "
        "documents themselves";
    i.box_lo = {-1.5, -1.5};
    i.box_hi = {1.5, 1.5};
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
      T u = x[0] * x[0] + x[1] * x[1] - integer<T>(1);
      return u * u;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      const S u = x[0] * x[0] + x[1] * x[1] - S(1);
      Vec<S> g(2);
      g[0] = S(4) * u * x[0];
      g[1] = S(4) * u * x[1];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      const S u = x[0] * x[0] + x[1] * x[1] - S(1);
      Mat<S> h(2, 2);
      h(0, 0) = S(4) * u + S(8) * x[0] * x[0];
      h(1, 1) = S(4) * u + S(8) * x[1] * x[1];
      h(0, 1) = h(1, 0) = S(8) * x[0] * x[1];
      return h;
    }
  };
};

}  // namespace ov::problems
