// The exact SGD expectation oracle (analysis/stochastic/sgd_expectation.hpp): exact identities
// in rational, rational vs mp100 vs double, the closed-form step vs the enumeration, bad input.
// docs/sgd-expectation.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/stochastic/sgd_expectation.hpp"

namespace {

using ov::Mat;
using ov::mp100;
using ov::rational;
using ov::Vec;
using ov::stochastic::BatchDraw;
using ov::stochastic::FiniteSumQuadratic;
using ov::stochastic::Moments;
using ov::stochastic::SgdExpectation;

rational q(long a, long b = 1) { return rational(a) / rational(b); }

Vec<rational> vec2(rational a, rational b) {
  Vec<rational> v(2);
  v << a, b;
  return v;
}

Mat<rational> sym3(rational a, rational b, rational c, rational d, rational e, rational f) {
  Mat<rational> M(3, 3);
  M << a, b, c, b, d, e, c, e, f;
  return M;
}

Vec<rational> vec3(rational a, rational b, rational c) {
  Vec<rational> v(3);
  v << a, b, c;
  return v;
}

std::vector<Vec<rational>> centers() {
  return {vec2(0, 0), vec2(2, 1), vec2(-1, 3), vec2(4, -2), vec2(q(1, 2), 1)};
}

// An anisotropic finite sum: n = 5 symmetric (not all definite) H_i in dimension 3.
FiniteSumQuadratic<rational> anisotropic() {
  FiniteSumQuadratic<rational> p;
  p.H = {sym3(2, 0, 0, 1, 0, 3), sym3(1, q(1, 2), 0, 2, q(-1, 3), 1), sym3(3, -1, q(1, 4), 1, 0, q(1, 2)),
         sym3(q(1, 2), 0, 1, 2, q(1, 5), 4), sym3(1, 1, 0, 1, 0, -1)};
  p.r = {vec3(1, 0, 2), vec3(-2, 1, 0), vec3(3, 2, -1), vec3(0, -1, q(1, 3)), vec3(1, 1, 1)};
  p.c = {q(1), q(0), q(-2), q(1, 7), q(3)};
  return p;
}

template <class T>
T pow_int(const T& x, int e) {
  T y(1);
  for (int i = 0; i < e; ++i) y *= x;
  return y;
}

// Population variance of the centers: (1/n) sum ||c_i - cbar||^2, computed here from scratch.
rational sigma2_pop(const std::vector<Vec<rational>>& c) {
  Vec<rational> mean = Vec<rational>::Zero(2);
  for (const auto& ci : c) mean += ci;
  mean /= rational(static_cast<long>(c.size()));
  rational s = 0;
  for (const auto& ci : c) s += (ci - mean).squaredNorm();
  return s / rational(static_cast<long>(c.size()));
}

// (1) The isotropic problem, any batch and draw: e_{k+1} = (1-alpha)^2 e_k + alpha^2 kappa sigma^2
// with kappa = 1/b (with replacement) or (n-b)/(b(n-1)) (without), so
// e_k = (1-alpha)^{2(k-1)} e_1 + alpha kappa sigma^2 (1 - (1-alpha)^{2(k-1)}) / (2 - alpha), EXACTLY.
// b = 1 with replacement is the brief's formula (kappa = 1).
TEST(SgdExpectation, IsotropicGradNormRecursionIsExactInRational) {
  const auto c = centers();
  const auto p = ov::stochastic::isotropic_means(c);
  const rational alpha = q(1, 10), s2 = sigma2_pop(c);
  const Vec<rational> theta1 = vec2(3, -2);
  const rational e1 = p.gradient(theta1).squaredNorm();
  const int n = 5;
  for (BatchDraw draw : {BatchDraw::with_replacement, BatchDraw::without_replacement}) {
    for (int b = 1; b <= 3; ++b) {
      SCOPED_TRACE(std::string(ov::stochastic::to_string(draw)) + " b = " + std::to_string(b));
      const SgdExpectation<rational> o(p, b, draw);
      const rational kappa = draw == BatchDraw::with_replacement ? q(1, b) : q(n - b, b * (n - 1));
      EXPECT_EQ(o.covariance_factor(), kappa);
      const auto rec = o.run(theta1, [&](int) { return alpha; }, 29);
      ASSERT_EQ(rec.size(), 30u);
      for (int k = 1; k <= 30; ++k) {
        const rational decay = pow_int(1 - alpha, 2 * (k - 1));
        const rational expected = decay * e1 + alpha * kappa * s2 * (1 - decay) / (2 - alpha);
        ASSERT_EQ(rec[static_cast<std::size_t>(k - 1)].k, k);
        ASSERT_EQ(rec[static_cast<std::size_t>(k - 1)].expected_grad_sq, expected) << "k = " << k;
      }
      // The limit alpha kappa sigma^2 / (2 - alpha) is a fixed point: moments with mean cbar and
      // covariance (L/2) I (trace L) keep E||grad f||^2 = L after one step, exactly.
      const rational L = alpha * kappa * s2 / (2 - alpha);
      const Vec<rational> cbar = p.mean_linear();
      Moments<rational> m;
      m.mean = cbar;
      m.second = cbar * cbar.transpose() + Mat<rational>::Identity(2, 2) * (L / 2);
      EXPECT_EQ(o.expected_grad_sq(m), L);
      EXPECT_EQ(o.expected_grad_sq(o.step(m, alpha)), L);
      EXPECT_LT(rec.back().expected_grad_sq - L, (e1 - L) * q(1, 400));  // converging to it
    }
  }
  // The brief's b = 1 case written out: alpha sigma^2 / (2 - alpha) = 2 s2 / 38 here.
  EXPECT_EQ(alpha * s2 / (2 - alpha), s2 * q(1, 19));
}

// (2) Without replacement and b = n the batch is always everything: the deterministic GD
// trajectory, exactly (mean = theta_k, second = theta_k theta_k^T, E f = f(theta_k)).
TEST(SgdExpectation, FullBatchWithoutReplacementIsGradientDescentExactly) {
  const auto p = anisotropic();
  const SgdExpectation<rational> o(p, 5, BatchDraw::without_replacement);
  EXPECT_EQ(o.batch_count(), 1u);
  EXPECT_EQ(o.distinct_batch_count(), 1u);
  EXPECT_EQ(o.covariance_factor(), 0);
  const std::function<rational(int)> schedules[] = {[](int) { return q(1, 10); }, [](int k) { return q(1, k + 9); }};
  for (const auto& alpha : schedules) {
    Vec<rational> theta = vec3(1, -2, q(1, 2));
    const auto rec = o.run(theta, alpha, 12);
    for (const auto& r : rec) {
      ASSERT_EQ(r.moments.mean, theta) << "k = " << r.k;
      ASSERT_EQ(r.moments.second, Mat<rational>(theta * theta.transpose())) << "k = " << r.k;
      ASSERT_EQ(r.expected_value, p.value(theta));
      ASSERT_EQ(r.expected_grad_sq, p.gradient(theta).squaredNorm());
      if (r.k <= 12) theta = theta - alpha(r.k) * p.gradient(theta);
    }
  }
}

// (3) 004 (36)/(37): E_B g_B = grad f, and the variance of the batch gradient is
// sigma2_pop / b with replacement and (1 - b/n) sigma2_sample / b without; exact, n = 6.
TEST(SgdExpectation, BatchGradientIsUnbiasedWithTheTwoVarianceNormalisations) {
  auto p = anisotropic();
  p.H.push_back(sym3(1, 0, 0, 1, 0, 1));
  p.r.push_back(vec3(-1, 2, 5));
  p.c.push_back(q(1, 2));
  const Vec<rational> theta = vec3(q(3, 2), -1, 2);
  const rational pop = p.gradient_variance_population(theta), sample = p.gradient_variance_sample(theta);
  EXPECT_EQ(sample, pop * q(6, 5));
  const rational g2 = p.gradient(theta).squaredNorm();
  for (int b = 1; b <= 6; ++b) {
    SCOPED_TRACE("b = " + std::to_string(b));
    const SgdExpectation<rational> with(p, b, BatchDraw::with_replacement), without(p, b, BatchDraw::without_replacement);
    EXPECT_EQ(with.expected_batch_gradient(theta), p.gradient(theta));
    EXPECT_EQ(without.expected_batch_gradient(theta), p.gradient(theta));
    EXPECT_EQ(with.expected_batch_gradient_sq(theta) - g2, pop / b);
    EXPECT_EQ(without.expected_batch_gradient_sq(theta) - g2, (1 - q(b, 6)) * sample / b);
    long n_pow_b = 1, choose = 1, multisets = 1;
    for (int i = 1; i <= b; ++i) {
      n_pow_b *= 6;
      choose = choose * (6 - b + i) / i;
      multisets = multisets * (5 + i) / i;
    }
    EXPECT_EQ(with.batch_count(), static_cast<std::uint64_t>(n_pow_b));
    EXPECT_EQ(with.distinct_batch_count(), static_cast<std::size_t>(multisets));
    EXPECT_EQ(without.batch_count(), static_cast<std::uint64_t>(choose));
  }
}

// The enumeration (multinomial-weighted multisets / subsets) against the closed form
// E_B q(X_B) = q(X) + kappa (mean_i q(X_i) - q(X)): two independent derivations, equal exactly.
TEST(SgdExpectation, EnumeratedStepEqualsClosedFormExactly) {
  const auto p = anisotropic();
  Moments<rational> m;
  m.mean = vec3(1, q(-1, 2), 2);
  m.second = m.mean * m.mean.transpose() + sym3(2, q(1, 3), 0, 1, q(-1, 4), 3);
  for (BatchDraw draw : {BatchDraw::with_replacement, BatchDraw::without_replacement}) {
    for (int b = 1; b <= 5; ++b) {
      SCOPED_TRACE(std::string(ov::stochastic::to_string(draw)) + " b = " + std::to_string(b));
      const SgdExpectation<rational> o(p, b, draw);
      const auto a = o.step(m, q(1, 7)), c = o.step_closed_form(m, q(1, 7));
      EXPECT_EQ(a.mean, c.mean);
      EXPECT_EQ(a.second, c.second);
      // The guide's form of the with-replacement case: E[H_B S H_B] = (1/b) E_i[H_i S H_i] + (1 - 1/b) H S H
      // is the H-H block of the same identity; and the mean is always (I - alpha H) m + alpha r.
      EXPECT_EQ(a.mean, m.mean - q(1, 7) * p.gradient(m.mean));
    }
  }
}

// (4) rational vs mp100 (and double) on the anisotropic problem with the diminishing
// schedule alpha_k = 1 / (2 (k + 9)), K = 30: mp100 carries ~100 digits and the recursion is
// contracting, so 1e-90 relative leaves ~8 digits of margin; double gets 1e-12.
TEST(SgdExpectation, RationalMp100AndDoubleAgreeOnADiminishingSchedule) {
  const auto pq = anisotropic();
  FiniteSumQuadratic<mp100> pm;
  FiniteSumQuadratic<double> pd;
  for (std::size_t i = 0; i < pq.H.size(); ++i) {
    pm.H.push_back(pq.H[i].unaryExpr([](const rational& x) { return static_cast<mp100>(x); }));
    pm.r.push_back(pq.r[i].unaryExpr([](const rational& x) { return static_cast<mp100>(x); }));
    pm.c.push_back(static_cast<mp100>(pq.c[i]));
    pd.H.push_back(pq.H[i].unaryExpr([](const rational& x) { return static_cast<double>(x); }));
    pd.r.push_back(pq.r[i].unaryExpr([](const rational& x) { return static_cast<double>(x); }));
    pd.c.push_back(static_cast<double>(pq.c[i]));
  }
  const Vec<rational> t1 = vec3(2, -3, 1);
  const int K = 30;
  for (BatchDraw draw : {BatchDraw::with_replacement, BatchDraw::without_replacement}) {
    SCOPED_TRACE(ov::stochastic::to_string(draw));
    const auto rq = SgdExpectation<rational>(pq, 2, draw).run(t1, [](int k) { return q(1, 2 * (k + 9)); }, K);
    const auto rm = SgdExpectation<mp100>(pm, 2, draw).run(
        t1.unaryExpr([](const rational& x) { return static_cast<mp100>(x); }),
        [](int k) { return mp100(1) / mp100(2 * (k + 9)); }, K);
    const auto rd = SgdExpectation<double>(pd, 2, draw).run(
        t1.unaryExpr([](const rational& x) { return static_cast<double>(x); }),
        [](int k) { return 1.0 / (2.0 * (k + 9)); }, K);
    ASSERT_EQ(rq.size(), rm.size());
    mp100 worst = 0;
    double worst_d = 0;
    auto rel = [](const mp100& a, const rational& b) {
      const mp100 bb = static_cast<mp100>(b);
      return mp100(abs(a - bb) / abs(bb));
    };
    for (std::size_t k = 0; k < rq.size(); ++k) {
      worst = std::max({worst, rel(rm[k].expected_value, rq[k].expected_value),
                        rel(rm[k].expected_grad_sq, rq[k].expected_grad_sq)});
      worst_d = std::max({worst_d, std::abs(rd[k].expected_value / static_cast<double>(rq[k].expected_value) - 1),
                          std::abs(rd[k].expected_grad_sq / static_cast<double>(rq[k].expected_grad_sq) - 1)});
      for (Eigen::Index i = 0; i < 3; ++i) {
        worst = std::max(worst, rel(rm[k].moments.mean[i], rq[k].moments.mean[i]));
        for (Eigen::Index j = 0; j < 3; ++j) worst = std::max(worst, rel(rm[k].moments.second(i, j), rq[k].moments.second(i, j)));
      }
    }
    EXPECT_LT(worst, mp100("1e-90")) << worst.str(5);
    EXPECT_LT(worst_d, 1e-12);
    // Not trivially equal: the values move by orders of magnitude more than the tolerance.
    EXPECT_GT(static_cast<double>(rq.front().expected_grad_sq - rq.back().expected_grad_sq), 1.0);
  }
}

// (6) Bad input: each throws std::invalid_argument naming the parameter and its range.
template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no exception)";
}

template <class F>
void EXPECT_THROW_NAMING(F&& f, const std::string& sub) {
  const std::string msg = message_of(std::forward<F>(f));
  EXPECT_NE(msg.find(sub), std::string::npos) << "expected '" << sub << "' in: " << msg;
}

TEST(SgdExpectation, BadInputThrowsNamingTheParameter) {
  EXPECT_THROW_NAMING([] { SgdExpectation<rational>(FiniteSumQuadratic<rational>{}, 1, BatchDraw::with_replacement); }, "n = 0");
  auto asym = anisotropic();
  asym.H[1](0, 2) = 7;
  EXPECT_THROW_NAMING([&] { SgdExpectation<rational>(asym, 1, BatchDraw::with_replacement); }, "H[1] must be symmetric");
  EXPECT_THROW_NAMING([] { SgdExpectation<rational>(anisotropic(), 0, BatchDraw::with_replacement); }, "batch = 0 is outside its valid range [1, inf)");
  EXPECT_THROW_NAMING([] { SgdExpectation<rational>(anisotropic(), 6, BatchDraw::without_replacement); }, "batch = 6 is outside its valid range [1, 5]");
  auto short_r = anisotropic();
  short_r.r.pop_back();
  EXPECT_THROW_NAMING([&] { short_r.validate(); }, "r has 4 vectors");
  auto bad_dim = anisotropic();
  bad_dim.r[2] = vec2(1, 1);
  EXPECT_THROW_NAMING([&] { bad_dim.validate(); }, "r[2] has 2 entries");
  // Explosion guard: C(30 + 8 - 1, 8) = 38,608,020 multisets.
  std::vector<Vec<rational>> many(30, vec2(1, 2));
  EXPECT_THROW_NAMING([&] { SgdExpectation<rational>(ov::stochastic::isotropic_means(many), 8, BatchDraw::with_replacement); }, "n = 30 samples and batch b = 8");
  // Non-finite steps (double, mp100), mis-sized moments, negative K.
  FiniteSumQuadratic<double> pd = ov::stochastic::isotropic_means(std::vector<Vec<double>>{Vec<double>::Ones(2)});
  const SgdExpectation<double> od(pd, 1, BatchDraw::with_replacement);
  EXPECT_THROW_NAMING([&] { od.step(od.start(Vec<double>::Zero(2)), std::numeric_limits<double>::infinity()); }, "alpha");
  EXPECT_THROW_NAMING([&] { od.run(Vec<double>::Zero(2), [](int) { return std::nan(""); }, 3); }, "alpha(1)");
  EXPECT_THROW_NAMING([&] { od.start(Vec<double>::Zero(3)); }, "theta has 3 entries");
  EXPECT_THROW_NAMING([&] { od.run(Vec<double>::Zero(2), [](int) { return 0.1; }, -1); }, "K = -1");
  const SgdExpectation<mp100> om(ov::stochastic::isotropic_means(std::vector<Vec<mp100>>{Vec<mp100>::Ones(2)}), 1,
                                 BatchDraw::without_replacement);
  EXPECT_THROW_NAMING([&] { om.step(om.start(Vec<mp100>::Zero(2)), mp100(1) / mp100(0)); }, "alpha");
  EXPECT_THROW_NAMING([&] { pd.gradient_variance_sample(Vec<double>::Zero(2)); }, "n = 1");
  // BatchDraw names.
  EXPECT_EQ(ov::stochastic::batch_draw_from_string("without_replacement"), BatchDraw::without_replacement);
  EXPECT_STREQ(ov::stochastic::to_string(BatchDraw::with_replacement), "with_replacement");
  EXPECT_THROW_NAMING([] { ov::stochastic::batch_draw_from_string("bootstrap"); }, "with_replacement, without_replacement");
}

}  // namespace
