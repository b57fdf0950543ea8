// theta1^2 + 2 theta2^2: the quadratic of Castera's spiral illustration (thesis 002,
// Section 3.3.2.3, Figure 3.2): INNA spirals iff alpha beta < 1.
#pragma once

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct CasteraQuadraticFamily {
  static constexpr const char* kName = "castera_quadratic";
  static constexpr const char* kTitle = "theta1^2 + 2 theta2^2 (Castera's spiral illustration)";
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "J(t1, t2) = t1^2 + 2 t2^2; constant Hessian diag(2, 4)";
    i.dim = 2;
    i.domain = "R^2";
    i.critical_points = {{{"0", "0"}, PointKind::minimum, true, "unique critical point, global minimum"}};
    i.f_star = "0";
    i.lipschitz = "4";
    i.mu = "2";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "002_dc929347c6f8ce02.txt, Section 3.3.2.3 'Numerical illustration of the spiraling phenomenon' "
        "(L1791, Hessian diag(2, 4) stated there), Figure 3.2 (L1800); guide seed-002-castera-thesis.md T-LIN-1, "
        "T-LIN-5";
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
      return x[0] * x[0] + integer<T>(2) * x[1] * x[1];
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(2);
      g[0] = S(2) * x[0];
      g[1] = S(4) * x[1];
      return g;
    }
    Mat<S> hessian(const Vec<S>&) const {
      Mat<S> h = Mat<S>::Zero(2, 2);
      h(0, 0) = S(2);
      h(1, 1) = S(4);
      return h;
    }
  };
};

}  // namespace ov::problems
