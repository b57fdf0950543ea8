// The Huber function on which gradient descent attains the Drori-Teboulle /
// PEPit worst case f(x_N) - f* = L R^2 / (4 N L gamma + 2) after N steps.
#pragma once

#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems {

// Construction (Drori & Teboulle, Performance of first-order methods for smooth convex
// minimization: a novel approach, Math. Prog. 145, 2014, Thm 3.1 and its tightness
// example; PEPit examples/unconstrained_convex_minimization/gradient_descent.py, quoted in
// anchors-optimizers.md §3 and anchors-verified-numerics.md §4.1):
//   h = L gamma in (0, 1], tau = R / (2 N h + 1),
//   f(x) = (L/2) x^2 for |x| <= tau,   f(x) = L tau |x| - L tau^2 / 2 for |x| >= tau.
// GD x_{k+1} = x_k - gamma f'(x_k) from x_0 = R > 0 stays in the linear piece: each step
// subtracts gamma L tau = h R / (2Nh + 1), so x_N = R (N h + 1) / (2 N h + 1) >= tau and
// f(x_N) = L tau x_N - L tau^2 / 2 = L R^2 / (2 (2 N h + 1)) = L R^2 / (4 N L gamma + 2),
// which is exactly the bound (x* = 0, ||x_0 - x*|| = R, f* = 0).
struct HuberWorstCaseFamily {
  static constexpr const char* kName = "huber_gd_worst_case";
  static constexpr const char* kTitle = "Huber function, worst case of gradient descent (Drori-Teboulle)";
  // Piecewise quadratic/linear with rational breakpoints: exact in `rational` (the pieces are
  // polynomials; the branch is an exact comparison).
  static constexpr bool kRationalExact = true;

  static Params defaults() { return {{"L", "1"}, {"N", "10"}, {"gamma", "1"}, {"R", "1"}}; }

  struct Constants {
    rational L, gamma, R, h, tau, worst_value;
    long N;
  };
  static Constants constants(const Params& p) {
    Constants c;
    c.L = classic::positive_param(p, kName, "L");
    c.N = classic::int_param(p, kName, "N", 1, 1000000);
    c.gamma = classic::positive_param(p, kName, "gamma");
    c.R = classic::positive_param(p, kName, "R");
    c.h = c.L * c.gamma;
    if (c.h > 1) {
      throw std::invalid_argument(std::string(kName) + ": parameters 'gamma' = " + p.text("gamma") + " and 'L' = " +
                                  p.text("L") + " must satisfy 0 < L gamma <= 1 (the Drori-Teboulle bound's range)");
    }
    c.tau = c.R / (rational(2 * c.N) * c.h + 1);
    c.worst_value = c.L * c.R * c.R / (rational(4 * c.N) * c.h + 2);
    return c;
  }
  static std::string str(const rational& q) { return q.str(); }

  static ProblemInfo describe(const Params& p) {
    const Constants c = constants(p);
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = (L/2) x^2 for |x| <= tau, L tau |x| - L tau^2/2 otherwise; tau = R/(2 N L gamma + 1) = " +
                str(c.tau) + ", L = " + str(c.L) + ", N = " + std::to_string(c.N) + ", gamma = " + str(c.gamma) +
                ", R = " + str(c.R) + ". GD with step gamma from x0 = R reaches f(x_N) = L R^2/(4 N L gamma + 2) = " +
                str(c.worst_value);
    i.dim = 1;
    i.domain = "R";
    i.critical_points = {{{"0"}, PointKind::minimum, true, "global minimum; f'' = L on |x| < tau"}};
    i.critical_points_note = "the only critical point (f' = L tau sign(x) != 0 for |x| >= tau)";
    i.f_star = "0";
    i.lipschitz = str(c.L);  // f' is the clipped line L * clamp(x, -tau, tau)
    i.smoothness = Smoothness::c11;
    i.nonsmooth_set = "|x| = tau = " + str(c.tau) + " (f'' jumps from L to 0)";
    i.citation =
        "Drori & Teboulle, Math. Prog. 145, 2014, Thm 3.1 (tight bound and its Huber example); PEPit "
        "gradient_descent.py, anchors-optimizers.md §3 table and anchors-verified-numerics.md §4.1";
    const double span = 2 * static_cast<double>(c.R);
    i.box_lo = {-span};
    i.box_hi = {span};
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 1;
    S L, tau, half_L_tau2;
    explicit Functor(const Params& p) {
      const Constants c = constants(p);
      L = from_rational<S>(c.L);
      tau = from_rational<S>(c.tau);
      half_L_tau2 = from_rational<S>(rational(c.L * c.tau * c.tau / 2));
    }
    int dim() const { return kDim; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      const base_scalar_t<T> v = value_of(x[0]);
      if (v > tau) return classic::scaled(S(L * tau), x[0]) - lift<T>(half_L_tau2);
      if (v < S(-tau)) return -classic::scaled(S(L * tau), x[0]) - lift<T>(half_L_tau2);
      return classic::scaled(L, T(x[0] * x[0])) / integer<T>(2);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(1);
      g[0] = x[0] > tau ? S(L * tau) : x[0] < S(-tau) ? S(-(L * tau)) : S(L * x[0]);
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h(1, 1);
      h(0, 0) = (x[0] > tau || x[0] < S(-tau)) ? S(0) : L;
      return h;
    }
  };
};

}  // namespace ov::problems
