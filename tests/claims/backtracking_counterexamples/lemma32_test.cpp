// Lemma 3.2 with C = 1 holds (mp100, cancellation-free formula) while the naive double arccos is wrong for
// nearby points; a too-small constant C = 99/100 is refuted (near x = y = 0, dist/||x-y|| -> 1).
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/lemma32_dist.hpp"

namespace ov::claims::lemma32 {
namespace {

TEST(Lemma32, ConstantOneHoldsAndNaiveDoubleFails) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_lemma32(rational(1), ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& fig = f.evidence.figures;
  EXPECT_GT(fig["max_ratio_mp100"].get<double>(), 0.9999);
  EXPECT_LE(fig["max_ratio_mp100"].get<double>(), 1.0);
  EXPECT_GT(fig["naive_double_zero_dist"].get<int>(), 0);
  EXPECT_GT(fig["naive_double_false_refutations"].get<int>(), 0);
  EXPECT_LT(fig["max_stable_double_relerr"].get<double>(), 1e-12);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(Lemma32, TooSmallConstantIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_lemma32(rational(99, 100), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_GT(f.evidence.counterexample["ratio"].get<double>(), 0.99);
}

}  // namespace
}  // namespace ov::claims::lemma32
