// Every check of the problem verification fails on a problem broken on purpose
// (catalog_mutant_family.hpp), and passes on the same problem unbroken.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>

#include "analysis/problems/verification.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/problems/catalog_mutant_family.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::problems;
using ov::testing::make_test_problem;
using ov::testing::MutantFamily;

Problem mutant(const std::string& m) { return make_test_problem<MutantFamily>({{"mutation", m}}); }

const CheckItem* find_item(const ProblemCheckReport& r, const std::string& prefix) {
  for (const auto& i : r.items)
    if (i.name.rfind(prefix, 0) == 0) return &i;
  return nullptr;
}

std::string dump(const ProblemCheckReport& r) {
  std::string s;
  for (const auto& i : r.items) s += "  " + i.name + ": " + to_string(i.status) + " -- " + i.detail + "\n";
  return s;
}

TEST(VerificationFixture, UnbrokenProblemPassesEveryCheck) {
  for (const std::string m : {"none", "inexact"}) {
    const auto r = verify_problem(mutant(m), CheckOptions{});
    EXPECT_TRUE(r.passed()) << m << "\n" << dump(r);
    // Nothing relevant was skipped: the fixture has analytic derivatives, all scalars, L, f*.
    for (const char* must : {"metadata", "gradient: analytic vs autodiff", "gradient: finite differences",
                             "hessian: analytic vs autodiff", "hessian: finite differences", "precision",
                             "critical point 1 (minimum): stationarity", "critical point 1 (minimum): inertia", "f*",
                             "lipschitz (global)", "lipschitz (local)"}) {
      const CheckItem* i = find_item(r, must);
      ASSERT_NE(i, nullptr) << must << "\n" << dump(r);
      EXPECT_EQ(i->status, CheckStatus::pass) << must << ": " << i->detail;
    }
  }
}

// One defect, the check that must catch it.
struct Case {
  const char* mutation;
  const char* failing_check;
};

class VerificationCatches : public ::testing::TestWithParam<Case> {};

TEST_P(VerificationCatches, TheDefect) {
  const Case c = GetParam();
  const auto r = verify_problem(mutant(c.mutation), CheckOptions{});
  EXPECT_FALSE(r.passed()) << dump(r);
  const CheckItem* i = find_item(r, c.failing_check);
  ASSERT_NE(i, nullptr) << c.failing_check << "\n" << dump(r);
  EXPECT_EQ(i->status, CheckStatus::fail) << i->detail;
}

INSTANTIATE_TEST_SUITE_P(
    Mutations, VerificationCatches,
    ::testing::Values(Case{"gradient", "gradient: analytic vs autodiff"},
                      Case{"gradient", "gradient: finite differences"},
                      Case{"hessian", "hessian: analytic vs autodiff"},
                      Case{"hessian", "hessian: finite differences"},
                      Case{"critical_point", "critical point 1 (minimum): stationarity"},
                      Case{"kind", "critical point 1 (strict saddle): inertia"},
                      Case{"f_star", "f*"},
                      Case{"lipschitz", "lipschitz (global)"},
                      Case{"local_lipschitz", "lipschitz (local)"},
                      Case{"precision", "precision"},
                      Case{"box", "metadata"}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string s = std::string(info.param.mutation) + "_" + std::to_string(info.index);
      return s;
    });

// The property form used by catalog_property_test.cpp fails on the defects too.
TEST(VerificationFixture, PropertyFormCatchesWrongDerivatives) {
  for (const std::string m : {"gradient", "hessian"}) {
    const Problem p = mutant(m);
    const bool ok = ov::testing::check_limited("mutant " + m, 5, [&p] {
      const auto x = *ov::gen::point_in_box(p.info().box_lo, p.info().box_hi);
      for (const auto& i : check_gradient_at(p, x))
        if (i.status == CheckStatus::fail) RC_FAIL(i.detail);
      for (const auto& i : check_hessian_at(p, x))
        if (i.status == CheckStatus::fail) RC_FAIL(i.detail);
    });
    EXPECT_FALSE(ok) << m;
  }
}

TEST(VerificationFixture, ReportsAreReproducibleFromTheSeed) {
  const Problem p = make_problem("rosenbrock");
  const auto a = verify_problem(p, CheckOptions{3, 7});
  const auto b = verify_problem(p, CheckOptions{3, 7});
  const auto c = verify_problem(p, CheckOptions{3, 8});
  ASSERT_EQ(a.items.size(), b.items.size());
  bool differs = false;
  for (std::size_t k = 0; k < a.items.size(); ++k) {
    EXPECT_EQ(a.items[k].detail, b.items[k].detail);
    EXPECT_EQ(a.items[k].measured, b.items[k].measured);
    if (k < c.items.size() && a.items[k].detail != c.items[k].detail) differs = true;
  }
  EXPECT_TRUE(differs) << "another seed should sample other points";
  EXPECT_EQ(sample_points(p.info(), 4, 7), sample_points(p.info(), 4, 7));
}

TEST(VerificationFixture, InertiaMatchingRules) {
  using ov::Inertia;
  EXPECT_TRUE(inertia_matches(PointKind::minimum, Inertia{2, 0, 0}));
  EXPECT_FALSE(inertia_matches(PointKind::minimum, Inertia{1, 0, 1}));
  EXPECT_TRUE(inertia_matches(PointKind::degenerate_minimum, Inertia{1, 0, 1}));
  EXPECT_FALSE(inertia_matches(PointKind::degenerate_minimum, Inertia{1, 1, 0}));
  EXPECT_TRUE(inertia_matches(PointKind::strict_saddle, Inertia{1, 1, 0}));
  EXPECT_TRUE(inertia_matches(PointKind::strict_saddle, Inertia{0, 1, 1}));
  EXPECT_FALSE(inertia_matches(PointKind::strict_saddle, Inertia{0, 2, 0}));
  EXPECT_TRUE(inertia_matches(PointKind::degenerate_saddle, Inertia{1, 0, 1}));
  EXPECT_FALSE(inertia_matches(PointKind::degenerate_saddle, Inertia{1, 1, 1}));
  EXPECT_TRUE(inertia_matches(PointKind::maximum, Inertia{0, 2, 0}));
  EXPECT_FALSE(inertia_matches(PointKind::nonsmooth, Inertia{2, 0, 0}));
}

TEST(VerificationFixture, BadArgumentsAreNamed) {
  const Problem p = mutant("none");
  EXPECT_THROW(check_critical_point(p, 5), std::out_of_range);
  EXPECT_THROW(sample_points(p.info(), -1, 1), std::invalid_argument);
  EXPECT_THROW(sample_points(mutant("box").info(), 1, 1), std::invalid_argument);
}

}  // namespace
