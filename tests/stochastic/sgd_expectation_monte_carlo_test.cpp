// (5) The exact oracle (rational) against Monte-Carlo runs of the REAL SGD (optim::Sgd through
// optim::Oracle and optim::BatchSampler, in double) on the same finite sum: the oracle's
// E f(theta), E ||grad f(theta)||^2 and E theta after K = 20 steps must lie inside the 99.9 %
// Student-t confidence interval of the mean of R = 2000 seeded runs; an oracle with the step
// multiplied by 11/10 must lie outside (the check has power). docs/sgd-expectation.md.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "analysis/rates/student_t.hpp"
#include "analysis/stochastic/quadratic_finite_sum.hpp"
#include "analysis/stochastic/sgd_expectation.hpp"
#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/rules/sgd.hpp"

namespace {

using ov::Mat;
using ov::rational;
using ov::Vec;
using ov::stochastic::BatchDraw;
using ov::stochastic::FiniteSumQuadratic;
using ov::stochastic::SgdExpectation;

rational q(long a, long b = 1) { return rational(a) / rational(b); }

Mat<rational> sym2(rational a, rational b, rational c) {
  Mat<rational> M(2, 2);
  M << a, b, b, c;
  return M;
}
Vec<rational> vec2(rational a, rational b) {
  Vec<rational> v(2);
  v << a, b;
  return v;
}

// n = 6 samples in dimension 2; every H_i is positive semi-definite with eigenvalues <= 3.5.
FiniteSumQuadratic<rational> problem() {
  FiniteSumQuadratic<rational> p;
  p.H = {sym2(2, 0, 1), sym2(1, q(1, 2), 1), sym2(3, -1, 1), sym2(1, 0, 2), sym2(q(1, 2), 0, q(1, 2)), sym2(2, 1, 2)};
  p.r = {vec2(1, 0), vec2(-2, 1), vec2(3, 2), vec2(0, -1), vec2(1, 1), vec2(-1, 3)};
  p.c = {q(0), q(1), q(0), q(2), q(0), q(1, 2)};
  return p;
}

FiniteSumQuadratic<double> to_double(const FiniteSumQuadratic<rational>& p) {
  FiniteSumQuadratic<double> d;
  auto cv = [](const rational& x) { return static_cast<double>(x); };
  for (std::size_t i = 0; i < p.H.size(); ++i) {
    d.H.push_back(p.H[i].unaryExpr(cv));
    d.r.push_back(p.r[i].unaryExpr(cv));
    d.c.push_back(cv(p.c[i]));
  }
  return d;
}

struct Config {
  const char* name;
  BatchDraw draw;
  int batch;
  std::function<rational(int)> alpha;
};

struct Interval {
  double mean, half;
  bool contains(double x) const { return std::abs(x - mean) <= half; }
};

constexpr int K = 20;
constexpr int R = 2000;

// The Monte-Carlo side: R seeded runs of optim::Sgd, K steps each, from theta1. With replacement
// one BatchSampler(with_replacement) per run (its batches are i.i.d. uniform tuples). Without
// replacement the oracle's model is a uniformly random b-subset drawn afresh at every step;
// BatchSampler's reshuffle modes instead cut ONE permutation per epoch into consecutive,
// disjoint batches (dependent steps), so each step uses a fresh BatchSampler(reshuffle_each_epoch)
// whose first batch, the first b entries of a uniform random permutation, is a uniform b-subset.
// Returns the samples of f, ||grad f||^2, theta_0, theta_1 at theta_{K+1}.
std::vector<std::vector<double>> monte_carlo(const Config& c, const FiniteSumQuadratic<double>& pd,
                                             const Vec<double>& theta1, std::uint64_t seed) {
  const ov::stochastic::QuadraticFiniteSum<double> objective(pd);
  std::vector<ov::optim::Sgd<double>> rules;
  for (int k = 1; k <= K; ++k) {
    ov::optim::SgdOptions<double> o;
    o.lr = static_cast<double>(c.alpha(k));
    rules.emplace_back(o);
  }
  const std::size_t n = objective.num_samples(), b = static_cast<std::size_t>(c.batch);
  std::vector<std::vector<double>> out(4);
  ov::optim::SplitMix64 master(seed);
  for (int run = 0; run < R; ++run) {
    Vec<double> x = theta1;
    if (c.draw == BatchDraw::with_replacement) {
      ov::optim::BatchSampler sampler(n, b, ov::optim::Sampling::with_replacement, master.next());
      ov::optim::Oracle<double> oracle(objective, sampler);
      for (int k = 0; k < K; ++k) {
        oracle.next_batch();
        rules[static_cast<std::size_t>(k)].step(oracle, x);
      }
    } else {
      for (int k = 0; k < K; ++k) {
        ov::optim::BatchSampler sampler(n, b, ov::optim::Sampling::reshuffle_each_epoch, master.next());
        ov::optim::Oracle<double> oracle(objective, sampler);
        oracle.next_batch();
        rules[static_cast<std::size_t>(k)].step(oracle, x);
      }
    }
    out[0].push_back(objective.value(x));
    out[1].push_back(objective.gradient(x).squaredNorm());
    out[2].push_back(x[0]);
    out[3].push_back(x[1]);
  }
  return out;
}

Interval student_interval(const std::vector<double>& xs) {
  double mean = 0;
  for (double x : xs) mean += x;
  mean /= static_cast<double>(xs.size());
  double ss = 0;
  for (double x : xs) ss += (x - mean) * (x - mean);
  const double sd = std::sqrt(ss / static_cast<double>(xs.size() - 1));
  const double t = ov::rates::student_t_upper_quantile<double>(static_cast<long>(xs.size()) - 1, 0.0005);
  return {mean, t * sd / std::sqrt(static_cast<double>(xs.size()))};
}

// The oracle's four predictions at theta_{K+1}, in double (computed exactly in rational).
// noise_free: the oracle of full-batch GD (b = n without replacement), i.e. the mean dynamics
// with the gradient noise left out.
std::vector<double> oracle_predictions(const Config& c, const FiniteSumQuadratic<rational>& p,
                                       const Vec<rational>& theta1, const rational& step_factor,
                                       bool noise_free = false) {
  const SgdExpectation<rational> o(p, noise_free ? p.num_samples() : c.batch,
                                   noise_free ? BatchDraw::without_replacement : c.draw);
  const auto rec = o.run(theta1, [&](int k) { return step_factor * c.alpha(k); }, K);
  const auto& last = rec.back();
  // The fifth prediction, E ||theta - m||^2 = tr S - 2 m_model . m + ||m||^2 with m the mean of
  // theta_{K+1} under the EXACT oracle (the model's tr Cov when the model is the exact one):
  // the transient cancels, so it tests the noise (second-moment) part of the recursion.
  const SgdExpectation<rational> exact(p, c.batch, c.draw);
  const Vec<rational> m = exact.run(theta1, c.alpha, K).back().moments.mean;
  const rational spread = last.moments.second.trace() - 2 * last.moments.mean.dot(m) + m.squaredNorm();
  return {static_cast<double>(last.expected_value), static_cast<double>(last.expected_grad_sq),
          static_cast<double>(last.moments.mean[0]), static_cast<double>(last.moments.mean[1]),
          static_cast<double>(spread)};
}

TEST(SgdExpectationMonteCarlo, OracleInsideStudentIntervalOfRealSgdAndWrongStepOutside) {
  const auto p = problem();
  const auto pd = to_double(p);
  const Vec<rational> theta1 = vec2(6, -5);
  const std::vector<Config> configs = {
      {"with_replacement b=1 alpha=1/20", BatchDraw::with_replacement, 1, [](int) { return q(1, 20); }},
      {"with_replacement b=2 alpha=1/(k+9)", BatchDraw::with_replacement, 2, [](int k) { return q(1, k + 9); }},
      {"without_replacement b=2 alpha=1/20", BatchDraw::without_replacement, 2, [](int) { return q(1, 20); }},
      {"without_replacement b=3 alpha=1/(k+9)", BatchDraw::without_replacement, 3, [](int k) { return q(1, k + 9); }},
  };
  const char* names[] = {"E f", "E |grad f|^2", "E theta[0]", "E theta[1]", "E |theta-m|^2"};
  for (std::size_t ci = 0; ci < configs.size(); ++ci) {
    const Config& c = configs[ci];
    SCOPED_TRACE(c.name);
    auto samples = monte_carlo(c, pd, theta1.unaryExpr([](const rational& x) { return static_cast<double>(x); }),
                                     0x5eedULL + 1000 * ci);
    const auto exact = oracle_predictions(c, p, theta1, q(1));
    const auto broken = oracle_predictions(c, p, theta1, q(11, 10));
    const auto gd = oracle_predictions(c, p, theta1, q(1), true);
    Config other = c;  // the other batch draw (with <-> without replacement), same b
    other.draw = c.draw == BatchDraw::with_replacement ? BatchDraw::without_replacement : BatchDraw::with_replacement;
    const auto wrong_draw = oracle_predictions(other, p, theta1, q(1));
    samples.emplace_back();
    for (std::size_t r = 0; r < samples[2].size(); ++r)
      samples[4].push_back(std::pow(samples[2][r] - exact[2], 2) + std::pow(samples[3][r] - exact[3], 2));
    int broken_outside = 0;
    for (std::size_t j = 0; j < 5; ++j) {
      const Interval iv = student_interval(samples[j]);
      std::printf("[mc] %-38s %-13s exact %.6f  MC %.6f +- %.6f  (1.1 alpha: %.6f, %.1f half-widths away)\n", c.name,
                  names[j], exact[j], iv.mean, iv.half, broken[j], std::abs(broken[j] - iv.mean) / iv.half);
      EXPECT_TRUE(iv.contains(exact[j])) << names[j] << ": exact " << exact[j] << " outside " << iv.mean << " +- "
                                         << iv.half;
      if (j == 4) {
        std::printf("[mc]   noise-free (GD) oracle %.6f, %.1f half-widths away\n", gd[j], std::abs(gd[j] - iv.mean) / iv.half);
      }
      if (!iv.contains(broken[j])) ++broken_outside;
      if (j < 2) {
        EXPECT_FALSE(iv.contains(broken[j])) << names[j] << ": the 1.1 alpha oracle " << broken[j] << " is inside "
                                             << iv.mean << " +- " << iv.half << " (no power)";
      }
    }
    EXPECT_GE(broken_outside, 4);
    // The noise-free (GD) oracle predicts no spread at all: outside, so the noise part is tested.
    const Interval spread = student_interval(samples[4]);
    std::printf("[mc]   the other draw's oracle: spread %.6f, %.1f half-widths away\n", wrong_draw[4],
                std::abs(wrong_draw[4] - spread.mean) / spread.half);
    // b = 1: both draws are one uniform index, so the two oracles coincide; b = 3 of n = 6: the
    // with-replacement spread (kappa = 1/3 instead of 1/5) is far outside.
    if (c.batch == 1) {
      EXPECT_EQ(wrong_draw, exact);
    }
    if (c.batch >= 3) {
      EXPECT_FALSE(spread.contains(wrong_draw[4])) << "the other draw's oracle is inside";
    }
    EXPECT_FALSE(spread.contains(gd[4])) << "noise-free oracle " << gd[4] << " inside " << spread.mean << " +- "
                                         << spread.half;
  }
}

}  // namespace
