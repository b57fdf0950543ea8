// Exact string round trips for every OptVerify scalar:
//   from_string<T>(to_string(x)) == x   (bit for bit, including -0, +-inf and NaN where T has them)
//
//   float, double   shortest representation that round-trips (std::to_chars)
//   float128        36 significant digits (max_digits10 of binary128), "%.35Qe"
//   mp50, mp100     mpfr_get_str_ndigits(10, precision) significant digits, scientific
//   interval        "[lo,hi]" with both ends printed exactly (every binary float is a finite
//                   decimal; up to ~170 digits at 50-digit precision), read with outward rounding,
//                   so the round trip is exact and a hand-written "[0.1,0.2]" is enclosed;
//                   from_string also accepts a single number and then returns its enclosure (lower end rounded down, upper up)
//   rational        "p/q" in lowest terms ("p" when q = 1); from_string also accepts a decimal
//                   ("-1.25e-3") and reads it exactly
//
// Non-finite spellings: "inf", "-inf", "nan" (float, double, float128, mp50, mp100, interval ends).
// Malformed input throws ov::parse_error naming the type, the string and the byte offset.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "analysis/numeric/scalars.hpp"

namespace ov {

class parse_error : public std::invalid_argument {
 public:
  parse_error(std::string_view type, std::string_view text, std::size_t offset, std::string_view what);
  const std::string& text() const { return text_; }
  std::size_t offset() const { return offset_; }

 private:
  std::string text_;
  std::size_t offset_;
};

std::string to_string(float x);
std::string to_string(double x);
std::string to_string(const float128& x);
std::string to_string(const mp50& x);
std::string to_string(const mp100& x);
std::string to_string(const interval& x);
std::string to_string(const rational& x);

template <class T>
T from_string(std::string_view s);

template <> float from_string<float>(std::string_view s);
template <> double from_string<double>(std::string_view s);
template <> float128 from_string<float128>(std::string_view s);
template <> mp50 from_string<mp50>(std::string_view s);
template <> mp100 from_string<mp100>(std::string_view s);
template <> interval from_string<interval>(std::string_view s);
template <> rational from_string<rational>(std::string_view s);

// Bitwise identity (what the round trip promises): NaN is identical to NaN, -0 is not +0;
// intervals compare both endpoints.
bool identical(float a, float b);
bool identical(double a, double b);
bool identical(const float128& a, const float128& b);
bool identical(const mp50& a, const mp50& b);
bool identical(const mp100& a, const mp100& b);
bool identical(const interval& a, const interval& b);
bool identical(const rational& a, const rational& b);

}  // namespace ov
