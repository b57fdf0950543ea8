// Cost against index: Pearson, Spearman (ties), Fisher-z and bootstrap
// intervals, least squares, and the Dauphin-style study on library problems.
// References: hand-computed closed forms and exact rational arithmetic.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <iostream>
#include <numeric>
#include <set>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/problems/problem.hpp"
#include "nets/landscape/cost_index.hpp"

namespace ov::nets::landscape {
namespace {

// r^2 = Sxy^2 / (Sxx Syy) exactly, for integer data.
rational exact_r_squared(const std::vector<int>& x, const std::vector<int>& y) {
  const std::size_t n = x.size();
  rational mx = 0, my = 0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  rational sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy * sxy / (sxx * syy);
}

std::vector<double> as_double(const std::vector<int>& v) { return {v.begin(), v.end()}; }

// Mutant: Spearman with ordinal ranks (ties broken by position, not averaged).
double spearman_ordinal_ranks(const std::vector<double>& x, const std::vector<double>& y) {
  auto ordinal = [](const std::vector<double>& v) {
    std::vector<std::size_t> o(v.size());
    std::iota(o.begin(), o.end(), std::size_t{0});
    std::stable_sort(o.begin(), o.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t k = 0; k < o.size(); ++k) r[o[k]] = static_cast<double>(k + 1);
    return r;
  };
  return pearson(ordinal(x), ordinal(y));
}

TEST(CostIndexStatistics, PerfectLinesAndKnownValues) {
  const std::vector<double> x{0, 0.5, 1, 1.5, 2}, y{3, 4, 5, 6, 7}, z{7, 6, 5, 4, 3};
  EXPECT_NEAR(pearson(x, y), 1.0, 1e-15);   // 1 up to a few roundings in the sums
  EXPECT_NEAR(pearson(x, z), -1.0, 1e-15);
  EXPECT_NEAR(spearman(x, y), 1.0, 1e-15);
  const LeastSquaresLine l = least_squares(x, y);
  EXPECT_NEAR(l.intercept, 3.0, 1e-14);
  EXPECT_NEAR(l.slope, 2.0, 1e-14);
  // x = 1..5, y = (2,4,5,4,5): Sxy = 6, Sxx = 10, Syy = 6 -> r = 6/sqrt(60) = sqrt(0.6).
  EXPECT_NEAR(pearson({1, 2, 3, 4, 5}, {2, 4, 5, 4, 5}), std::sqrt(0.6), 1e-15);
}

TEST(CostIndexStatistics, SpearmanTiesUseAverageRanksAndTheMutantFails) {
  const std::vector<double> x{1, 2, 2, 3}, y{1, 2, 3, 4};
  EXPECT_EQ(average_ranks(x), (std::vector<double>{1, 2.5, 2.5, 4}));
  // ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): Sxy = 4.5, Sxx = 4.5, Syy = 5 -> 3/sqrt(10).
  const double expected = 3 / std::sqrt(10.0);
  EXPECT_NEAR(spearman(x, y), expected, 1e-15);
  EXPECT_GT(std::abs(spearman_ordinal_ranks(x, y) - expected), 1e-3);  // mutant: rho = 1
}

TEST(CostIndexStatistics, FisherIntervalMatchesHandValues) {
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);  // tables
  // r = 0.5, n = 28: atanh 0.5 = 0.549306, se = 1/5 -> tanh(0.549306 -+ 0.391993)
  // = (0.156028, 0.735818) (hand/calculator values).
  const Interval i = fisher_interval(0.5, 28, 0.95);
  EXPECT_NEAR(i.lo, 0.156029, 1e-5);
  EXPECT_NEAR(i.hi, 0.735818, 1e-5);
  EXPECT_THROW(fisher_interval(1.0, 28, 0.95), std::invalid_argument);
  EXPECT_THROW(fisher_interval(0.5, 3, 0.95), std::invalid_argument);
}

TEST(CostIndexStatistics, BadInputNamesTheProblem) {
  try {
    pearson({1, 1, 1}, {1, 2, 3});
    ADD_FAILURE();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("constant"), std::string::npos);
  }
  EXPECT_THROW(pearson({1, 2}, {1, 2, 3}), std::invalid_argument);
  EXPECT_THROW(spearman({1}, {1}), std::invalid_argument);
  EXPECT_THROW(pearson({1, NAN}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(bootstrap_interval({1, 2, 3}, {1, 2, 3}, Statistic::pearson, 1, 5, 0.95), std::invalid_argument);
}

TEST(CostIndexStatistics, BootstrapIsSeededAndCoversAPerfectLine) {
  const std::vector<double> x{0, 1, 2, 3, 4, 5}, y{1, 3, 2, 5, 4, 6};
  const Bootstrap a = bootstrap_interval(x, y, Statistic::spearman, 42, 500, 0.9);
  const Bootstrap b = bootstrap_interval(x, y, Statistic::spearman, 42, 500, 0.9);
  EXPECT_EQ(a.interval.lo, b.interval.lo);
  EXPECT_EQ(a.interval.hi, b.interval.hi);
  EXPECT_EQ(a.used + a.skipped, 500);
  const double rho = spearman(x, y);
  EXPECT_LE(a.interval.lo, rho);
  EXPECT_GE(a.interval.hi, rho);
  const Bootstrap line = bootstrap_interval(x, x, Statistic::pearson, 1, 200, 0.95);
  EXPECT_NEAR(line.interval.lo, 1.0, 1e-15);
  EXPECT_NEAR(line.interval.hi, 1.0, 1e-15);
}

// Property: Pearson's r in double agrees with the exact rational r^2 (sign from Sxy).
RC_GTEST_PROP(CostIndexProperties, PearsonMatchesExactRationalRSquared, ()) {
  const int n = *rc::gen::inRange(3, 12);
  const auto x = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-20, 21));
  const auto y = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-20, 21));
  RC_PRE(std::set<int>(x.begin(), x.end()).size() > 1 && std::set<int>(y.begin(), y.end()).size() > 1);
  const double r = pearson(as_double(x), as_double(y));
  const double r2 = exact_r_squared(x, y).convert_to<double>();
  RC_ASSERT(std::abs(r * r - r2) <= 1e-13);  // ~n roundings of size 1e-16 in the sums
  // Mutant (population/sample variance mix-up: Sxy/n over sqrt(Sxx Syy)/(n-1)) fails
  // whenever r != 0.
  if (r2 > 0.01) RC_ASSERT(std::abs(std::pow(r * (n - 1) / n, 2) - r2) > 1e-13);
}

// Property: Spearman is invariant under strictly increasing maps of either variable.
RC_GTEST_PROP(CostIndexProperties, SpearmanIsRankInvariant, ()) {
  const int n = *rc::gen::inRange(3, 10);
  const auto x = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-5, 6));
  const auto y = *rc::gen::container<std::vector<int>>(n, rc::gen::inRange(-5, 6));
  RC_PRE(std::set<int>(x.begin(), x.end()).size() > 1 && std::set<int>(y.begin(), y.end()).size() > 1);
  std::vector<double> xd = as_double(x), cubed(n);
  for (int i = 0; i < n; ++i) cubed[i] = std::exp(xd[i]) + xd[i] * xd[i] * xd[i];
  RC_ASSERT(std::abs(spearman(xd, as_double(y)) - spearman(cubed, as_double(y))) <= 1e-14);
}

TEST(CostIndexStudy, HimmelblauCostIncreasesWithIndex) {
  const auto p = problems::make_problem("himmelblau");
  MultiStartOptions o;
  o.num_starts = 40;
  o.seed = 7;
  const LandscapeReport rep = multistart(p, o);
  ASSERT_EQ(rep.points.size(), 9u);
  const CostIndexStudy st = cost_against_index(rep);
  ASSERT_TRUE(st.defined) << st.note;
  std::cout << to_text(rep, &st);  // the table quoted in docs/landscape.md
  // Reference: the catalog's listed costs (4 minima f = 0, saddles f = 104.015...,
  // 178.337..., 67.719..., 13.311..., maximum 181.616...) with alpha 0, 1/2, 1:
  // r^2 computed from those 35-digit values in rational arithmetic.
  std::vector<rational> a, f;
  for (const auto& cp : p.info().critical_points) {
    const Vec<mp100> x = p.point<mp100>(cp.x);
    a.push_back(cp.kind == problems::PointKind::minimum ? rational(0)
                : cp.kind == problems::PointKind::maximum ? rational(1) : rational(1, 2));
    f.push_back(constant<rational>(p.value<mp100>(x).str(30, std::ios_base::fixed)));  // f to 1e-30
  }
  rational ma = 0, mf = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i];
    mf += f[i];
  }
  ma /= a.size();
  mf /= f.size();
  rational saf = 0, saa = 0, sff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    saf += (a[i] - ma) * (f[i] - mf);
    saa += (a[i] - ma) * (a[i] - ma);
    sff += (f[i] - mf) * (f[i] - mf);
  }
  const double r_ref = std::sqrt((saf * saf / (saa * sff)).convert_to<double>());
  EXPECT_NEAR(st.pearson_r, r_ref, 1e-12);
  EXPECT_GT(st.pearson_r, 0.8);
  EXPECT_GT(st.spearman_rho, 0.8);
  EXPECT_GT(st.line.slope, 0);
  ASSERT_TRUE(st.pearson_fisher.has_value());
  EXPECT_LT(st.pearson_fisher->lo, st.pearson_r);
  EXPECT_GT(st.pearson_fisher->hi, st.pearson_r);
  ASSERT_TRUE(st.spearman_bootstrap.has_value());
  // Mutant: the index fraction taken as positive/dim (the opposite of Dauphin's
  // alpha) reverses the sign.
  std::vector<double> pos_fraction;
  for (const auto& fp : rep.points) pos_fraction.push_back(double(fp.classification.inertia.positive) / rep.dim);
  EXPECT_LT(pearson(pos_fraction, st.cost), 0);
}

// Styblinski-Tang in dimension 3 (separable: 3 critical values per coordinate,
// 3^3 = 27 critical points, index k at C(3,k) 2^(3-k) of them). Cost rises with
// the index, as in Dauphin et al.: each coordinate moved from a minimum
// (f_i = -39.17 or -25.03) to the local maximum 0.157 (f_i = +0.39) adds cost.
TEST(CostIndexStudy, StyblinskiTangDimensionThreeAllTwentySevenPoints) {
  const auto p = problems::make_problem("styblinski_tang", {{"n", "3"}});
  MultiStartOptions o;
  o.num_starts = 300;
  o.seed = 5;
  const LandscapeReport rep = multistart(p, o);
  ASSERT_EQ(rep.points.size(), 27u) << to_text(rep);
  EXPECT_EQ(rep.count_index(0), 8);
  EXPECT_EQ(rep.count_index(1), 12);
  EXPECT_EQ(rep.count_index(2), 6);
  EXPECT_EQ(rep.count_index(3), 1);
  // The listed points, matched within 1e-30 with their listed classes.
  for (const auto& cp : p.info().critical_points) {
    const Vec<mp100> ref = p.point<mp100>(cp.x);
    int matches = 0;
    for (const auto& fp : rep.points) {
      if ((fp.x - ref).cwiseAbs().maxCoeff() > mp100("1e-30")) continue;
      ++matches;
      const PointClass expected = cp.kind == problems::PointKind::minimum   ? PointClass::minimum
                                  : cp.kind == problems::PointKind::maximum ? PointClass::maximum
                                                                            : PointClass::saddle;
      EXPECT_EQ(fp.classification.kind, expected) << fp.classification.label;
    }
    EXPECT_EQ(matches, 1);
  }
  const CostIndexStudy st = cost_against_index(rep);
  ASSERT_TRUE(st.defined);
  std::cout << "styblinski_tang n = 3: " << to_text(rep, &st).substr(to_text(rep, &st).find("cost against"));
  EXPECT_GT(st.pearson_r, 0.5);
  EXPECT_GT(st.spearman_rho, 0.5);
  EXPECT_GT(st.pearson_fisher->lo, 0);        // positive at 95%
  EXPECT_GT(st.spearman_bootstrap->interval.lo, 0);
}

TEST(CostIndexStudy, UndefinedForAConvexFunction) {
  const auto p = problems::make_problem("booth");
  MultiStartOptions o;
  o.num_starts = 3;
  const CostIndexStudy st = cost_against_index(multistart(p, o));
  EXPECT_FALSE(st.defined);
  EXPECT_EQ(st.n, 1);
}

}  // namespace
}  // namespace ov::nets::landscape
