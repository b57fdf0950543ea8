// x^3 cos(1/x) + 2 y^3 sin(1/y), extended by 0 on the axes: C^1 but not C^2, with
// countably many critical points accumulating on the axes (slides of paper 000).
#pragma once

#include <cmath>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct CubicOscillationFamily {
  static constexpr const char* kName = "cubic_oscillation";
  static constexpr const char* kTitle = "x^3 cos(1/x) + 2 y^3 sin(1/y)";
  static constexpr bool kRationalExact = false;

  static Params defaults() { return {}; }

  static ProblemInfo describe(const Params&) {
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula =
        "f(x, y) = g(x) + h(y), g(x) = x^3 cos(1/x), h(y) = 2 y^3 sin(1/y), g(0) = h(0) = 0. "
        "g' = 3x^2 cos(1/x) + x sin(1/x), g'(0) = 0; h' = 6y^2 sin(1/y) - 2y cos(1/y), h'(0) = 0; "
        "g'' = 6x cos(1/x) + 4 sin(1/x) - cos(1/x)/x, h'' = 12y sin(1/y) - 8 cos(1/y) - 2 sin(1/y)/y (x, y != 0; "
        "unbounded near 0, and g'(x)/x, h'(y)/y have no limit at 0, so f is not twice differentiable on the "
        "axes). Unbounded below (g(x) ~ x^3 as x -> -inf): no f_star; no global or local L near the axes. On the "
        "axes the gradient is 0 in that coordinate and the Hessian entry returned is 0 (a convention)";
    i.dim = 2;
    i.domain = "R^2";
    // x-roots: 3x cos(1/x) + sin(1/x) = 0, i.e. u tan u = -3 for u = 1/x (one root in each
    // ((k - 1/2) pi, k pi)); y-roots: 3y sin(1/y) = cos(1/y), i.e. tan v = v/3 (one in (k pi, (k + 1/2) pi)).
    // Both families are symmetric under sign change; the largest ones (mpmath, 90 digits, printed to 64;
    // e-notation keeps the mantissa free of a leading 0, which constant<T>() misreads as octal at HEAD):
    const std::string x1 = "4.536123750339958626785429309268470666769574054841306798711315721e-1";   // g''(x1) = +2.917068055
    const std::string x2 = "1.722272682683548474990725819125345694753694697578434906294037173e-1";  // g''(x2) = -6.076480388
    const std::string y1 = "2.452092389099508638869626697277504597076004501245178564713987069e-1";  // h''(y1) = +8.940344202
    const std::string y2 = "1.338295257560214565162130265800846613023496146740924703403962393e-1";  // h''(y2) = -15.35870827
    i.critical_points = {
        {{"0", "0"}, PointKind::nonsmooth, true, "not an extremum (g takes both signs near 0); f not C^2 here"},
        {{x1, y1}, PointKind::minimum, false, "local minimum, Hessian diag(2.917068055, 8.940344202), f = -0.0790229"},
        {{x2, y1}, PointKind::strict_saddle, false, "Hessian diag(-6.076480388, 8.940344202)"},
        {{"-" + x1, y1}, PointKind::strict_saddle, false, "Hessian diag(-2.917068055, 8.940344202)"},
        {{x2, y2}, PointKind::maximum, false, "local maximum, Hessian diag(-6.076480388, -15.35870827)"},
    };
    i.critical_points_note =
        "critical set = X x Y with X = {0} union {+-1/u : u tan u = -3}, Y = {0} union {+-1/v : tan v = v/3}: "
        "countably many points accumulating on the axes; five are listed. Points with exactly one "
        "coordinate 0, e.g. (x1, 0), are critical too but nonsmooth and not exactly representable, so they are "
        "not listed";
    i.smoothness = Smoothness::c1;
    i.nonsmooth_set = "x = 0 or y = 0 (second derivatives unbounded nearby; grad f not locally Lipschitz there)";
    i.citation =
        "001_ca0824e53e7404e9.txt slides S-L614-616 ('f(x, y) = x3 cos(1/x) + 2y3 sin(1/y). Neither C^{1,1}_L "
        "nor real analytic'); the value 0 on the axes is the continuous extension (not given there); guide "
        "seed-000-001-backtracking.md C6 (L427) and §5 item 15";
    i.box_lo = {-1, -1};
    i.box_hi = {1, 1};
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
      using std::sin;
      using B = base_scalar_t<T>;
      const T one = integer<T>(1);
      const T g = value_of(x[0]) == B(0) ? T(integer<T>(0) * x[0]) : T(x[0] * x[0] * x[0] * cos(one / x[0]));
      const T h = value_of(x[1]) == B(0) ? T(integer<T>(0) * x[1])
                                          : T(integer<T>(2) * x[1] * x[1] * x[1] * sin(one / x[1]));
      return g + h;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      using std::cos;
      using std::sin;
      Vec<S> d(2);
      const S a = x[0], b = x[1];
      d[0] = a == S(0) ? S(0) : S(S(3) * a * a * cos(S(1) / a) + a * sin(S(1) / a));
      d[1] = b == S(0) ? S(0) : S(S(6) * b * b * sin(S(1) / b) - S(2) * b * cos(S(1) / b));
      return d;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      using std::cos;
      using std::sin;
      Mat<S> h = Mat<S>::Zero(2, 2);
      const S a = x[0], b = x[1];
      if (a != S(0)) {
        const S ia = S(1) / a;
        h(0, 0) = S(6) * a * cos(ia) + S(4) * sin(ia) - cos(ia) * ia;
      }
      if (b != S(0)) {
        const S ib = S(1) / b;
        h(1, 1) = S(12) * b * sin(ib) - S(8) * cos(ib) - S(2) * sin(ib) * ib;
      }
      return h;
    }
  };
};

}  // namespace ov::problems
