// The one named set of scalar types used everywhere in OptVerify.
//
//   float, double      IEEE binary32 / binary64
//   float128           IEEE binary128 (libquadmath; needs gnu++17)
//   mp50, mp100        MPFR through Boost.Multiprecision, 50 / 100 decimal digits
//   interval           MPFI (outward-rounded inf-sup intervals), 50 decimal digits
//   rational           GMP exact rationals
//
// Expression templates are switched off for every multiprecision type (see
// docs/numeric.md and bench/numeric_expression_templates.cpp for the measurement
// behind this choice): Eigen and ceres::Jet need real numbers, not expressions,
// and `auto x = a + b;` must never dangle.
#pragma once

#include <boost/multiprecision/float128.hpp>
#include <boost/multiprecision/gmp.hpp>
#include <boost/multiprecision/mpfi.hpp>
#include <boost/multiprecision/mpfr.hpp>

namespace ov {

namespace bmp = boost::multiprecision;

using float128 = bmp::float128;
using mp50 = bmp::number<bmp::mpfr_float_backend<50>, bmp::et_off>;
using mp100 = bmp::number<bmp::mpfr_float_backend<100>, bmp::et_off>;
using interval = bmp::number<bmp::mpfi_float_backend<50>, bmp::et_off>;
using rational = bmp::number<bmp::gmp_rational, bmp::et_off>;

}  // namespace ov

#include <string_view>
#include <tuple>

namespace ov {

// Every scalar the rigorous core is instantiated for, in ladder order.
using all_scalars = std::tuple<float, double, float128, mp50, mp100, interval, rational>;

template <class T>
constexpr std::string_view scalar_name();
template <> constexpr std::string_view scalar_name<float>() { return "float"; }
template <> constexpr std::string_view scalar_name<double>() { return "double"; }
template <> constexpr std::string_view scalar_name<float128>() { return "float128"; }
template <> constexpr std::string_view scalar_name<mp50>() { return "mp50"; }
template <> constexpr std::string_view scalar_name<mp100>() { return "mp100"; }
template <> constexpr std::string_view scalar_name<interval>() { return "interval"; }
template <> constexpr std::string_view scalar_name<rational>() { return "rational"; }

}  // namespace ov
