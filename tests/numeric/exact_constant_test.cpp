// constant<T>("expr") (analysis/numeric/exact_constant.hpp): exact in rational,
// enclosing in interval, correctly rounded in mp100 and (through mp100) in the
// narrower floating types; malformed expressions name the byte.
#include <gtest/gtest.h>

#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/scalars.hpp"

namespace {

using ov::constant;
using ov::constant_error;
using ov::interval;
using ov::mp100;
using ov::rational;

rational q(long n, long d) { return rational(n) / rational(d); }

TEST(ExactConstant, DecimalsAreExactRationals) {
  EXPECT_EQ(constant<rational>("0.1"), q(1, 10));
  EXPECT_EQ(constant<rational>("-2.5e-3"), q(-1, 400));
  EXPECT_EQ(constant<rational>("1/3 + 1/6"), q(1, 2));
  EXPECT_EQ(constant<rational>("(1 - 3)^3"), rational(-8));
  EXPECT_EQ(constant<rational>("2^-3"), q(1, 8));
  EXPECT_EQ(constant<rational>("sqrt(9/16)"), q(3, 4));
  EXPECT_EQ(constant<rational>("12E2"), rational(1200));
}

// Regression: GMP's string constructor reads a leading zero as an octal prefix,
// so "025" became 21 and "0.09" (digits "009") threw or went wrong.
TEST(ExactConstant, LeadingZerosAreDecimalNotOctal) {
  EXPECT_EQ(constant<rational>("025"), rational(25));
  EXPECT_EQ(constant<rational>("0.09"), q(9, 100));
  EXPECT_EQ(constant<rational>("0.0125"), q(1, 80));
  EXPECT_EQ(constant<rational>("1e-05"), q(1, 100000));
  EXPECT_EQ(constant<rational>("00"), rational(0));
  EXPECT_EQ(constant<double>("0.09"), 0.09);
}

TEST(ExactConstant, FloatingTypesAreCorrectlyRounded) {
  // 0.1 in mp100 is the mp100 number nearest to 1/10: |x - 1/10| <= ulp/2.
  const mp100 x = constant<mp100>("0.1");
  const rational err = abs(rational(x) - q(1, 10));
  const rational half_ulp = rational(x) * rational(std::numeric_limits<mp100>::epsilon()) / 2;
  EXPECT_LE(err, half_ulp);
  EXPECT_EQ(constant<double>("0.1"), 0.1);  // the compiler's literal is correctly rounded too
  EXPECT_EQ(constant<float>("0.1"), 0.1f);
  EXPECT_EQ(constant<double>("1/3"), 1.0 / 3.0);
}

TEST(ExactConstant, IntervalsEncloseTheValue) {
  const interval a = constant<interval>("0.1");
  EXPECT_LT(lower(a), upper(a));  // 1/10 is not a binary number: the enclosure is not a point
  EXPECT_LE(rational(lower(a)), q(1, 10));
  EXPECT_GE(rational(upper(a)), q(1, 10));
  const interval p = constant<interval>("pi");
  EXPECT_LE(lower(p), boost::math::constants::pi<mp100>());
  EXPECT_GE(upper(p), boost::math::constants::pi<mp100>() - mp100("1e-49"));
}

void expect_error(const std::string& expr, const std::string& fragment) {
  try {
    (void)constant<rational>(expr);
    ADD_FAILURE() << "no error for \"" << expr << "\"";
  } catch (const constant_error& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(ExactConstant, MalformedExpressionsNameTheByte) {
  expect_error("1 +", "expected a number at byte 3");
  expect_error("(1 + 2", "missing ')'");
  expect_error("1 / (2 - 2)", "division by zero");
  expect_error("2 x", "unexpected character at byte 2");
  expect_error("1e+", "malformed exponent");
  expect_error("pi", "pi is not rational");
  expect_error("sqrt(2)", "sqrt is not rational");
  expect_error("sqrt(-4)", "sqrt of a negative number");
  expect_error("2^99999", "larger than 9999");
  expect_error("1e999999", "decimal exponent outside");
  expect_error("0^-1", "zero to a negative power");
}

}  // namespace
