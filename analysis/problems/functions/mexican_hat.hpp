// The Mexican hat of Absil, Mahony & Andrews (2005, eq. 2.8), paper 000 Example 2.12:
// a C^2 function whose continuous gradient flow spirals forever without converging.
#pragma once

#include <cmath>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct MexicanHatFamily {
  static constexpr const char* kName = "mexican_hat";
  static constexpr const char* kTitle = "Mexican hat (Absil-Mahony-Andrews)";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula =
        "polar (r, theta): f = 0 for r >= 1; for r < 1, f = [1 - 4r^4/(4r^4 + (1-r^2)^4) sin(theta - 1/(1-r^2))] "
        "e^{-1/(1-r^2)}. Evaluated in Cartesian form with r^4 sin(theta - c) = r^3 (y cos c - x sin c), "
        "c = 1/(1-r^2), and f = e^{-1/(1-r^2)} exactly at the origin. 0 <= f <= 0.3839 (max at the listed "
        "maximum); a global Lipschitz constant of grad f exists (C^2 with compact support of f) but is not "
        "known in closed form";
    i.dim = 2;
    i.domain = "R^2";
    // Interior critical points: with phi = theta - c(r), f = e^{-c}(1 - w(r) sin phi), w = 4r^4/(4r^4+(1-r^2)^4);
    // grad f = 0 iff cos phi = 0 and (e^{-c}(1 -+ w))'(r) = 0. On sin phi = 1 there is no root, on
    // sin phi = -1 two (r = 0.3140662359..., 0.5368823584...): see critical_points_note.
    const char* flat = "in the flat region r >= 1: f = 0 (global minimum), Hessian 0";
    i.critical_points = {
        {{"0", "0"}, PointKind::maximum, true, "local (not global) maximum, f = 1/e, Hessian -(2/e) I"},
        {{"2.812293014246287086542052465618944933128558013694499989854875338e-1", "-1.398130199727592287278125605511675430914363416936713754452900718e-1"},
         PointKind::strict_saddle, false,
         "r = 0.3140662359020591089784978195972130356, theta = 1/(1-r^2) - pi/2, f = 0.3481052748250326638246503229"},
        {{"5.295178496680483038718275919285397027883634617789596173352836071e-1", "-8.862005275162594960511779810711539710895513908264533682094496402e-2"},
         PointKind::maximum, false,
         "global maximum: r = 0.5368823584983723129048896927789419384, theta = 1/(1-r^2) - pi/2, "
         "f = 0.3838277141577157184788376758"},
        {{"1", "0"}, PointKind::degenerate_minimum, true, flat},
        {{"0", "1"}, PointKind::degenerate_minimum, true, flat},
        {{"3/5", "-4/5"}, PointKind::degenerate_minimum, true, flat},
        {{"-2", "3/2"}, PointKind::degenerate_minimum, true, flat},
    };
    i.critical_points_note =
        "critical set = the closed, non-compact region r >= 1 (f = 0, all derivatives 0; four sample points "
        "listed) plus three isolated points in the open disc: the origin (local maximum), a strict saddle and "
        "the global maximum, both on the ridge theta - 1/(1-r^2) = -pi/2 (mod 2 pi). Derivation: in the "
        "coordinates (r, phi = theta - 1/(1-r^2)) f = e^{-c}(1 - w sin phi), so a critical point needs "
        "cos phi = 0 and a radial critical point of e^{-c}(1 -+ w); a scan of r in (0, 1) at step 1/2000 "
        "(mpmath, 40 digits) finds none on the valley sin phi = 1 and two on the ridge sin phi = -1";
    i.f_star = "0";
    i.smoothness = Smoothness::c2;
    i.nonsmooth_set =
        "C^infinity except at the origin, where the term r^3 (y cos c - x sin c) is C^3 but not C^4 (the "
        "documents call f smooth; the Hessian exists and is continuous everywhere)";
    i.citation =
        "000_47ba9189a2c8a171.txt, Example 2.12 (L245-255, formula at L247, citing Absil-Mahony-Andrews [1] "
        "eq. 2.8), Experiment 1 (L584, Figure 2a); 001_ca0824e53e7404e9.txt S-L683-701; guide "
        "seed-000-001-backtracking.md C21";
    i.box_lo = {-1.25, -1.25};
    i.box_hi = {1.25, 1.25};
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
      using std::exp;
      using std::sin;
      using std::sqrt;
      using B = base_scalar_t<T>;
      const T r2 = x[0] * x[0] + x[1] * x[1];
      const B r2v = value_of(r2);
      if (r2v >= B(1)) return integer<T>(0) * x[0];  // flat region: value and all derivatives 0
      const T one = integer<T>(1);
      const T s = one - r2;
      const T c = one / s;
      const T bump = exp(-c);
      // At the origin the oscillating term and its derivatives up to order 3 vanish; sqrt(r2)
      // would give an infinite derivative there, so it is left out.
      if (r2v == B(0)) return bump;
      const T s2 = s * s;
      const T r = sqrt(r2);
      const T twist = x[1] * cos(c) - x[0] * sin(c);  // r sin(theta - c)
      const T w = integer<T>(4) * r2 * r * twist / (integer<T>(4) * r2 * r2 + s2 * s2);
      return (one - w) * bump;
    }
  };
};

}  // namespace ov::problems
