// For every registered problem: RapidCheck properties over random points of its
// sampling box -- the gradient (analytic vs autodiff, vs mp100 finite
// differences) and the Hessian (vs autodiff, vs finite differences of the
// gradient). Tolerances: analysis/problems/verification.hpp, docs/problems.md.
// The case counts are capped (mp100 is slow); RC_PARAMS still sets the seed.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

#include "analysis/problems/verification.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/problems/catalog_names.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::problems;

constexpr int kGradientCases = 12;
constexpr int kHessianCases = 6;

// Shrinking a point of more than 8 coordinates costs thousands of mp100 cases
// (tests/autodiff/limited_check.hpp); such counterexamples are reported unshrunk.
bool shrink_counterexamples(const Problem& p) { return p.info().box_lo.size() <= 8; }

class CatalogProperty : public ::testing::TestWithParam<std::string> {};

void assert_items(const std::vector<CheckItem>& items) {
  for (const auto& i : items) {
    if (i.status == CheckStatus::fail) RC_FAIL(i.name + ": " + i.detail);
  }
}

TEST_P(CatalogProperty, GradientAtRandomPoints) {
  const Problem p = make_problem(GetParam());
  EXPECT_TRUE(ov::testing::check_limited(
      GetParam() + ": gradient", kGradientCases,
      [&p] { assert_items(check_gradient_at(p, *ov::gen::point_in_box(p.info().box_lo, p.info().box_hi))); },
      shrink_counterexamples(p)));
}

TEST_P(CatalogProperty, HessianAtRandomPoints) {
  const Problem p = make_problem(GetParam());
  EXPECT_TRUE(ov::testing::check_limited(
      GetParam() + ": hessian", kHessianCases,
      [&p] { assert_items(check_hessian_at(p, *ov::gen::point_in_box(p.info().box_lo, p.info().box_hi))); },
      shrink_counterexamples(p)));
}

INSTANTIATE_TEST_SUITE_P(Catalog, CatalogProperty, ::testing::ValuesIn(ov::testing::catalog_names()),
                         ov::testing::ProblemNamePrinter{});

}  // namespace
