// Exact string round trips: from_string<T>(to_string(x)) is identical to x for every
// scalar, including -0, +-inf and NaN where T has them; malformed strings name the
// string and the byte offset.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>

#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "tests/support/generators.hpp"

namespace {

using ov::interval;
using ov::rational;

template <class T>
bool round_trips(const T& x) {
  return ov::identical(ov::from_string<T>(ov::to_string(x)), x);
}

// Values that use the full precision of T: quotients of two random doubles, with a few
// specials mixed in.
template <class T>
rc::Gen<T> full_precision() {
  return rc::gen::exec([] {
    const int kind = *rc::gen::inRange(0, 10);
    if (kind == 0) return *rc::gen::element(T(0), T(-T(0)));
    if (kind == 1) return *rc::gen::element(T(std::numeric_limits<double>::infinity()),
                                            T(-std::numeric_limits<double>::infinity()));
    const double a = *ov::gen::any_double(), b = *ov::gen::real_log_scale(1e-3, 1e3);
    return T(T(a) / T(b));
  });
}

RC_GTEST_PROP(StringIo, DoubleRoundTrips, ()) {
  RC_ASSERT(round_trips(*ov::gen::any_double({/*nan=*/true, /*infinities=*/true})));
}
RC_GTEST_PROP(StringIo, FloatRoundTrips, ()) {
  RC_ASSERT(round_trips(static_cast<float>(*ov::gen::any_double({true, true}))));
}
RC_GTEST_PROP(StringIo, Float128RoundTrips, ()) { RC_ASSERT(round_trips(*full_precision<ov::float128>())); }
RC_GTEST_PROP(StringIo, Mp50RoundTrips, ()) { RC_ASSERT(round_trips(*full_precision<ov::mp50>())); }
RC_GTEST_PROP(StringIo, Mp100RoundTrips, ()) { RC_ASSERT(round_trips(*full_precision<ov::mp100>())); }
RC_GTEST_PROP(StringIo, IntervalRoundTrips, ()) {
  const rational a = *ov::gen::rational_in(-100, 100, 997), w = *ov::gen::rational_in(0, 3, 13);
  interval x = ov::round_to<interval>(a);
  interval y = ov::round_to<interval>(rational(a + w));
  interval hull;
  mpfi_union(hull.backend().data(), x.backend().data(), y.backend().data());
  RC_ASSERT(round_trips(hull));
  RC_ASSERT(ov::contains(ov::from_string<interval>(ov::to_string(hull)), a));
}
RC_GTEST_PROP(StringIo, RationalRoundTrips, ()) {
  const rational q = *ov::gen::rational_in(-1000000, 1000000, 1000003);
  RC_ASSERT(round_trips(q));
}

TEST(StringIo, SpecialValues) {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  for (double x : {0.0, -0.0, inf, -inf, nan, std::numeric_limits<double>::denorm_min(), DBL_MAX}) {
    EXPECT_TRUE(round_trips(x)) << ov::to_string(x);
    EXPECT_TRUE(round_trips(static_cast<float>(x))) << x;
    EXPECT_TRUE(round_trips(ov::float128(x))) << x;
    EXPECT_TRUE(round_trips(ov::mp50(x))) << x;
    EXPECT_TRUE(round_trips(ov::mp100(x))) << x;
  }
  EXPECT_TRUE(std::signbit(ov::from_string<double>("-0")));
  EXPECT_TRUE(ov::from_string<ov::mp50>("-0").backend().data()[0]._mpfr_sign < 0);
  EXPECT_EQ(ov::to_string(rational(-3, 6)), "-1/2");
  EXPECT_EQ(ov::from_string<rational>("-1.25e-3"), rational(-1, 800));
  EXPECT_EQ(ov::from_string<rational>("7"), rational(7));
  // A single decimal read as an interval gives its enclosure.
  EXPECT_TRUE(ov::contains(ov::from_string<interval>("0.1"), rational(1, 10)));
  EXPECT_TRUE(round_trips(ov::from_string<interval>("[-inf,inf]")));
  EXPECT_TRUE(round_trips(interval(0)));
}

TEST(StringIo, RoundTripCheckFailsOnTooFewDigitsAndOnSignedZero) {
  const ov::mp50 third = ov::mp50(1) / 3;
  EXPECT_TRUE(round_trips(third));
  EXPECT_FALSE(ov::identical(ov::from_string<ov::mp50>(third.str(20)), third));  // 20 digits are not enough
  EXPECT_FALSE(ov::identical(0.0, -0.0));
  EXPECT_FALSE(ov::identical(std::numeric_limits<double>::quiet_NaN(), 0.0));
  EXPECT_FALSE(ov::identical(ov::from_string<interval>("[0,1]"), ov::from_string<interval>("[0,2]")));
}

template <class T>
void expect_parse_error(const std::string& s, std::size_t offset) {
  try {
    ov::from_string<T>(s);
    ADD_FAILURE() << "no throw for \"" << s << "\"";
  } catch (const ov::parse_error& e) {
    EXPECT_EQ(e.offset(), offset) << e.what();
    EXPECT_EQ(e.text(), s);
    EXPECT_NE(std::string(e.what()).find("\"" + s + "\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("byte " + std::to_string(offset)), std::string::npos) << e.what();
  }
}

TEST(StringIo, MalformedStringsNameTheStringAndTheOffset) {
  expect_parse_error<double>("1.5x", 3);
  expect_parse_error<double>("", 0);
  expect_parse_error<double>("--1", 0);
  expect_parse_error<double>("1e999", 0);
  expect_parse_error<float>("abc", 0);
  expect_parse_error<ov::float128>("1.0 ", 3);
  expect_parse_error<ov::float128>(" 1", 0);
  expect_parse_error<ov::mp50>("0x", 1);
  expect_parse_error<ov::mp100>("pi", 0);
  expect_parse_error<interval>("[1,2", 4);
  expect_parse_error<interval>("[1;2]", 2);
  expect_parse_error<interval>("[2,1]", 1);
  expect_parse_error<rational>("1/0", 2);
  expect_parse_error<rational>("1/", 2);
  expect_parse_error<rational>("3/4x", 3);
  expect_parse_error<rational>("1.2.3", 3);
  expect_parse_error<rational>("e5", 0);
}

}  // namespace
