// The nonconvex regression (4.21) of Castera's thesis (002, Appendix 4.7):
//   J(theta) = (1/N) sum_n phi(A_n^T theta - b_n),  phi(t) = t^2 / (1 + t^2),
// a finite sum (mean convention) used for Step-Tuned SGD (Figures 4.2, 4.3).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/nonconvex_regression_data.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"

namespace ov::problems {

struct NonconvexRegressionFamily {
  static constexpr const char* kName = "nonconvex_regression";
  static constexpr const char* kTitle = "nonconvex regression (4.21), phi(t) = t^2/(1+t^2)";
  static constexpr bool kRationalExact = true;

  static constexpr long kMaxSamples = 100000;
  static constexpr long kMaxDim = 1000;

  // N = 500, P = 30 as in 002 L2488; the seed is OptVerify's.
  static Params defaults() { return {{"N", "500"}, {"P", "30"}, {"seed", "0"}}; }

  struct Sizes {
    long n, p;
    std::uint64_t seed;
  };
  static Sizes sizes(const Params& p) {
    const long n = p.get_int("N"), d = p.get_int("P"), seed = p.get_int("seed");
    if (n < 1 || n > kMaxSamples)
      throw std::invalid_argument("nonconvex_regression: parameter 'N' = " + p.text("N") + " must lie in [1, " +
                                  std::to_string(kMaxSamples) + "]");
    if (d < 1 || d > kMaxDim)
      throw std::invalid_argument("nonconvex_regression: parameter 'P' = " + p.text("P") + " must lie in [1, " +
                                  std::to_string(kMaxDim) + "]");
    if (seed < 0)
      throw std::invalid_argument("nonconvex_regression: parameter 'seed' = " + p.text("seed") + " must be >= 0");
    return {n, d, static_cast<std::uint64_t>(seed)};
  }

  static ProblemInfo describe(const Params& p) {
    const Sizes z = sizes(p);
    const auto data = make_nonconvex_regression_data(z.n, z.p, z.seed);
    const std::string N = std::to_string(z.n);
    const std::string two_bits = std::to_string(2 * NonconvexRegressionData::kBits);
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula =
        "J(theta) = (1/N) sum_{n=1}^N phi(A_n^T theta - b_n), phi(t) = t^2/(1+t^2), N = " + N + ", P = " +
        std::to_string(z.p) + ", seed = " + p.text("seed") +
        ". Data (OptVerify's choice; the thesis defers to Carmon et al. 2017): A_{n,p} approximately N(0,1) "
        "(Irwin-Hall) on the grid 2^-12, b = A z + e with z in {-1,0,1}^P and e approximately N(0,1); see "
        "nonconvex_regression_data.hpp. Finite sum with f_n = phi(A_n^T theta - b_n) and the mean convention. "
        "0 <= J < 1. phi'' = (2 - 6t^2)/(1+t^2)^3 lies in [-1/2, 2], so -(1/2) A^T A/N <= Hessian <= 2 A^T A/N and "
        "L = 2 lambda_max(A^T A)/N; the stated L is an exact certified upper bound on that (within ~1e-9 relative "
        "when P <= 64, Gershgorin otherwise). It is not tight: 2 lambda_max(A^T A)/N would need every residual 0 "
        "at once. Each sample's gradient is 2 |A_n|^2-Lipschitz";
    i.dim = static_cast<int>(z.p);
    i.domain = "R^P";
    i.critical_points_note = "not known in closed form; none listed (J >= 0, f_star unknown)";
    i.lipschitz = "2*" + nonconvex_regression_gram_bound(data) + "/(" + N + "*2^" + two_bits + ")";
    i.smoothness = Smoothness::analytic;
    i.citation =
        "002_dc929347c6f8ce02.txt, Appendix 4.7 'Details on the synthetic experiments' (L2482-2490, eq. (4.21), "
        "N = 500, P = 30, mini-batches of 50), Figures 4.2 (L2210) and 4.3 (L2302); guide "
        "seed-002-castera-thesis.md §4.5 item 7, T-STO-2, §6.1";
    i.box_lo.assign(static_cast<std::size_t>(z.p), -2.0);
    i.box_hi.assign(static_cast<std::size_t>(z.p), 2.0);
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    i.finite_sum = true;
    i.num_samples = static_cast<std::size_t>(z.n);
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 0;
    long n = 0, p = 0;
    Mat<S> a;  // N x P, row n = A_n^T
    Vec<S> b;

    explicit Functor(const Params& params) {
      const Sizes z = sizes(params);
      const auto d = make_nonconvex_regression_data(z.n, z.p, z.seed);
      n = z.n;
      p = z.p;
      const S scale = S(1L << NonconvexRegressionData::kBits);
      a.resize(n, p);
      b.resize(n);
      for (long i = 0; i < n; ++i) {
        b[i] = S(static_cast<long>(d.b[i])) / scale;
        for (long j = 0; j < p; ++j) a(i, j) = S(static_cast<long>(d.a[i * p + j])) / scale;
      }
    }
    int dim() const { return static_cast<int>(p); }
    std::size_t num_samples() const { return static_cast<std::size_t>(n); }

    template <class T>
    T residual(long i, const Vec<T>& x) const {
      T r = -lift<T>(b[i]);
      for (long j = 0; j < p; ++j) r += lift<T>(a(i, j)) * x[j];
      return r;
    }
    template <class T>
    static T phi(const T& r) {
      T r2 = r * r;
      return r2 / (integer<T>(1) + r2);
    }
    template <class T>
    T sample(std::size_t i, const Vec<T>& x) const {
      return phi(residual(static_cast<long>(i), x));
    }
    template <class T>
    T operator()(const Vec<T>& x) const {
      T sum = integer<T>(0);
      for (long i = 0; i < n; ++i) sum += phi(residual(i, x));
      return sum / integer<T>(n);
    }

    // phi'(t) = 2t/(1+t^2)^2, phi''(t) = (2 - 6t^2)/(1+t^2)^3.
    static S dphi(const S& t) {
      const S q = S(1) + t * t;
      return S(2) * t / (q * q);
    }
    static S d2phi(const S& t) {
      const S q = S(1) + t * t;
      return (S(2) - S(6) * t * t) / (q * q * q);
    }
    Vec<S> residuals(const Vec<S>& x) const { return Vec<S>(a * x - b); }
    Vec<S> gradient(const Vec<S>& x) const {
      const Vec<S> r = residuals(x);
      Vec<S> w(n);
      for (long i = 0; i < n; ++i) w[i] = dphi(r[i]);
      return Vec<S>(a.transpose() * w) / S(n);
    }
    Mat<S> hessian(const Vec<S>& x) const {
      const Vec<S> r = residuals(x);
      Mat<S> h = Mat<S>::Zero(p, p);
      for (long i = 0; i < n; ++i) {
        const S c = d2phi(r[i]);
        for (long j = 0; j < p; ++j) {
          const S cj = c * a(i, j);
          for (long k = 0; k <= j; ++k) h(j, k) += cj * a(i, k);
        }
      }
      for (long j = 0; j < p; ++j)
        for (long k = 0; k <= j; ++k) h(k, j) = h(j, k) = h(j, k) / S(n);
      return h;
    }
    Vec<S> sample_gradient(std::size_t i, const Vec<S>& x) const {
      const long k = static_cast<long>(i);
      return Vec<S>(a.row(k).transpose() * dphi(residual(k, x)));
    }
  };
};

}  // namespace ov::problems
