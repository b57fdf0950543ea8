// The Styblinski-Tang function (1/2) sum_i (x_i^4 - 16 x_i^2 + 5 x_i) in n dimensions.
#pragma once

#include <string>
#include <vector>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct StyblinskiTangFamily {
  static constexpr const char* kName = "styblinski_tang";
  static constexpr const char* kTitle = "Styblinski-Tang function";
  static constexpr bool kRationalExact = true;

  // f is separable: df/dx_i = (4x_i^3 - 32x_i + 5)/2, whose three real roots are below
  // (mpmath polyroots at 130 digits, 105 kept; re-derived by Newton in mp100 in the tests). The second
  // derivative 6x^2 - 16 is positive at r_min and r_loc (minima of the 1-D term) and
  // negative at r_max. So the critical points are the 3^n points with x_i in
  // {r_min, r_max, r_loc}: a minimum when no coordinate is r_max, a maximum when all are,
  // a strict saddle otherwise.
  static constexpr const char* kRootMin = "-2.90353402777117709511891759550892235894762858182148416056160142033086000404935213722607442445259515368142";
  static constexpr const char* kRootMax = "1.56731256780340102665864286036792342605289492519356593175838565679150533659942755509892827990387769384173e-1";
  static constexpr const char* kRootLoc = "2.74680277099083699245305330947213001634233908930212756738576285465170947038940938171618159646220738429725";
  static constexpr const char* kTermMin = "-39.1661657037714154638931697394768653403193954860434764194328652446761388462456823242191897548818204813981";  // 1-D term at r_min
  static constexpr int kMaxDim = 1000;
  static constexpr int kMaxListedDim = 3;  // all 3^n critical points are listed up to this n

  static Params defaults() { return {{"n", "2"}}; }

  static ProblemInfo describe(const Params& p) {
    const int n = static_cast<int>(classic::int_param(p, kName, "n", 1, kMaxDim));
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(x) = (1/2) sum_{i=1}^n (x_i^4 - 16 x_i^2 + 5 x_i), n = " + std::to_string(n);
    i.dim = n;
    i.domain = "R^n";
    if (n <= kMaxListedDim) {
      const char* roots[3] = {kRootMin, kRootMax, kRootLoc};
      int total = 1;
      for (int k = 0; k < n; ++k) total *= 3;
      for (int code = 0; code < total; ++code) {
        std::vector<std::string> x;
        int c = code, n_max = 0;
        for (int k = 0; k < n; ++k, c /= 3) {
          x.push_back(roots[c % 3]);
          if (c % 3 == 1) ++n_max;
        }
        PointKind kind = n_max == 0 ? PointKind::minimum : n_max == n ? PointKind::maximum : PointKind::strict_saddle;
        i.critical_points.push_back({x, kind, false, code == 0 ? "global minimum" : ""});
      }
      i.critical_points_note = "all 3^n critical points";
    } else {
      i.critical_points = {{classic::repeated(n, kRootMin), PointKind::minimum, false, "global minimum"},
                           {classic::repeated(n, kRootMax), PointKind::maximum, false, "the only local maximum"}};
      i.critical_points_note =
          "global minimum and maximum only; all 3^n critical points have x_i in {r_min, r_max, r_loc}";
    }
    i.f_star = std::to_string(n) + " * (" + kTermMin + ")";
    // Hessian diag(6x_i^2 - 16): on |x_i| <= 5 (the ball of radius 5 and the box [-5, 5]^n)
    // its entries lie in [-16, 134].
    i.local_lipschitz = LocalLipschitz{"134", classic::repeated(n, "0"), "5"};
    i.smoothness = Smoothness::analytic;
    i.citation =
        "Styblinski & Tang, Experiments in nonconvex optimization: stochastic approximation with function smoothing "
        "and simulated annealing, Neural Networks 3(4), 1990; Jamil & Yang, Int. J. Math. Modelling Num. Optim. "
        "4(2), 2013, function 144";
    i.box_lo = classic::filled(n, -5);
    i.box_hi = classic::filled(n, 5);
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 0;
    int n;
    explicit Functor(const Params& p) : n(static_cast<int>(classic::int_param(p, kName, "n", 1, kMaxDim))) {}
    int dim() const { return n; }

    template <class T>
    T operator()(const Vec<T>& x) const {
      T sum = integer<T>(0);
      for (int k = 0; k < n; ++k) {
        T x2 = x[k] * x[k];
        sum += x2 * x2 - integer<T>(16) * x2 + integer<T>(5) * x[k];
      }
      return sum / integer<T>(2);
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g(n);
      for (int k = 0; k < n; ++k) g[k] = (S(4) * x[k] * x[k] * x[k] - S(32) * x[k] + S(5)) / S(2);
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h = Mat<S>::Zero(n, n);
      for (int k = 0; k < n; ++k) h(k, k) = S(6) * x[k] * x[k] - S(16);
      return h;
    }
  };
};

}  // namespace ov::problems
