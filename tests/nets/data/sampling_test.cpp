// nets/data/sampling: Box-Muller against mp100, the moments of the normal stream,
// 53-bit uniforms, and the partial Fisher-Yates sample. Each check is a function
// of the generator it checks, and a mutated generator written here must fail it.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "analysis/numeric/scalars.hpp"
#include "nets/data/sampling.hpp"

namespace {

using ov::mp100;
using ov::nets::data::box_muller;
using ov::nets::data::DataStream;
using BoxMuller = std::function<std::pair<double, double>(double, double)>;

// Largest |z - z_ref| / (1 + |r_ref|) over a grid of (u1, u2), z_ref in mp100 with
// the exact 2 pi. Tolerance 1e-14: log, sqrt, cos, sin are within 1 ulp in glibc
// and the angle 2 pi u2 carries two roundings (2 pi and the product), an absolute
// error <= 2 pi 2^-52 = 1.4e-15 in the angle, hence in cos and sin; times r <= 8.6.
double box_muller_error(const BoxMuller& f) {
  double worst = 0.0;
  const double u1s[] = {1.0, 0.999999, 0.75, 0.5, 0.3, 0.1, 1e-3, 1e-10, 0x1.0p-53};
  for (double u1 : u1s) {
    for (int k = 0; k < 64; ++k) {
      const double u2 = k / 64.0 + 0.003;
      const auto [z0, z1] = f(u1, u2);
      const mp100 r = sqrt(-2 * log(mp100(u1)));
      const mp100 a = 2 * boost::math::constants::pi<mp100>() * mp100(u2);
      const double e0 = static_cast<double>(abs(mp100(z0) - r * cos(a)) / (1 + r));
      const double e1 = static_cast<double>(abs(mp100(z1) - r * sin(a)) / (1 + r));
      worst = std::max({worst, e0, e1});
    }
  }
  return worst;
}

TEST(NetsDataSampling, BoxMullerMatchesMp100) {
  EXPECT_LE(box_muller_error(box_muller), 1e-14);
  // Mutant: the radius sqrt(-ln u1) (factor 2 forgotten).
  const BoxMuller no_two = [](double u1, double u2) {
    const double r = std::sqrt(-std::log(u1));
    return std::make_pair(r * std::cos(6.283185307179586 * u2), r * std::sin(6.283185307179586 * u2));
  };
  EXPECT_GT(box_muller_error(no_two), 1e-3);
  // Mutant: the angle pi u2 instead of 2 pi u2.
  const BoxMuller half_turn = [](double u1, double u2) {
    const double r = std::sqrt(-2 * std::log(u1));
    return std::make_pair(r * std::cos(3.141592653589793 * u2), r * std::sin(3.141592653589793 * u2));
  };
  EXPECT_GT(box_muller_error(half_turn), 1e-3);
}

TEST(NetsDataSampling, BoxMullerRejectsU1OutsideItsRange) {
  EXPECT_THROW(box_muller(0.0, 0.5), std::invalid_argument);
  EXPECT_THROW(box_muller(1.5, 0.5), std::invalid_argument);
  try {
    box_muller(0.0, 0.5);
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("u1"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("(0, 1]"), std::string::npos);
  }
}

// Moments of n draws against N(0,1), each bound 5 standard errors of its estimator
// (a false alarm for a correct generator has probability < 1e-6 per check; the
// seed is fixed, so the outcome is deterministic): mean 5/sqrt(n), variance
// 5 sqrt(2/n), fourth moment 5 sqrt(96/n) (Var z^4 = 105 - 9), P(z <= 1) =
// Phi(1) = 0.8413447 within 5 sqrt(p(1-p)/n), lag-1 correlation 5/sqrt(n).
std::string normal_moments_problem(const std::function<double()>& draw, int n) {
  double s1 = 0, s2 = 0, s4 = 0, below1 = 0, lag = 0, prev = 0;
  for (int i = 0; i < n; ++i) {
    const double z = draw();
    s1 += z;
    s2 += z * z;
    s4 += z * z * z * z;
    below1 += z <= 1.0;
    if (i > 0) lag += z * prev;
    prev = z;
  }
  const double mean = s1 / n, m2 = s2 / n, m4 = s4 / n, p = below1 / n, corr = lag / (n - 1);
  const double se = 1.0 / std::sqrt(static_cast<double>(n));
  if (std::abs(mean) > 5 * se) return "mean " + std::to_string(mean);
  if (std::abs(m2 - 1) > 5 * std::sqrt(2.0) * se) return "variance " + std::to_string(m2);
  if (std::abs(m4 - 3) > 5 * std::sqrt(96.0) * se) return "fourth moment " + std::to_string(m4);
  const double phi1 = 0.8413447460685429;
  if (std::abs(p - phi1) > 5 * std::sqrt(phi1 * (1 - phi1)) * se) return "P(z<=1) " + std::to_string(p);
  if (std::abs(corr) > 5 * se) return "lag-1 correlation " + std::to_string(corr);
  return "";
}

TEST(NetsDataSampling, NormalStreamHasStandardNormalMoments) {
  constexpr int n = 200000;
  DataStream s(7);
  EXPECT_EQ(normal_moments_problem([&] { return s.normal(); }, n), "");
  // Mutant: only the cosine output, used twice (consecutive draws equal in pairs).
  DataStream m1(7);
  bool odd = false;
  double keep = 0;
  EXPECT_NE(normal_moments_problem(
                [&] {
                  odd = !odd;
                  if (odd) keep = box_muller(1.0 - m1.uniform(), m1.uniform()).first;
                  return keep;
                },
                n),
            "");
  // Mutant: the radius without the factor 2 (variance 1/2).
  DataStream m2(7);
  EXPECT_NE(normal_moments_problem([&] { return std::sqrt(0.5) * m2.normal(); }, n), "");
  // Mutant: a sum of 3 centred uniforms scaled to variance 1 (wrong 4th moment and tails).
  DataStream m3(7);
  EXPECT_NE(normal_moments_problem(
                [&] { return (m3.uniform() + m3.uniform() + m3.uniform() - 1.5) * 2.0; }, n),
            "");
}

// A uniform draw must lie in [0, 1) and be a multiple of 2^-53.
bool uniform_ok(double u) {
  const double scaled = std::ldexp(u, 53);
  return u >= 0.0 && u < 1.0 && scaled == std::floor(scaled);
}

TEST(NetsDataSampling, UniformsHave53BitsInTheUnitInterval) {
  DataStream s(3);
  double sum = 0;
  constexpr int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_TRUE(uniform_ok(u)) << u;
    sum += u;
  }
  // Mean 1/2 within 5 standard errors (sd of U(0,1) is 1/sqrt(12)).
  EXPECT_NEAR(sum / n, 0.5, 5 / std::sqrt(12.0 * n));
  // Mutant: 54 bits scaled by 2^-53 (range [0, 2)) is caught.
  ov::optim::SplitMix64 raw(3);
  bool caught = false;
  for (int i = 0; i < 100 && !caught; ++i) caught = !uniform_ok(static_cast<double>(raw.next() >> 10) * 0x1.0p-53);
  EXPECT_TRUE(caught);
}

TEST(NetsDataSampling, SameSeedSameStreamDifferentSeedDifferentStream) {
  DataStream a(11), b(11), c(12);
  for (int i = 0; i < 10; ++i) {
    const double x = a.normal(), y = b.normal(), z = c.normal();
    EXPECT_EQ(x, y);
    EXPECT_NE(x, z);
  }
  EXPECT_EQ(ov::nets::data::derive_seed(5, 1), ov::nets::data::derive_seed(5, 1));
  EXPECT_NE(ov::nets::data::derive_seed(5, 1), ov::nets::data::derive_seed(5, 2));
  EXPECT_NE(ov::nets::data::derive_seed(5, 1), ov::nets::data::derive_seed(6, 1));
}

RC_GTEST_PROP(NetsDataSampling, SampleWithoutReplacementGivesDistinctIndices, (std::uint64_t seed)) {
  const auto n = *rc::gen::inRange<std::size_t>(0, 2000);
  const auto k = *rc::gen::inRange<std::size_t>(0, n + 1);
  DataStream s(seed);
  const auto idx = s.sample_without_replacement(n, k);
  RC_ASSERT(idx.size() == k);
  std::set<std::size_t> seen(idx.begin(), idx.end());
  RC_ASSERT(seen.size() == k);
  const bool in_range = seen.empty() || *seen.rbegin() < n;  // (RC_ASSERT would evaluate both sides of ||)
  RC_ASSERT(in_range);
}

using Sampler = std::function<std::vector<std::size_t>(std::size_t, std::size_t)>;

// Largest deviation of the frequency of an ordered pair (i, j) drawn by k = 2 out of
// n = 5 from 1/20 over `trials` samples; a uniform sampler stays within 5 standard
// errors sqrt(p(1-p)/trials) = 5 * 6.9e-4 for trials = 1e5.
bool pair_frequencies_uniform(const Sampler& sample, int trials) {
  std::map<std::pair<std::size_t, std::size_t>, int> count;
  for (int t = 0; t < trials; ++t) {
    const auto v = sample(5, 2);
    ++count[{v[0], v[1]}];
  }
  const double p = 1.0 / 20, bound = 5 * std::sqrt(p * (1 - p) / trials);
  if (count.size() != 20) return false;
  for (const auto& [pair, c] : count) {
    if (std::abs(static_cast<double>(c) / trials - p) > bound) return false;
  }
  return true;
}

TEST(NetsDataSampling, SampleWithoutReplacementIsUniformOverOrderedPairs) {
  DataStream s(21);
  EXPECT_TRUE(pair_frequencies_uniform([&](std::size_t n, std::size_t k) { return s.sample_without_replacement(n, k); },
                                       100000));
  // Mutant: Sattolo's step (j in [i+1, n)): position i never keeps index i.
  ov::optim::SplitMix64 rng(21);
  const Sampler sattolo = [&](std::size_t n, std::size_t k) {
    std::vector<std::size_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = i;
    for (std::size_t i = 0; i < k; ++i) std::swap(v[i], v[i + 1 + rng.below(n - i - 1)]);
    v.resize(k);
    return v;
  };
  EXPECT_FALSE(pair_frequencies_uniform(sattolo, 100000));
}

TEST(NetsDataSampling, SampleLargerThanPopulationIsRejected) {
  DataStream s(1);
  try {
    s.sample_without_replacement(5, 6);
    FAIL() << "k > n accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("k = 6"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("n = 5"), std::string::npos);
  }
}

}  // namespace
