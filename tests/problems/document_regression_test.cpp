// The nonconvex regression (4.21) of thesis 002: deterministic exact data, the
// finite-sum (mean) convention exactly in `rational`, analytic derivatives equal to
// autodiff exactly, the certified Lipschitz bound, parameter validation, mutations.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>

#include <string>
#include <vector>

#include "analysis/problems/functions/nonconvex_regression_data.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/seeded_data.hpp"
#include "tests/problems/document_test_support.hpp"

namespace ov::problems {
namespace {

using testing::vec_of;

const Params kSmall = {{"N", "23"}, {"P", "4"}, {"seed", "7"}};

rational phi(const rational& t) { return t * t / (1 + t * t); }

TEST(DocumentRegression, DataIsTheDocumentedSeededStream) {
  const long N = 6, P = 3;
  const auto d = make_nonconvex_regression_data(N, P, 42);
  SeededStream s(42);
  const rational scale(4096);
  std::vector<rational> a(N * P);
  for (auto& v : a) v = s.approx_normal(12);
  std::vector<int> z(P);
  for (auto& v : z) v = static_cast<int>(s.next_u64() % 3) - 1;
  for (long k = 0; k < N * P; ++k) EXPECT_EQ(rational(d.a[k]) / scale, a[k]);
  for (long p = 0; p < P; ++p) EXPECT_EQ(d.planted[p], z[p]);
  for (long n = 0; n < N; ++n) {
    rational b = s.approx_normal(12);
    for (long p = 0; p < P; ++p) b += a[n * P + p] * z[p];
    EXPECT_EQ(rational(d.b[n]) / scale, b);
  }
  // Another seed gives other data.
  EXPECT_NE(make_nonconvex_regression_data(N, P, 43).a, d.a);
}

// The value check: J(theta) equals (1/N) sum phi(A_n^T theta - b_n) recomputed from the data.
bool value_matches(const std::function<rational(const Vec<rational>&)>& f, const NonconvexRegressionData& d,
                   const Vec<rational>& x) {
  rational sum = 0;
  for (long n = 0; n < d.samples; ++n) {
    rational r = -rational(d.b[n]) / 4096;
    for (long p = 0; p < d.dim; ++p) r += rational(d.a[n * d.dim + p]) / 4096 * x[p];
    sum += phi(r);
  }
  return f(x) == sum / d.samples;
}

TEST(DocumentRegression, ValueIsTheMeanOfTheSamplesExactly) {
  const Problem p = make_problem("nonconvex_regression", kSmall);
  const auto& e = p.in<rational>();
  const auto d = make_nonconvex_regression_data(23, 4, 7);
  ASSERT_EQ(e.num_samples(), 23u);
  ASSERT_TRUE(p.info().finite_sum);
  ASSERT_EQ(p.info().num_samples, 23u);
  for (const auto& c : std::vector<std::vector<std::string>>{{"0", "0", "0", "0"}, {"1/2", "-3", "5/7", "1"}}) {
    const Vec<rational> x = vec_of<rational>(c);
    const auto f = [&e](const Vec<rational>& y) { return e.value(y); };
    EXPECT_TRUE(value_matches(f, d, x));
    // Mutation: the sum convention instead of the mean (the thesis mixes both, guide §4.6 item 1).
    const auto summed = [&e](const Vec<rational>& y) { return e.value(y) * 23; };
    EXPECT_FALSE(value_matches(summed, d, x));
    // Mean of the samples and of the sample gradients = full value and gradient, exactly.
    rational mean = 0;
    Vec<rational> g = Vec<rational>::Zero(4);
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < 23; ++i) {
      mean += e.sample_value(i, x);
      g += e.sample_gradient(i, x);
      all.push_back(i);
    }
    EXPECT_EQ(mean / 23, e.value(x));
    EXPECT_EQ(Vec<rational>(g / rational(23)), e.gradient(x));
    EXPECT_EQ(e.batch_value(all, x), e.value(x));
    EXPECT_EQ(e.batch_gradient(all, x), e.gradient(x));
  }
}

TEST(DocumentRegression, AnalyticDerivativesEqualAutodiffExactly) {
  const Problem p = make_problem("nonconvex_regression", kSmall);
  const auto& e = p.in<rational>();
  const Vec<rational> x = vec_of<rational>({"1/3", "-2", "3/4", "1/8"});
  EXPECT_EQ(e.gradient(x), e.autodiff_gradient(x));
  EXPECT_EQ(e.hessian(x), e.autodiff_hessian(x));
  for (std::size_t i : {0u, 5u, 22u}) {
    // autodiff of the single sample through the batch of one
    const Vec<rational> gi = e.sample_gradient(i, x);
    Vec<rational> wrong = gi;
    wrong[0] += rational(1, 1 << 20);
    EXPECT_NE(wrong, gi);
  }
}

TEST(DocumentRegression, LipschitzBoundIsCertifiedAndNearlyTightForTheQuadraticBound) {
  // L = 2 c / (N 2^24) with c >= lambda_max(G), G = integer Gram matrix. Check it against a
  // double eigenvalue estimate (relative error ~1e-14 for this SPD matrix): L must not be below
  // 2 lambda_max(A^T A)/N and not above it by more than 1e-7 relative.
  for (const Params& prm : {Params{}, kSmall}) {
    const Problem p = make_problem("nonconvex_regression", prm);
    const long N = p.params().get_int("N"), P = p.params().get_int("P");
    const auto d = make_nonconvex_regression_data(N, P, static_cast<std::uint64_t>(p.params().get_int("seed")));
    Eigen::MatrixXd a(N, P);
    for (long n = 0; n < N; ++n)
      for (long j = 0; j < P; ++j) a(n, j) = static_cast<double>(d.a[n * P + j]) / 4096.0;
    const Eigen::MatrixXd gram = a.transpose() * a;
    const double lmax = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram).eigenvalues().maxCoeff();
    const double target = 2 * lmax / N;
    const auto is_valid_bound = [&](double L) { return L >= target * (1 - 1e-12) && L <= target * (1 + 1e-7); };
    const double L = static_cast<double>(constant<mp100>(*p.info().lipschitz));
    EXPECT_TRUE(is_valid_bound(L)) << L << " vs " << target;
    // Mutation: a bound 1e-6 too small is rejected.
    EXPECT_FALSE(is_valid_bound(target * (1 - 1e-6)));
    // Sampled Hessian norms never exceed L (points of the box, a few residuals near 0).
    const auto& e = p.in<double>();
    for (int k = 0; k < 5; ++k) {
      Vec<double> x = Vec<double>::Zero(P);
      for (long j = 0; j < P; ++j) x[j] = ((k * 7 + j * 3) % 9 - 4) / 4.0;
      const Eigen::MatrixXd h = e.hessian(x);
      const double hn = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(h).eigenvalues().cwiseAbs().maxCoeff();
      EXPECT_LE(hn, L);
    }
  }
}

TEST(DocumentRegression, DefaultsAreTheThesisSizes) {
  const Problem p = make_problem("nonconvex_regression");
  EXPECT_EQ(p.dim(), 30);
  EXPECT_EQ(p.info().num_samples, 500u);
  EXPECT_EQ(p.info().box_lo.size(), 30u);
  // J >= 0 and J < 1; at theta = 0 it is the mean of phi(b_n), recomputed in rational.
  const auto d = make_nonconvex_regression_data(500, 30, 0);
  const Vec<rational> zero = Vec<rational>::Zero(30);
  const auto f = [&p](const Vec<rational>& y) { return p.value<rational>(y); };
  EXPECT_TRUE(value_matches(f, d, zero));
  const rational j0 = p.value<rational>(zero);
  EXPECT_GT(j0, 0);
  EXPECT_LT(j0, 1);
  // The planted z fits better than 0 (noise only): J(z) < J(0).
  Vec<rational> z(30);
  for (int j = 0; j < 30; ++j) z[j] = d.planted[j];
  EXPECT_LT(p.value<rational>(z), j0);
}

TEST(DocumentRegression, ParameterValidation) {
  auto message = [](const Params& o) -> std::string {
    try {
      make_problem("nonconvex_regression", o);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(message({{"N", "0"}}).find("'N'"), std::string::npos);
  EXPECT_NE(message({{"N", "0"}}).find("[1, 100000]"), std::string::npos);
  EXPECT_NE(message({{"P", "1001"}}).find("'P'"), std::string::npos);
  EXPECT_NE(message({{"seed", "-1"}}).find("'seed'"), std::string::npos);
  EXPECT_NE(message({{"N", "1.5"}}).find("integer"), std::string::npos);
  EXPECT_EQ(message({{"N", "1"}, {"P", "1"}}), "");
}

}  // namespace
}  // namespace ov::problems
