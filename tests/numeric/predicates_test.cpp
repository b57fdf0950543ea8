// Certified interval predicates and the precision ladder.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <mpfi.h>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/precision_ladder.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/rounding.hpp"
#include "tests/support/generators.hpp"

namespace {

using ov::interval;
using ov::rational;
using ov::Tribool;

interval iv(long lo, long hi) {
  interval r;
  mpfi_interv_si(r.backend().data(), lo, hi);
  return r;
}

// A tribool answer about reals x, y is sound for the true relation `truth` iff it is not
// the opposite of the truth (undecided is always sound).
bool sound(Tribool t, bool truth) { return t == Tribool::undecided || (t == Tribool::yes) == truth; }

TEST(Predicates, EdgesOfEveryPredicate) {
  EXPECT_EQ(ov::certainly_less(iv(0, 1), iv(2, 3)), Tribool::yes);
  EXPECT_EQ(ov::certainly_less(iv(0, 2), iv(2, 3)), Tribool::undecided);  // x = y = 2 possible
  EXPECT_EQ(ov::certainly_less(iv(2, 3), iv(0, 2)), Tribool::no);
  EXPECT_EQ(ov::certainly_less_equal(iv(0, 2), iv(2, 3)), Tribool::yes);
  EXPECT_EQ(ov::certainly_less_equal(iv(3, 4), iv(1, 2)), Tribool::no);
  EXPECT_EQ(ov::certainly_greater(iv(2, 3), iv(0, 1)), Tribool::yes);
  EXPECT_EQ(ov::certainly_greater_equal(iv(2, 3), iv(0, 2)), Tribool::yes);
  EXPECT_EQ(ov::certainly_positive(iv(1, 2)), Tribool::yes);
  EXPECT_EQ(ov::certainly_positive(iv(0, 2)), Tribool::undecided);
  EXPECT_EQ(ov::certainly_positive(iv(-2, 0)), Tribool::no);
  EXPECT_EQ(ov::certainly_negative(iv(-2, -1)), Tribool::yes);
  EXPECT_EQ(ov::certainly_negative(iv(-1, 1)), Tribool::undecided);
  EXPECT_EQ(ov::certainly_zero(iv(0, 0)), Tribool::yes);
  EXPECT_EQ(ov::certainly_zero(iv(1, 2)), Tribool::no);
  EXPECT_TRUE(ov::possibly_equal(iv(0, 2), iv(2, 3)));
  EXPECT_FALSE(ov::possibly_equal(iv(0, 1), iv(2, 3)));
  EXPECT_TRUE(ov::contains(iv(0, 1), rational(1, 3)));
  EXPECT_FALSE(ov::contains(iv(0, 1), rational(4, 3)));
  EXPECT_TRUE(ov::contains(iv(0, 3), iv(1, 2)));
  EXPECT_FALSE(ov::contains(iv(1, 2), iv(0, 3)));
  EXPECT_EQ(ov::certain_sign(iv(-1, 1)), std::nullopt);
  EXPECT_EQ(ov::certain_sign(iv(1, 1)), 1);
  interval nan;
  mpfi_set_d(nan.backend().data(), std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(ov::certainly_less(nan, iv(0, 1)), Tribool::undecided);
  EXPECT_FALSE(ov::contains(nan, rational(0)));
  EXPECT_STREQ(ov::to_string(Tribool::undecided), "undecided");
}

TEST(Predicates, SoundnessCheckRejectsAWrongAnswer) {
  EXPECT_TRUE(sound(Tribool::yes, true));
  EXPECT_FALSE(sound(Tribool::yes, false));
  EXPECT_FALSE(sound(Tribool::no, true));
  EXPECT_TRUE(sound(Tribool::undecided, false));
}

RC_GTEST_PROP(Predicates, SoundOnEnclosuresOfRationals, ()) {
  const rational p = *ov::gen::rational_in(-3, 3, 9), q = *ov::gen::rational_in(-3, 3, 9);
  const interval P = ov::round_to<interval>(p), Q = ov::round_to<interval>(q);
  RC_ASSERT(ov::contains(P, p));
  RC_ASSERT(sound(ov::certainly_less(P, Q), p < q));
  RC_ASSERT(sound(ov::certainly_less_equal(P, Q), p <= q));
  RC_ASSERT(sound(ov::certainly_greater(P, Q), p > q));
  RC_ASSERT(sound(ov::certainly_positive(P), p > 0));
  RC_ASSERT(sound(ov::certainly_negative(P), p < 0));
  if (p == q) RC_ASSERT(ov::possibly_equal(P, Q));
  // Enclosures of distinct values p != q at 50 digits are decided.
  if (p != q) RC_ASSERT(ov::certainly_less(P, Q) != Tribool::undecided);
}

// ---------------------------------------------------------------- precision ladder

using ov::ladder::Estimate;
using ov::ladder::Rung;

// The Armijo slack s = f(x + t d) - f(x) - c t g d of f(y) = a y^2 / 2 at x, d = -g,
// t = 1/a. Exactly, s = (1/2 - c) (-a x^2)... = a x^2 (c - 1/2): zero for c = 1/2.
struct ArmijoSlack {
  rational a, x, c;
  template <class Tag>
  auto operator()(Tag) const {
    using T = typename Tag::type;
    const T A = ov::round_to<T>(a), X = ov::round_to<T>(x), C = ov::round_to<T>(c);
    const T g = A * X, d = -g, t = T(1) / A;
    auto f = [&](const T& y) { return T(A * y * y / 2); };
    const T fx = f(X), fn = f(T(X + t * d)), lin = C * t * g * d;
    return Estimate<T>{T(fn - fx - lin), T(ov::num::abs(fn) + ov::num::abs(fx) + ov::num::abs(lin))};
  }
};

RC_GTEST_PROP(PrecisionLadder, ArmijoEqualityIsDecidedOnlyByRational, ()) {
  const rational a = *ov::gen::rational_in(1, 9, 7);
  const rational x = *rc::gen::suchThat(ov::gen::rational_in(-3, 3, 11), [](const rational& v) { return v != 0; });
  const auto r = ov::ladder::decide_sign<Rung::rational>(ArmijoSlack{a, x, rational(1, 2)});
  RC_ASSERT(r.decided);
  RC_ASSERT(r.sign == 0);
  RC_ASSERT(r.certified);
  // No floating rung may claim a sign for an exact zero. When every operation happens to
  // be exact (e.g. a = 1) the interval is [0, 0] and decides 0 itself; otherwise only
  // rational can.
  RC_ASSERT(r.rung == Rung::rational || r.rung == Rung::interval);
  RC_CLASSIFY(r.rung == Rung::rational, "decided by rational");
  for (std::size_t i = 0; i + 1 < r.attempts.size(); ++i) {
    RC_ASSERT(!r.attempts[i].decided);
    RC_ASSERT(!r.attempts[i].why.empty());
  }
  if (r.rung == Rung::rational) RC_ASSERT(r.attempts[3].why == "the enclosure contains 0");
}

TEST(PrecisionLadder, ArmijoEqualityWithNonDyadicDataNeedsRational) {
  // a = 3, x = 2/7: t = 1/3 and x are not binary fractions, so no rung but rational is exact.
  const auto r = ov::ladder::decide_sign<Rung::rational>(ArmijoSlack{rational(3), rational(2, 7), rational(1, 2)});
  ASSERT_TRUE(r.decided);
  EXPECT_EQ(r.rung, Rung::rational);
  EXPECT_EQ(r.sign, 0);
  ASSERT_EQ(r.attempts.size(), 5u);
  for (int i = 0; i < 3; ++i) EXPECT_NE(r.attempts[i].why.find("margin"), std::string::npos) << r.attempts[i].why;
  EXPECT_EQ(r.attempts[3].why, "the enclosure contains 0");
}

RC_GTEST_PROP(PrecisionLadder, StrictArmijoIsDecidedByDouble, ()) {
  // c = 1/4 < 1/2: slack = a x^2 (1/4 - 1/2) < 0, far above rounding.
  const rational a = *ov::gen::rational_in(1, 9, 7);
  const rational x = *rc::gen::suchThat(ov::gen::rational_in(-3, 3, 11), [](const rational& v) { return abs(v) >= rational(1, 4); });
  const auto r = ov::ladder::decide_sign(ArmijoSlack{a, x, rational(1, 4)});
  RC_ASSERT(r.decided);
  RC_ASSERT(r.rung == Rung::double_);
  RC_ASSERT(r.sign == -1);
  RC_ASSERT(!r.certified);
}

// (H - H) + 1/3 with H = 2^400: every floating rung's margin (64 eps 2^401) swamps 1/3,
// but the interval sees the cancellation H - H = [0, 0] is exact and encloses 1/3 > 0.
struct ExactCancellation {
  template <class Tag>
  auto operator()(Tag) const {
    using T = typename Tag::type;
    const T H = ov::num::pow(T(2), 400L);
    const T s = ov::round_to<T>(rational(1, 3));
    return Estimate<T>{T(T(H - H) + s), T(2 * H + s)};
  }
};

TEST(PrecisionLadder, IntervalRungDecidesWhereFloatingMarginsCannot) {
  const auto r = ov::ladder::decide_sign(ExactCancellation{});
  ASSERT_TRUE(r.decided);
  EXPECT_EQ(r.rung, Rung::interval);
  EXPECT_EQ(r.sign, 1);
  EXPECT_TRUE(r.certified);
  ASSERT_EQ(r.attempts.size(), 4u);
  EXPECT_EQ(r.attempts[0].rung, Rung::double_);
  EXPECT_NE(r.attempts[0].why.find("margin"), std::string::npos);
}

TEST(PrecisionLadder, WithoutRationalAnEqualityStaysUndecided) {
  const auto r = ov::ladder::decide_sign(ArmijoSlack{rational(3), rational(2, 7), rational(1, 2)});
  EXPECT_FALSE(r.decided);
  EXPECT_EQ(r.attempts.size(), 4u);
}

TEST(PrecisionLadder, RequireCertifiedSkipsFloatingDecisions) {
  ov::ladder::Options opt;
  opt.require_certified = true;
  const auto r = ov::ladder::decide_sign(ArmijoSlack{rational(3), rational(2, 7), rational(1, 4)}, opt);
  ASSERT_TRUE(r.decided);
  EXPECT_EQ(r.rung, Rung::interval);
  EXPECT_EQ(r.sign, -1);
}

// The Armijo equality with its scale understated as 0.
struct Lying {
  template <class Tag>
  auto operator()(Tag t) const {
    auto e = ArmijoSlack{rational(3), rational(2, 7), rational(1, 2)}(t);
    e.scale = 0;
    return e;
  }
};

struct ExpMinusE {  // exp(1) - e: zero, but not computable in rational
  template <class Tag>
  auto operator()(Tag) const {
    using T = typename Tag::type;
    const T v = ov::num::exp(T(1)) - ov::num::e<T>();
    return Estimate<T>{v, T(6)};
  }
};

TEST(PrecisionLadder, AnUnderstatedScaleFoolsTheFloatingRungButNotTheCertifiedOnes) {
  // The floating rungs trust the callable's scale. With scale 0 the double rung "decides"
  // the sign of rounding noise on an equality (or sees an exact 0); the result is then not
  // certified, and with require_certified the rational rung gives the true answer 0.
  const auto fooled = ov::ladder::decide_sign<Rung::rational>(Lying{});
  ASSERT_TRUE(fooled.decided);
  if (fooled.rung != Rung::rational) {
    EXPECT_FALSE(fooled.certified);
    EXPECT_NE(fooled.sign, 0);  // wrong: the exact slack is 0
  }
  ov::ladder::Options opt;
  opt.require_certified = true;
  const auto honest = ov::ladder::decide_sign<Rung::rational>(Lying{}, opt);
  EXPECT_EQ(honest.rung, Rung::rational);
  EXPECT_EQ(honest.sign, 0);
}

TEST(PrecisionLadder, IrrationalCallableRecordsWhyRationalCannotDecide) {
  const auto r = ov::ladder::decide_sign<Rung::rational>(ExpMinusE{});
  EXPECT_FALSE(r.decided);
  ASSERT_EQ(r.attempts.size(), 5u);
  EXPECT_NE(r.attempts[4].why.find("not rational"), std::string::npos);
}

}  // namespace
