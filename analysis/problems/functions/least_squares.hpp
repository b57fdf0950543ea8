// Linear least squares f(theta) = (1/(2N)) sum_n (a_n^T theta - y_n)^2 on seeded exact
// data (regression_data.hpp): a finite sum with f_n = (a_n^T theta - y_n)^2 / 2.
#pragma once

#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/functions/regression_data.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems {

struct LeastSquaresFamily {
  static constexpr const char* kName = "least_squares";
  static constexpr const char* kTitle = "Linear least squares on seeded data";
  static constexpr bool kRationalExact = true;
  static constexpr int kMaxSamples = 100000;
  static constexpr int kMaxDim = 200;

  static Params defaults() { return {{"N", "20"}, {"P", "3"}, {"seed", "1"}}; }

  static std::shared_ptr<const generated::RegressionData> data(const Params& p) {
    const int P = static_cast<int>(classic::int_param(p, kName, "P", 1, kMaxDim));
    const int N = static_cast<int>(classic::int_param(p, kName, "N", P, kMaxSamples));
    const auto seed = static_cast<std::uint64_t>(classic::int_param(p, kName, "seed", 0, 1L << 62));
    return generated::regression_data(generated::RegressionKind::least_squares, N, P, seed);
  }

  static ProblemInfo describe(const Params& p) {
    auto d = data(p);
    const auto sol = generated::least_squares_solution(*d);
    const auto bounds = generated::gram_bounds(*d);
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(theta) = (1/(2N)) sum_{n=1}^N (a_n^T theta - y_n)^2, N = " + std::to_string(d->N) +
                ", P = " + std::to_string(d->P) + ", seed = " + p.text("seed") +
                "; a_n ~ U[-1,1)^P, y_n = a_n^T theta_true + e_n/8 (seeded dyadic data)";
    i.dim = d->P;
    i.domain = "R^" + std::to_string(d->P);
    std::vector<std::string> xs;
    for (const auto& v : sol.theta) xs.push_back(generated::constant_string(v));
    i.critical_points = {{xs, PointKind::minimum, true, "normal equations A^T A theta = A^T y, solved exactly"}};
    i.critical_points_note = "A^T A is nonsingular: the unique critical point";
    i.f_star = generated::constant_string(sol.fstar);
    // Certified: L >= lambda_max(A^T A)/N and 0 < mu <= lambda_min(A^T A)/N, within a relative
    // 2^-30-ish margin of the true extreme eigenvalues (exact LDL^T certificate).
    i.lipschitz = generated::constant_string(bounds.upper);
    if (bounds.lower_positive) i.mu = generated::constant_string(bounds.lower);
    i.smoothness = Smoothness::analytic;
    i.citation =
        "standard linear least squares (e.g. Bottou, Curtis & Nocedal, Optimization methods for large-scale machine "
        "learning, SIAM Rev. 60(2), 2018, §2); finite-sum convention of evaluator.hpp; L, mu certified upper/lower "
        "eigenvalue bounds (regression_data.hpp)";
    for (const auto& v : sol.theta) {
      const double c = static_cast<double>(mp100(v));
      i.box_lo.push_back(c - 2);
      i.box_hi.push_back(c + 2);
    }
    i.rational_exact = true;
    i.analytic_gradient = true;
    i.analytic_hessian = true;
    i.finite_sum = true;
    i.num_samples = static_cast<std::size_t>(d->N);
    return i;
  }

  template <class S>
  struct Functor {
    static constexpr int kDim = 0;
    int N, P;
    Mat<S> A;  // N x P
    Vec<S> y;
    Mat<S> G;  // A^T A / N
    explicit Functor(const Params& p) {
      auto d = data(p);
      N = d->N;
      P = d->P;
      A.resize(N, P);
      y.resize(N);
      for (int n = 0; n < N; ++n) {
        y[n] = from_rational<S>(d->y[n]);
        for (int k = 0; k < P; ++k) A(n, k) = from_rational<S>(d->a[n * P + k]);
      }
      G = Mat<S>::Zero(P, P);
      for (int n = 0; n < N; ++n)
        for (int r = 0; r < P; ++r)
          for (int c = 0; c < P; ++c) G(r, c) += A(n, r) * A(n, c);
      const S inv_n = S(1) / S(N);
      for (int r = 0; r < P; ++r)
        for (int c = 0; c < P; ++c) G(r, c) = G(r, c) * inv_n;
    }
    int dim() const { return P; }
    std::size_t num_samples() const { return static_cast<std::size_t>(N); }

    template <class T>
    T residual(std::size_t n, const Vec<T>& x) const {
      T r = lift<T>(S(-y[n]));
      for (int k = 0; k < P; ++k) r += classic::scaled(A(n, k), x[k]);
      return r;
    }
    template <class T>
    T sample(std::size_t n, const Vec<T>& x) const {
      T r = residual(n, x);
      return r * r / integer<T>(2);
    }
    template <class T>
    T operator()(const Vec<T>& x) const {
      T sum = integer<T>(0);
      for (int n = 0; n < N; ++n) {
        T r = residual(static_cast<std::size_t>(n), x);
        sum += r * r;
      }
      return sum / integer<T>(2 * static_cast<long>(N));
    }
    Vec<S> sample_gradient(std::size_t n, const Vec<S>& x) const {
      const S r = residual(n, x);
      Vec<S> g(P);
      for (int k = 0; k < P; ++k) g[k] = r * A(n, k);
      return g;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g = Vec<S>::Zero(P);
      for (int n = 0; n < N; ++n) {
        const S r = residual(static_cast<std::size_t>(n), x);
        for (int k = 0; k < P; ++k) g[k] += r * A(n, k);
      }
      const S inv_n = S(1) / S(N);
      for (int k = 0; k < P; ++k) g[k] = g[k] * inv_n;
      return g;
    }
    Mat<S> hessian(const Vec<S>&) const { return G; }
  };
};

}  // namespace ov::problems
