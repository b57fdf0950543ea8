// ov::num elementary functions and constants, per scalar.
//
// Reference: the same function in MPFR at 200 decimal digits (ref200), never the type itself.
// Tolerances: libm/quadmath functions are faithful (error < 1 ulp), so |f_T - f| <= 2 u |f|
// with u = epsilon(T) (1 ulp <= 2u|f| for normal results); MPFR is correctly rounded, so
// |f_T - f| <= u |f| for mp50 and mp100. Intervals must contain the 200-digit value
// (whose own error, < 10^-199 |f|, is far below the 10^-49 |f| width of a 50-digit enclosure).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <quadmath.h>

#include <cmath>
#include <limits>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/rounding.hpp"
#include "tests/support/generators.hpp"

namespace {

using ov::interval;
using ov::rational;
using ref200 = ov::bmp::number<ov::bmp::mpfr_float_backend<200>, ov::bmp::et_off>;

enum class Fn { exp, log, sin, cos, tan, atan, tanh, sqrt };
constexpr Fn kAll[] = {Fn::exp, Fn::log, Fn::sin, Fn::cos, Fn::tan, Fn::atan, Fn::tanh, Fn::sqrt};

template <class T>
T apply(Fn f, const T& x) {
  switch (f) {
    case Fn::exp: return ov::num::exp(x);
    case Fn::log: return ov::num::log(x);
    case Fn::sin: return ov::num::sin(x);
    case Fn::cos: return ov::num::cos(x);
    case Fn::tan: return ov::num::tan(x);
    case Fn::atan: return ov::num::atan(x);
    case Fn::tanh: return ov::num::tanh(x);
    case Fn::sqrt: return ov::num::sqrt(x);
  }
  return x;
}
ref200 apply_ref(Fn f, const ref200& x) {
  switch (f) {
    case Fn::exp: return exp(x);
    case Fn::log: return log(x);
    case Fn::sin: return sin(x);
    case Fn::cos: return cos(x);
    case Fn::tan: return tan(x);
    case Fn::atan: return atan(x);
    case Fn::tanh: return tanh(x);
    case Fn::sqrt: return sqrt(x);
  }
  return x;
}

template <class T>
rational exact_value(const T& x) {
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) return rational(x);
  else if constexpr (std::is_same_v<T, ov::float128>) {
    // x = hi + lo with hi = double(x) exactly split (113 <= 2 * 53 + 7 bits: three parts)
    const double a = static_cast<double>(x);
    const ov::float128 r1 = x - ov::float128(a);
    const double b = static_cast<double>(r1);
    const double c = static_cast<double>(ov::float128(r1 - ov::float128(b)));
    return rational(a) + rational(b) + rational(c);
  } else {
    rational q;
    mpfr_get_q(q.backend().data(), x.backend().data());
    return q;
  }
}

// |computed - reference| <= ulps * u * |reference|, evaluated exactly in rational.
template <class T>
bool within_ulps(const T& computed, const ref200& reference, int ulps) {
  const rational c = exact_value(computed), r = exact_value(reference);
  const rational u = exact_value(T(std::numeric_limits<T>::epsilon()));
  return abs(rational(c - r)) <= rational(ulps) * u * abs(r);
}

template <class T>
void check_function_accuracy(int ulps) {
  const Fn f = *rc::gen::elementOf(std::vector<Fn>(std::begin(kAll), std::end(kAll)));
  const bool positive = f == Fn::log || f == Fn::sqrt;
  const T x = *ov::gen::real<T>(positive ? 1.0 / 64 : -3.0, 3.0);
  RC_PRE(!(positive && x <= T(0)));
  RC_PRE(!(f == Fn::log && x == T(1)));  // log(1) = 0: relative bound degenerates
  RC_PRE(!(x == T(0) && f != Fn::exp && f != Fn::cos));
  const ref200 xr(exact_value(x));
  RC_ASSERT(within_ulps<T>(apply(f, x), apply_ref(f, xr), ulps));
}

RC_GTEST_PROP(Elementary, Float, ()) { check_function_accuracy<float>(2); }
RC_GTEST_PROP(Elementary, Double, ()) { check_function_accuracy<double>(2); }
RC_GTEST_PROP(Elementary, Float128, ()) { check_function_accuracy<ov::float128>(2); }
RC_GTEST_PROP(Elementary, Mp50, ()) { check_function_accuracy<ov::mp50>(1); }
RC_GTEST_PROP(Elementary, Mp100, ()) { check_function_accuracy<ov::mp100>(1); }

RC_GTEST_PROP(Elementary, IntervalEnclosesTheValue, ()) {
  const Fn f = *rc::gen::elementOf(std::vector<Fn>(std::begin(kAll), std::end(kAll)));
  const bool positive = f == Fn::log || f == Fn::sqrt;
  const rational q = *ov::gen::rational_in(positive ? 1 : -3, 3, 7);  // non-dyadic: enclosed, not exact
  const interval xi = ov::round_to<interval>(q);
  RC_ASSERT(ov::contains(xi, q));
  const ref200 xr(q);
  RC_ASSERT(ov::contains(apply(f, xi), exact_value(apply_ref(f, xr))));
}

RC_GTEST_PROP(Elementary, PowAgreesAcrossTypes, ()) {
  const double x = *ov::gen::real<double>(1.0 / 8, 4.0);
  const long n = *rc::gen::inRange(-6, 7);
  const ref200 r = pow(ref200(x), ref200(n));
  RC_ASSERT(within_ulps<double>(ov::num::pow(x, n), r, 2));
  RC_ASSERT(within_ulps<ov::mp50>(ov::num::pow(ov::mp50(x), n), r, 1));
  rational product(1);  // x^n by repeated multiplication, exactly
  for (long k = 0; k < (n < 0 ? -n : n); ++k) product *= rational(x);
  if (n < 0) product = 1 / product;
  RC_ASSERT(ov::num::pow(rational(x), n) == product);
  RC_ASSERT(ov::contains(ov::num::pow(interval(x), n), ov::num::pow(rational(x), n)));
  const double y = *ov::gen::real<double>(-2.0, 2.0);
  const ref200 ry = pow(ref200(x), ref200(y));
  RC_ASSERT(within_ulps<ov::mp100>(ov::num::pow(ov::mp100(x), ov::mp100(y)), ry, 1));
  RC_ASSERT(ov::contains(ov::num::pow(interval(x), interval(y)), exact_value(ry)));
}

TEST(Elementary, AccuracyCheckDetectsAnInaccurateFunction) {
  const double x = 0.75;
  const ref200 r = exp(ref200(x));
  EXPECT_TRUE(within_ulps<double>(ov::num::exp(x), r, 2));
  EXPECT_FALSE(within_ulps<double>(ov::num::exp(x) * (1 + 8 * std::numeric_limits<double>::epsilon()), r, 2));
  EXPECT_FALSE(ov::contains(interval(static_cast<double>(r)), exact_value(r)));  // a point misses the value
}

TEST(ElementaryRational, ExactWhereRationalAndNamedErrorsElsewhere) {
  using ov::num::pow;
  EXPECT_EQ(ov::num::sqrt(rational(9, 4)), rational(3, 2));
  EXPECT_EQ(ov::num::abs(rational(-7, 3)), rational(7, 3));
  EXPECT_EQ(ov::num::exp(rational(0)), rational(1));
  EXPECT_EQ(ov::num::log(rational(1)), rational(0));
  EXPECT_EQ(ov::num::cos(rational(0)), rational(1));
  EXPECT_EQ(ov::num::tanh(rational(0)), rational(0));
  EXPECT_EQ(pow(rational(2, 3), -3L), rational(27, 8));
  EXPECT_EQ(pow(rational(8, 27), rational(2, 3)), rational(4, 9));
  EXPECT_EQ(pow(rational(5), rational(0)), rational(1));
  try {
    ov::num::exp(rational(1));
    FAIL() << "no throw";
  } catch (const ov::inexact_operation& e) {
    EXPECT_EQ(e.function(), "exp");
    EXPECT_EQ(e.argument(), "1");
    EXPECT_NE(std::string(e.what()).find("exp(1)"), std::string::npos);
  }
  try {
    ov::num::sqrt(rational(2));
    FAIL() << "no throw";
  } catch (const ov::inexact_operation& e) {
    EXPECT_EQ(e.function(), "sqrt");
    EXPECT_EQ(e.argument(), "2");
  }
  EXPECT_THROW(pow(rational(2), rational(1, 2)), ov::inexact_operation);
  EXPECT_THROW(ov::num::sqrt(rational(-1)), std::domain_error);
  EXPECT_THROW(pow(rational(0), -1L), std::domain_error);
  EXPECT_THROW(ov::num::pi<rational>(), ov::inexact_operation);
  EXPECT_THROW(ov::num::sin(rational(1, 2)), ov::inexact_operation);
}

TEST(ElementaryInterval, EvenPowerOfAnIntervalAroundZeroIsTight) {
  interval y;
  mpfi_interv_si(y.backend().data(), -1, 2);
  const interval sq = ov::num::pow(y, 2L);
  EXPECT_EQ(ov::lower_rational(sq), rational(0));  // not the -2 of y*y
  EXPECT_EQ(ov::upper_rational(sq), rational(4));
  const interval cube = ov::num::pow(y, 3L);
  EXPECT_EQ(ov::lower_rational(cube), rational(-1));
  EXPECT_EQ(ov::upper_rational(cube), rational(8));
  EXPECT_THROW(ov::num::pow(y, ov::round_to<interval>(rational(1, 2))), std::domain_error);
}

TEST(ElementaryConstants, CorrectlyRoundedAndEnclosed) {
  EXPECT_EQ(ov::num::pi<double>(), M_PI);
  EXPECT_EQ(ov::num::e<double>(), M_E);
  EXPECT_EQ(ov::num::ln2<double>(), M_LN2);
  EXPECT_EQ(ov::num::pi<float>(), 3.14159265358979323846f);
  EXPECT_TRUE(ov::num::pi<ov::float128>() == ov::float128(M_PIq));
  EXPECT_TRUE(ov::num::e<ov::float128>() == ov::float128(M_Eq));
  EXPECT_TRUE(ov::num::ln2<ov::float128>() == ov::float128(M_LN2q));
  const ref200 pi200 = acos(ref200(-1)), e200 = exp(ref200(1)), ln2_200 = log(ref200(2));
  EXPECT_TRUE(within_ulps<ov::mp50>(ov::num::pi<ov::mp50>(), pi200, 1));
  EXPECT_TRUE(within_ulps<ov::mp100>(ov::num::e<ov::mp100>(), e200, 1));
  EXPECT_TRUE(within_ulps<ov::mp100>(ov::num::ln2<ov::mp100>(), ln2_200, 1));
  EXPECT_TRUE(ov::contains(ov::num::pi<interval>(), exact_value(pi200)));
  EXPECT_TRUE(ov::contains(ov::num::e<interval>(), exact_value(e200)));
  EXPECT_TRUE(ov::contains(ov::num::ln2<interval>(), exact_value(ln2_200)));
}

}  // namespace
