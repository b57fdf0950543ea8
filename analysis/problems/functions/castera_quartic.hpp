// theta1^4 - 4 theta1^2 + theta2^2: Castera's saddle toy (thesis 002, Section 3.4.4,
// Figure 3.3, Table 3.1): INNA escapes the strict saddle (0, 0).
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct CasteraQuarticFamily {
  static constexpr const char* kName = "castera_quartic";
  static constexpr const char* kTitle = "theta1^4 - 4 theta1^2 + theta2^2 (Castera's saddle toy)";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "J(t1, t2) = t1^4 - 4 t1^2 + t2^2; grad J = (4 t1^3 - 8 t1, 2 t2); Hessian diag(12 t1^2 - 8, 2)";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {
        {{"0", "0"}, PointKind::strict_saddle, true, "Hessian diag(-8, 2), J = 0; stable manifold {t1 = 0}"},
        {{"sqrt(2)", "0"}, PointKind::minimum, true, "global minimum, Hessian diag(16, 2)"},
        {{"-sqrt(2)", "0"}, PointKind::minimum, true, "global minimum, Hessian diag(16, 2)"},
    };
    i.critical_points_note = "exactly three critical points (002 L1969)";
    i.f_star = "-4";
    i.local_lipschitz = LocalLipschitz{"40", {"0", "0"}, "2"};  // max(|12*4 - 8|, 8, 2) = 40 on |z| <= 2
    i.smoothness = Smoothness::analytic;
    i.citation =
        "002_dc929347c6f8ce02.txt, Section 3.4.4 'Numerical Illustration' (L1969), Figure 3.3 (L1963), "
        "Table 3.1 (L1971); guide seed-002-castera-thesis.md §4.5 item 4, T-SAD-1";
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
      T a2 = x[0] * x[0];
      return a2 * a2 - integer<T>(4) * a2 + x[1] * x[1];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(4) * x[0] * x[0] * x[0] - S(8) * x[0];
      g[1] = S(2) * x[1];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h = Mat<S>::Zero(2, 2);
      h(0, 0) = S(12) * x[0] * x[0] - S(8);
      h(1, 1) = S(2);
      return h;
    }
  };
};

}  // namespace ov::problems
