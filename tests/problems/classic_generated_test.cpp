// The generated families of catalog_classics.hpp: seeded quadratics (exact
// orthogonality and spectral decomposition in rational), quadratic_deep, least
// squares (normal equations, finite sums exact in rational) and logistic
// regression (stable loss, finite sums, Newton minimiser); reproducibility from the
// seed; each check also fed a mutated input that it must reject.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "analysis/problems/functions/least_squares.hpp"
#include "analysis/problems/functions/logistic_regression.hpp"
#include "analysis/problems/functions/quadratic_deep.hpp"
#include "analysis/problems/problem.hpp"
#include "tests/problems/classic_test_support.hpp"

namespace ov::classic_test {
namespace {

using problems::make_problem;
using Z = bmp::mpz_int;

// X X^T == den^2 I exactly (Q = X / den orthogonal).
bool exactly_orthogonal(const std::vector<Z>& X, const Z& den, int n) {
  const Z d2 = den * den;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      Z s = 0;
      for (int k = 0; k < n; ++k) s += X[i * n + k] * X[j * n + k];
      if (s != (i == j ? d2 : Z(0))) return false;
    }
  return true;
}

// A q_k == lambda_k q_k for every column q_k of Q (exact spectral decomposition).
bool eigen_equations_hold(const Mat<rational>& A, const std::vector<Z>& X, const std::vector<rational>& lambda, int n) {
  for (int k = 0; k < n; ++k)
    for (int i = 0; i < n; ++i) {
      rational s(0);
      for (int j = 0; j < n; ++j) s += A(i, j) * rational(X[j * n + k]);
      if (s != lambda[k] * rational(X[i * n + k])) return false;
    }
  return true;
}

TEST(ClassicQuadratic, RotationIsExactlyOrthogonalAndSpectrumExact) {
  const Problem p = make_problem("quadratic", {{"n", "8"}, {"seed", "7"}, {"mu", "1/10"}, {"L", "10"}});
  auto d = problems::QuadraticFamily::data(p.params());
  const int n = 8;
  ASSERT_EQ(d->n, n);
  EXPECT_TRUE(exactly_orthogonal(d->rotation_num, d->rotation_den, n));
  const Mat<rational> A = p.in<rational>().hessian(Vec<rational>::Zero(n));
  EXPECT_EQ(A, A.transpose());
  EXPECT_TRUE(eigen_equations_hold(A, d->rotation_num, d->eigenvalues, n));
  rational trace(0), sum(0);
  for (int k = 0; k < n; ++k) trace += A(k, k), sum += d->eigenvalues[k];
  EXPECT_EQ(trace, sum);
  // Linear spacing from mu to L.
  EXPECT_EQ(d->eigenvalues.front(), rational(1, 10));
  EXPECT_EQ(d->eigenvalues.back(), rational(10));
  EXPECT_EQ(d->eigenvalues[1] - d->eigenvalues[0], (rational(10) - rational(1, 10)) / 7);
  // Independent exact inertia: A - t I for t between consecutive eigenvalues has exactly
  // as many negative pivots as eigenvalues below t.
  for (int k = 0; k <= n; ++k) {
    rational t = k == 0 ? rational(0) : k == n ? rational(11) : (d->eigenvalues[k - 1] + d->eigenvalues[k]) / 2;
    Mat<rational> S = A - t * Mat<rational>::Identity(n, n);
    Inertia in = inertia<rational>(S, rational(0));
    EXPECT_EQ(in.zero, 0);
    EXPECT_EQ(in.negative, k) << "t = " << t;
  }
  // Metadata: L, mu exact; unique minimum.
  EXPECT_EQ(constant<rational>(*p.info().lipschitz), rational(10));
  EXPECT_EQ(constant<rational>(*p.info().mu), rational(1, 10));
  ASSERT_EQ(p.info().critical_points.size(), 1u);
  EXPECT_EQ(p.info().critical_points[0].kind, PointKind::minimum);
  // Mutations: a single changed rotation entry breaks orthogonality; a wrong eigenvalue
  // breaks the eigen-equations.
  auto X = d->rotation_num;
  X[3] += 1;
  EXPECT_FALSE(exactly_orthogonal(X, d->rotation_den, n));
  auto wrong = d->eigenvalues;
  wrong[2] += rational(1, 1000);
  EXPECT_FALSE(eigen_equations_hold(A, d->rotation_num, wrong, n));
}

TEST(ClassicQuadratic, CriticalPointAndFStarAreExact) {
  const Problem p = make_problem("quadratic", {{"n", "6"}, {"seed", "3"}});
  const auto& e = p.in<rational>();
  const Vec<rational> xs = vec_of<rational>(p.info().critical_points[0].x);
  EXPECT_EQ(e.gradient(xs), Vec<rational>::Zero(6));
  EXPECT_EQ(e.autodiff_gradient(xs), Vec<rational>::Zero(6));
  EXPECT_EQ(e.value(xs), constant<rational>(*p.info().f_star));
  // Mutation: a point off by 2^-40 in one coordinate is not critical.
  Vec<rational> off = xs;
  off[0] += rational(1, Z(1) << 40);
  EXPECT_NE(e.gradient(off), Vec<rational>::Zero(6));
  // Same function in double and mp100 up to rounding of A (|f| ~ 10, eps_double 1.1e-16:
  // 1e-12 relative allows ~n^2 roundings).
  const Vec<mp100> xm = vec_of<mp100>({"1", "-1", "1/2", "0", "2", "3"});
  Vec<double> xd(6);
  for (int k = 0; k < 6; ++k) xd[k] = static_cast<double>(xm[k]);
  const mp100 fm = p.in<mp100>().value(xm);
  EXPECT_LT(abs(mp100(p.in<double>().value(xd)) - fm), mp100("1e-12") * (1 + abs(fm)));
}

TEST(ClassicQuadratic, IndefiniteGeometricAndListSpectra) {
  const Problem s = make_problem("quadratic", {{"n", "7"}, {"negative", "3"}, {"spectrum", "geometric"},
                                               {"mu", "1/100"}, {"L", "100"}});
  auto d = problems::QuadraticFamily::data(s.params());
  EXPECT_EQ(s.info().critical_points[0].kind, PointKind::strict_saddle);
  EXPECT_FALSE(s.info().f_star.has_value());
  EXPECT_FALSE(s.info().mu.has_value());
  EXPECT_EQ(constant<rational>(*s.info().lipschitz), rational(100));
  const Mat<rational> A = s.in<rational>().hessian(Vec<rational>::Zero(7));
  Inertia in = inertia<rational>(A, rational(0));
  EXPECT_EQ(in.negative, 3);
  EXPECT_EQ(in.positive, 4);
  // Geometric: |lambda_{k+1} / lambda_k| = 100^(1/3) (ratio 10^4 over 6 gaps) to the 2^-60 grid.
  const mp100 r = pow(mp100(10000), mp100(1) / 6);
  for (int k = 0; k + 1 < 7; ++k) {
    mp100 q = mp100(abs(d->eigenvalues[k + 1])) / mp100(abs(d->eigenvalues[k]));
    EXPECT_LT(abs(q - r), mp100("1e-15")) << k;
  }
  const Problem l = make_problem("quadratic", {{"n", "3"}, {"spectrum", "list"}, {"eigenvalues", "-2, 1/3, 5"}});
  EXPECT_EQ(constant<rational>(*l.info().lipschitz), rational(5));
  EXPECT_EQ(l.info().critical_points[0].kind, PointKind::strict_saddle);
  const Problem m = make_problem("quadratic", {{"n", "2"}, {"spectrum", "list"}, {"eigenvalues", "-2, -1/3"}});
  EXPECT_EQ(m.info().critical_points[0].kind, PointKind::maximum);
}

TEST(ClassicQuadratic, ReproducibleFromTheSeed) {
  auto hess = [](const std::string& seed) {
    return make_problem("quadratic", {{"n", "5"}, {"seed", seed}}).in<rational>().hessian(Vec<rational>::Zero(5));
  };
  EXPECT_EQ(hess("11"), hess("11"));
  EXPECT_NE(hess("11"), hess("12"));
  auto b = [](const std::string& seed) {
    return make_problem("quadratic", {{"n", "5"}, {"seed", seed}}).in<rational>().gradient(Vec<rational>::Zero(5));
  };
  EXPECT_EQ(b("11"), b("11"));
  EXPECT_NE(b("11"), b("12"));
}

TEST(ClassicQuadratic, InvalidParametersAreRejectedByName) {
  auto throws_naming = [](const Params& o, const std::string& key) {
    try {
      make_problem("quadratic", o);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what()).find("'" + key + "'") != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(throws_naming({{"mu", "0"}}, "mu"));
  EXPECT_TRUE(throws_naming({{"mu", "2"}, {"L", "1"}}, "L"));
  EXPECT_TRUE(throws_naming({{"spectrum", "cubic"}}, "spectrum"));
  EXPECT_TRUE(throws_naming({{"negative", "11"}}, "negative"));
  EXPECT_TRUE(throws_naming({{"b", "random"}}, "b"));
  EXPECT_TRUE(throws_naming({{"n", "0"}}, "n"));
  EXPECT_TRUE(throws_naming({{"seed", "-1"}}, "seed"));
  EXPECT_TRUE(throws_naming({{"spectrum", "list"}, {"n", "2"}, {"eigenvalues", "1, 0"}}, "eigenvalues"));
  EXPECT_TRUE(throws_naming({{"spectrum", "list"}, {"n", "3"}, {"eigenvalues", "1, 2"}}, "n"));
  EXPECT_FALSE(throws_naming({{"negative", "10"}}, "negative"));  // valid: the check can fail
}

TEST(ClassicQuadraticDeep, SpectrumShapeAndExactTrace) {
  const auto t0 = std::chrono::steady_clock::now();
  const Problem p = make_problem("quadratic_deep");
  auto d = problems::QuadraticDeepFamily::data(p.params());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(seconds, 30.0) << "construction of the exact 100-D data";
  ASSERT_EQ(p.dim(), 100);
  EXPECT_TRUE(exactly_orthogonal(d->rotation_num, d->rotation_den, 100));
  int small = 0, large = 0;
  rational sum(0);
  for (const auto& e : d->eigenvalues) {
    sum += e;
    if (e > 0 && e <= 1) ++small;
    if (e > 30 && e <= 60) ++large;
  }
  EXPECT_EQ(small, 90);
  EXPECT_EQ(large, 10);
  const Mat<rational> A = p.in<rational>().hessian(Vec<rational>::Zero(100));
  rational trace(0);
  for (int k = 0; k < 100; ++k) trace += A(k, k);
  EXPECT_EQ(trace, sum);
  // Inertia of A - 2I in mp100 (pivots are O(1) away from 0 given the spectral gap (1, 30]):
  // 90 negative, 10 positive.
  const Mat<mp100> Am = p.in<mp100>().hessian(Vec<mp100>::Zero(100));
  Inertia in = inertia<mp100>(Mat<mp100>(Am - 2 * Mat<mp100>::Identity(100, 100)), mp100("1e-50"));
  EXPECT_EQ(in.negative, 90);
  EXPECT_EQ(in.positive, 10);
  EXPECT_EQ(constant<rational>(*p.info().f_star), rational(0));
  EXPECT_EQ(constant<rational>(*p.info().lipschitz), d->eigenvalues.back());
}

// ---- least squares --------------------------------------------------------

TEST(ClassicLeastSquares, MinimiserSatisfiesNormalEquationsExactly) {
  const Problem p = make_problem("least_squares", {{"N", "12"}, {"P", "4"}, {"seed", "5"}});
  auto d = problems::LeastSquaresFamily::data(p.params());
  const Vec<rational> th = vec_of<rational>(p.info().critical_points[0].x);
  auto normal_residual = [&](const Vec<rational>& t) {  // A^T (A t - y)
    Vec<rational> r = Vec<rational>::Zero(4);
    for (int n = 0; n < 12; ++n) {
      rational res = -d->y[n];
      for (int k = 0; k < 4; ++k) res += d->a[n * 4 + k] * t[k];
      for (int k = 0; k < 4; ++k) r[k] += d->a[n * 4 + k] * res;
    }
    return r;
  };
  EXPECT_EQ(normal_residual(th), Vec<rational>::Zero(4));
  EXPECT_EQ(p.in<rational>().gradient(th), Vec<rational>::Zero(4));
  EXPECT_EQ(p.in<rational>().value(th), constant<rational>(*p.info().f_star));
  Vec<rational> off = th;
  off[1] += rational(1, Z(1) << 30);
  EXPECT_NE(normal_residual(off), Vec<rational>::Zero(4));  // mutation
}

TEST(ClassicLeastSquares, FiniteSumMeanEqualsFullValueExactly) {
  const Problem p = make_problem("least_squares", {{"N", "9"}, {"P", "3"}, {"seed", "2"}});
  const auto& e = p.in<rational>();
  ASSERT_EQ(e.num_samples(), 9u);
  const Vec<rational> x = vec_of<rational>({"1/3", "-2/7", "5"});
  rational sum(0);
  Vec<rational> gsum = Vec<rational>::Zero(3);
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < 9; ++i) {
    sum += e.sample_value(i, x);
    gsum += e.sample_gradient(i, x);
    all.push_back(i);
  }
  EXPECT_EQ(sum / 9, e.value(x));
  EXPECT_EQ(Vec<rational>(gsum / rational(9)), e.gradient(x));
  EXPECT_EQ(e.batch_value(all, x), e.value(x));
  EXPECT_EQ(e.batch_gradient(all, x), e.autodiff_gradient(x));
  // Mutation: leaving one sample out changes the mean.
  all.pop_back();
  EXPECT_NE(e.batch_value(all, x), e.value(x));
}

TEST(ClassicLeastSquares, CertifiedLAndMuBracketTheSpectrum) {
  const Problem p = make_problem("least_squares", {{"N", "30"}, {"P", "5"}, {"seed", "9"}});
  const Mat<mp100> G = p.in<mp100>().hessian(Vec<mp100>::Zero(5));
  const mp100 L = constant<mp100>(*p.info().lipschitz), mu = constant<mp100>(*p.info().mu);
  const Mat<mp100> I = Mat<mp100>::Identity(5, 5);
  auto positive_definite = [](const Mat<mp100>& m) { return inertia<mp100>(m, mp100("1e-80")).positive == 5; };
  EXPECT_TRUE(positive_definite(Mat<mp100>(L * I - G)));
  EXPECT_TRUE(positive_definite(Mat<mp100>(G - mu * I)));
  // Tight to a relative 1e-6: shrinking L (growing mu) by that much breaks the bracket.
  EXPECT_FALSE(positive_definite(Mat<mp100>(L * (1 - mp100("1e-6")) * I - G)));
  EXPECT_FALSE(positive_definite(Mat<mp100>(G - mu * (1 + mp100("1e-6")) * I)));
}

TEST(ClassicLeastSquares, ReproducibleFromTheSeed) {
  auto value = [](const std::string& seed) {
    return make_problem("least_squares", {{"seed", seed}}).in<rational>().value(vec_of<rational>({"1", "2", "3"}));
  };
  EXPECT_EQ(value("4"), value("4"));
  EXPECT_NE(value("4"), value("5"));
  EXPECT_TRUE(problems::LeastSquaresFamily::data(make_problem("least_squares").params())->a ==
              problems::LeastSquaresFamily::data(make_problem("least_squares").params())->a);
}

// ---- logistic regression --------------------------------------------------

TEST(ClassicLogistic, FiniteSumAndDerivatives) {
  const Problem p = make_problem("logistic_regression", {{"N", "15"}, {"P", "3"}, {"seed", "4"}});
  const auto& e = p.in<mp100>();
  const Vec<mp100> x = vec_of<mp100>({"7/10", "-13/10", "21/10"});
  mp100 sum(0);
  Vec<mp100> gsum = Vec<mp100>::Zero(3);
  for (std::size_t i = 0; i < 15; ++i) {
    sum += e.sample_value(i, x);
    gsum += e.sample_gradient(i, x);
    // Each analytic sample gradient vs autodiff of the sample (through the evaluator's
    // batch of one, which uses the analytic one; compare with the full autodiff below).
  }
  // 15 additions of O(1) values in mp100: 1e-95 is ~1e4 eps100.
  EXPECT_LT(abs(sum / 15 - e.value(x)), mp100("1e-95"));
  EXPECT_LT(mp100((gsum / mp100(15) - e.gradient(x)).cwiseAbs().maxCoeff()), mp100("1e-95"));
  EXPECT_LT(mp100((e.gradient(x) - e.autodiff_gradient(x)).cwiseAbs().maxCoeff()), mp100("1e-95"));
  EXPECT_LT(mp100((e.hessian(x) - e.autodiff_hessian(x)).cwiseAbs().maxCoeff()), mp100("1e-95"));
  // The Lipschitz bound holds at theta = 0, where every sigma(1 - sigma) = 1/4 is largest.
  const mp100 L = constant<mp100>(*p.info().lipschitz);
  const Mat<mp100> H0 = e.hessian(Vec<mp100>::Zero(3));
  EXPECT_EQ(inertia<mp100>(Mat<mp100>(L * Mat<mp100>::Identity(3, 3) - H0), mp100("1e-80")).positive, 3);
}

TEST(ClassicLogistic, ListedMinimiserIsCriticalToItsDigits) {
  const Problem p = make_problem("logistic_regression");
  const auto& e = p.in<mp100>();
  const auto& cp = p.info().critical_points.at(0);
  EXPECT_FALSE(cp.exact);
  const Vec<mp100> x0 = vec_of<mp100>(cp.x);
  // 80 listed digits (Newton to |grad| < 1e-80, lambda = 1/100): |grad| <= L * 1e-78 or so.
  EXPECT_LT(mp100(e.gradient(x0).cwiseAbs().maxCoeff()), mp100("1e-75"));
  mp100 gn;
  const Vec<mp100> x = newton([&e](const Vec<mp100>& v) { return e.gradient(v); },
                              [&e](const Vec<mp100>& v) { return e.hessian(v); }, x0, &gn);
  EXPECT_LT(gn, mp100("1e-90"));
  EXPECT_LT(mp100((x - x0).cwiseAbs().maxCoeff()), mp100("1e-75"));
  // f* has 95 digits and f is flat at x (error ~ |g| |dx|): 1e-93.
  EXPECT_LT(abs(e.value(x) - constant<mp100>(*p.info().f_star)), mp100("1e-93"));
  // Mutation: a perturbed point is far from critical.
  Vec<mp100> off = x0;
  off[0] += mp100("1e-10");
  EXPECT_GT(mp100(e.gradient(off).cwiseAbs().maxCoeff()), mp100("1e-75"));
}

TEST(ClassicLogistic, LossIsStableForLargeMargins) {
  // theta = 5000 * ones: margins |t| up to ~15000; exp(|t|) overflows double beyond 709.
  const Problem p = make_problem("logistic_regression", {{"lambda", "0"}});
  const Vec<double> xd = Vec<double>::Constant(3, 5000.0);
  const Vec<mp100> xm = Vec<mp100>::Constant(3, mp100(5000));
  const double fd = p.in<double>().value(xd);
  const mp100 fm = p.in<mp100>().value(xm);
  ASSERT_TRUE(std::isfinite(fd));
  EXPECT_LT(abs(mp100(fd) - fm), mp100("1e-12") * (1 + abs(fm)));
  EXPECT_TRUE(p.in<double>().gradient(xd).allFinite());
  // Mutation: the naive log(1 + exp(-t)) overflows for the same data.
  auto d = problems::LogisticRegressionFamily::data(p.params());
  double naive = 0;
  for (int n = 0; n < d->N; ++n) {
    double t = 0;
    for (int k = 0; k < d->P; ++k) t += static_cast<double>(mp100(d->y[n] * d->a[n * d->P + k])) * 5000.0;
    naive += std::log(1 + std::exp(-t));
  }
  EXPECT_FALSE(std::isfinite(naive / d->N));
  EXPECT_FALSE(p.info().f_star.has_value());  // lambda = 0: no closed form, none listed
}

TEST(ClassicRegression, InvalidParametersAreRejectedByName) {
  auto throws_naming = [](const std::string& name, const Params& o, const std::string& key) {
    try {
      make_problem(name, o);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what()).find("'" + key + "'") != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(throws_naming("least_squares", {{"N", "2"}, {"P", "3"}}, "N"));
  EXPECT_TRUE(throws_naming("least_squares", {{"P", "0"}}, "P"));
  EXPECT_TRUE(throws_naming("logistic_regression", {{"lambda", "-1"}}, "lambda"));
  EXPECT_TRUE(throws_naming("quadratic_deep", {{"seed", "-3"}}, "seed"));
  EXPECT_FALSE(throws_naming("least_squares", {{"N", "3"}, {"P", "3"}}, "N"));
}

}  // namespace
}  // namespace ov::classic_test
