// l2-regularised logistic regression
// f(theta) = (1/N) sum_n log(1 + exp(-y_n a_n^T theta)) + (lambda/2) |theta|^2
// on seeded data (regression_data.hpp): a finite sum, each f_n carrying the regulariser.
#pragma once

#include <cmath>
#include <string>

#include "analysis/numeric/lift.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/functions/classic_support.hpp"
#include "analysis/problems/functions/regression_data.hpp"
#include "analysis/problems/params.hpp"
#include "analysis/problems/problem_info.hpp"
#include "analysis/problems/seeded_data.hpp"

namespace ov::problems {

struct LogisticRegressionFamily {
  static constexpr const char* kName = "logistic_regression";
  static constexpr const char* kTitle = "l2-regularised logistic regression on seeded data";
  static constexpr bool kRationalExact = false;
  static constexpr int kMaxSamples = 100000;
  static constexpr int kMaxDim = 200;

  static Params defaults() { return {{"N", "20"}, {"P", "3"}, {"seed", "1"}, {"lambda", "1/100"}}; }

  static std::shared_ptr<const generated::RegressionData> data(const Params& p) {
    const int P = static_cast<int>(classic::int_param(p, kName, "P", 1, kMaxDim));
    const int N = static_cast<int>(classic::int_param(p, kName, "N", 1, kMaxSamples));
    const auto seed = static_cast<std::uint64_t>(classic::int_param(p, kName, "seed", 0, 1L << 62));
    return generated::regression_data(generated::RegressionKind::logistic, N, P, seed);
  }
  static rational lambda(const Params& p) {
    const rational l = p.get<rational>("lambda");
    if (l < 0) throw std::invalid_argument(std::string(kName) + ": parameter 'lambda' = " + p.text("lambda") +
                                           " must be >= 0");
    return l;
  }

  static ProblemInfo describe(const Params& p) {
    auto d = data(p);
    const rational lam = lambda(p);
    const auto bounds = generated::gram_bounds(*d);
    ProblemInfo i;
    i.name = kName;
    i.title = kTitle;
    i.formula = "f(theta) = (1/N) sum_n log(1 + exp(-y_n a_n^T theta)) + (lambda/2)|theta|^2, N = " +
                std::to_string(d->N) + ", P = " + std::to_string(d->P) + ", seed = " + p.text("seed") +
                ", lambda = " + p.text("lambda") + "; a_n ~ U[-1,1)^P, y_n = sign(a_n^T theta_true + e_n/2)";
    i.dim = d->P;
    i.domain = "R^" + std::to_string(d->P);
    if (lam > 0) {
      const auto sol = generated::logistic_solution(*d, lam);
      i.critical_points = {{sol.theta, PointKind::minimum, false,
                            "unique minimiser (strongly convex), damped Newton in mp100 to |grad| < 1e-80"}};
      i.critical_points_note = "lambda > 0: the unique critical point";
      i.f_star = sol.fstar;
      // Strong convexity: the data term's Hessian (1/N) sum s(1-s) a a^T tends to 0 far out, so
      // inf_theta lambda_min(H) = lambda exactly.
      i.mu = p.text("lambda");
    } else {
      i.critical_points_note = "lambda = 0: the minimiser is not in closed form (and does not exist for separable "
                               "data); none listed";
    }
    // sigma(t)(1 - sigma(t)) <= 1/4: L <= lambda_max(A^T A)/(4N) + lambda (an upper bound, not tight).
    i.lipschitz = generated::constant_string(rational(bounds.upper / 4 + lam));
    i.smoothness = Smoothness::analytic;
    i.citation =
        "standard l2-regularised logistic regression (e.g. Bottou, Curtis & Nocedal, SIAM Rev. 60(2), 2018, §2.1; "
        "Schmidt, Le Roux & Bach, Minimizing finite sums with the stochastic average gradient, Math. Prog. 162, "
        "2017, §5); DeepOBS' logreg problem (anchors-optimizers.md §4.1)";
    i.box_lo = classic::filled(d->P, -3);
    i.box_hi = classic::filled(d->P, 3);
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
    Mat<S> YA;  // row n: y_n a_n
    S lam, half_lam;
    explicit Functor(const Params& p) {
      auto d = data(p);
      N = d->N;
      P = d->P;
      YA.resize(N, P);
      for (int n = 0; n < N; ++n)
        for (int k = 0; k < P; ++k) YA(n, k) = from_rational<S>(rational(d->y[n] * d->a[n * P + k]));
      const rational l = lambda(p);
      lam = from_rational<S>(l);
      half_lam = from_rational<S>(rational(l / 2));
    }
    int dim() const { return P; }
    std::size_t num_samples() const { return static_cast<std::size_t>(N); }

    template <class T>
    T margin(std::size_t n, const Vec<T>& x) const {  // t = y_n a_n^T theta
      T t = classic::scaled(YA(n, 0), x[0]);
      for (int k = 1; k < P; ++k) t += classic::scaled(YA(n, k), x[k]);
      return t;
    }
    // log(1 + exp(-t)) without overflow: log1p(exp(-t)) for t >= 0, -t + log1p(exp(t)) otherwise
    // (the branch is on the value only, so Jets carry the right derivative on each side).
    template <class T>
    static T softplus_neg(const T& t) {
      using std::exp;
      using std::log1p;
      if (value_of(t) >= base_scalar_t<T>(0)) return log1p(exp(-t));
      return -t + log1p(exp(t));
    }
    // 1 / (1 + exp(t)) = sigma(-t), stable.
    static S sigma_neg(const S& t) {
      using std::exp;
      if (t >= S(0)) {
        S e = exp(S(-t));
        return e / (S(1) + e);
      }
      return S(1) / (S(1) + exp(t));
    }
    template <class T>
    T regulariser(const Vec<T>& x) const {
      T r = x[0] * x[0];
      for (int k = 1; k < P; ++k) r += x[k] * x[k];
      return classic::scaled(half_lam, r);
    }
    template <class T>
    T sample(std::size_t n, const Vec<T>& x) const {
      return softplus_neg(margin(n, x)) + regulariser(x);
    }
    template <class T>
    T operator()(const Vec<T>& x) const {
      T sum = integer<T>(0);
      for (int n = 0; n < N; ++n) sum += softplus_neg(margin(static_cast<std::size_t>(n), x));
      return sum / integer<T>(N) + regulariser(x);
    }
    Vec<S> sample_gradient(std::size_t n, const Vec<S>& x) const {
      const S s = sigma_neg(margin(n, x));
      Vec<S> g(P);
      for (int k = 0; k < P; ++k) g[k] = lam * x[k] - s * YA(n, k);
      return g;
    }
    Vec<S> gradient(const Vec<S>& x) const {
      Vec<S> g = Vec<S>::Zero(P);
      for (int n = 0; n < N; ++n) {
        const S s = sigma_neg(margin(static_cast<std::size_t>(n), x));
        for (int k = 0; k < P; ++k) g[k] -= s * YA(n, k);
      }
      const S inv_n = S(1) / S(N);
      for (int k = 0; k < P; ++k) g[k] = g[k] * inv_n + lam * x[k];
      return g;
    }
    Mat<S> hessian(const Vec<S>& x) const {
      Mat<S> h = Mat<S>::Zero(P, P);
      for (int n = 0; n < N; ++n) {
        const S s = sigma_neg(margin(static_cast<std::size_t>(n), x));
        const S w = s * (S(1) - s);
        for (int r = 0; r < P; ++r)
          for (int c = 0; c < P; ++c) h(r, c) += w * YA(n, r) * YA(n, c);
      }
      const S inv_n = S(1) / S(N);
      for (int r = 0; r < P; ++r) {
        for (int c = 0; c < P; ++c) h(r, c) = h(r, c) * inv_n;
        h(r, r) += lam;
      }
      return h;
    }
  };
};

}  // namespace ov::problems
