// For every registered problem, one test per check of the verification:
// metadata, each critical point (stationarity in mp100, inertia), f*, global and
// local Lipschitz constants, value agreement across precisions, finite sums.
// Sampling is seeded (CheckOptions), so failures are reproducible.
#include <gtest/gtest.h>

#include <string>

#include "analysis/problems/verification.hpp"
#include "tests/problems/catalog_names.hpp"

namespace {

using namespace ov::problems;

const CheckOptions kOptions{6, 1};

class CatalogCheck : public ::testing::TestWithParam<std::string> {
 protected:
  Problem problem() const { return make_problem(GetParam()); }
  std::vector<std::vector<double>> samples(const Problem& p) const {
    return sample_points(p.info(), kOptions.samples, kOptions.seed);
  }
};

void expect_not_failed(const CheckItem& i) {
  EXPECT_NE(i.status, CheckStatus::fail) << i.name << ": " << i.detail << " (measured " << i.measured
                                         << ", tolerance " << i.tolerance << ")";
}

TEST_P(CatalogCheck, Metadata) { expect_not_failed(check_metadata(problem())); }

TEST_P(CatalogCheck, CriticalPoints) {
  const Problem p = problem();
  for (std::size_t k = 0; k < p.info().critical_points.size(); ++k)
    for (const auto& i : check_critical_point(p, k)) expect_not_failed(i);
}

TEST_P(CatalogCheck, FStar) {
  const Problem p = problem();
  expect_not_failed(check_f_star(p, samples(p)));
}

TEST_P(CatalogCheck, GlobalLipschitz) {
  const Problem p = problem();
  expect_not_failed(check_global_lipschitz(p, samples(p)));
}

TEST_P(CatalogCheck, LocalLipschitz) {
  expect_not_failed(check_local_lipschitz(problem(), kOptions.samples, kOptions.seed));
}

TEST_P(CatalogCheck, PrecisionConsistency) {
  const Problem p = problem();
  for (const auto& x : samples(p)) expect_not_failed(check_precision_at(p, x));
}

INSTANTIATE_TEST_SUITE_P(Catalog, CatalogCheck, ::testing::ValuesIn(ov::testing::catalog_names()),
                         ov::testing::ProblemNamePrinter{});

// Finite sums only (instantiated over the finite-sum problems of the registry).
class CatalogFiniteSum : public CatalogCheck {};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CatalogFiniteSum);

TEST_P(CatalogFiniteSum, IsTheMeanOfItsSamples) {
  const Problem p = problem();
  for (const auto& x : sample_points(p.info(), 2, kOptions.seed)) expect_not_failed(check_finite_sum_at(p, x));
}

std::vector<std::string> finite_sum_names() {
  std::vector<std::string> v;
  for (const auto& n : ov::testing::catalog_names())
    if (make_problem(n).info().num_samples > 0) v.push_back(n);
  return v;
}

INSTANTIATE_TEST_SUITE_P(Catalog, CatalogFiniteSum, ::testing::ValuesIn(finite_sum_names()),
                         ov::testing::ProblemNamePrinter{});

}  // namespace
