// Elementary functions and constants through one interface for every OptVerify scalar.
//
//   ov::num::abs, sqrt, exp, log, sin, cos, tan, atan, tanh, pow(x, y), pow(x, long n)
//   ov::num::pi<T>(), e<T>(), ln2<T>()
//
// float, double, float128: the C/quadmath library (faithful, usually correctly rounded).
// mp50, mp100: MPFR, correctly rounded. Constants: float/double/float128 take the
//   correctly rounded value of the mp100 constant (mpfr_const_*), mp types compute
//   them with MPFR.
// interval: MPFI enclosures. pow(x, n) is evaluated from the endpoints (so [-1, 2]^2 is
//   [0, 4], not the [-2, 4] of x*x); pow(x, y) needs x certainly positive unless y is an
//   integer point.
// rational: exact where the value is rational (abs; sqrt of a perfect square; exp(0),
//   log(1), sin/tan/atan/tanh(0), cos(0); integer powers; pow(x, p/q) when x is a perfect
//   q-th power); otherwise ov::inexact_operation naming the function and the argument.
//   Constants pi, e, ln2 always throw inexact_operation for rational.
// Domain errors of exact types (sqrt of a negative rational, 0 to a negative power) throw
// std::domain_error naming the argument; floating types follow IEEE (NaN, inf).
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "analysis/numeric/scalars.hpp"

namespace ov {

// The operation has no exact result in the scalar type (e.g. exp(1) in rational).
class inexact_operation : public std::domain_error {
 public:
  inexact_operation(const std::string& function, const std::string& argument);
  const std::string& function() const { return function_; }
  const std::string& argument() const { return argument_; }

 private:
  std::string function_, argument_;
};

namespace num {

// Exact (rational) and enclosing (interval) implementations, in elementary.cpp.
rational abs(const rational& x);
rational sqrt(const rational& x);
rational exp(const rational& x);
rational log(const rational& x);
rational sin(const rational& x);
rational cos(const rational& x);
rational tan(const rational& x);
rational atan(const rational& x);
rational tanh(const rational& x);
rational pow(const rational& x, long n);
rational pow(const rational& x, const rational& y);

interval abs(const interval& x);
interval sqrt(const interval& x);
interval exp(const interval& x);
interval log(const interval& x);
interval sin(const interval& x);
interval cos(const interval& x);
interval tan(const interval& x);
interval atan(const interval& x);
interval tanh(const interval& x);
interval pow(const interval& x, long n);
interval pow(const interval& x, const interval& y);

namespace detail {
template <class T>
inline constexpr bool is_floating_v = std::is_same_v<T, float> || std::is_same_v<T, double> ||
                                      std::is_same_v<T, float128> || std::is_same_v<T, mp50> ||
                                      std::is_same_v<T, mp100>;
}

#define OPTVERIFY_NUM_UNARY(fn)                                              \
  template <class T, std::enable_if_t<detail::is_floating_v<T>, int> = 0>   \
  T fn(const T& x) {                                                         \
    using std::fn;                                                           \
    return T(fn(x));                                                         \
  }
OPTVERIFY_NUM_UNARY(abs)
OPTVERIFY_NUM_UNARY(sqrt)
OPTVERIFY_NUM_UNARY(exp)
OPTVERIFY_NUM_UNARY(log)
OPTVERIFY_NUM_UNARY(sin)
OPTVERIFY_NUM_UNARY(cos)
OPTVERIFY_NUM_UNARY(tan)
OPTVERIFY_NUM_UNARY(atan)
OPTVERIFY_NUM_UNARY(tanh)
#undef OPTVERIFY_NUM_UNARY

template <class T, std::enable_if_t<detail::is_floating_v<T>, int> = 0>
T pow(const T& x, const T& y) {
  using std::pow;
  return T(pow(x, y));
}
// x^n: one correctly rounded (mp) or faithful (IEEE) power, not n-1 multiplications.
template <class T, std::enable_if_t<detail::is_floating_v<T>, int> = 0>
T pow(const T& x, long n) {
  using std::pow;
  return T(pow(x, T(n)));
}

// Constants.
mp100 pi_mp100();
mp100 e_mp100();
mp100 ln2_mp100();
mp50 pi_mp50();
mp50 e_mp50();
mp50 ln2_mp50();
interval pi_interval();
interval e_interval();
interval ln2_interval();

namespace detail {
template <class T>
T round_constant(const mp100& c) {
  if constexpr (std::is_same_v<T, float>) return c.convert_to<float>();
  else if constexpr (std::is_same_v<T, double>) return c.convert_to<double>();
  else return T(c);
}
float128 float128_from_mp100(const mp100& c);  // correctly rounded to binary128
}  // namespace detail

#define OPTVERIFY_NUM_CONSTANT(name)                                                     \
  template <class T>                                                                     \
  T name() {                                                                             \
    if constexpr (std::is_same_v<T, rational>) throw inexact_operation(#name, "");       \
    else if constexpr (std::is_same_v<T, interval>) return name##_interval();             \
    else if constexpr (std::is_same_v<T, mp50>) return name##_mp50();                     \
    else if constexpr (std::is_same_v<T, mp100>) return name##_mp100();                   \
    else if constexpr (std::is_same_v<T, float128>) return detail::float128_from_mp100(name##_mp100()); \
    else return detail::round_constant<T>(name##_mp100());                                \
  }
OPTVERIFY_NUM_CONSTANT(pi)
OPTVERIFY_NUM_CONSTANT(e)
OPTVERIFY_NUM_CONSTANT(ln2)
#undef OPTVERIFY_NUM_CONSTANT

}  // namespace num
}  // namespace ov
