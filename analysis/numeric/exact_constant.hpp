// constant<T>("expr"): build a constant exactly (or correctly rounded) in any
// OptVerify scalar from a small expression language, never through a double
// literal (T(0.1) silently rounds through binary64).
//
// Grammar: sums and products of decimal literals (1, -0.1, 2.5e-3: read exactly
// as rationals), '/', '^' with an integer exponent, parentheses, unary minus,
// sqrt(...), pi, e.
// Evaluation: rational -> exact (sqrt only of perfect squares; pi and e throw);
// interval -> outward-rounded enclosure; mp100 -> in mp100; every other
// floating type -> in mp100, then rounded once to T.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "analysis/numeric/scalars.hpp"

namespace ov {

class constant_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

namespace detail {

template <class T>
class ConstantParser {
 public:
  explicit ConstantParser(std::string_view s) : s_(s) {}

  T parse() {
    T v = sum();
    skip();
    if (p_ != s_.size()) fail("unexpected character");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw constant_error("constant \"" + std::string(s_) + "\": " + what + " at byte " + std::to_string(p_));
  }
  void skip() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t')) ++p_;
  }
  bool eat(char c) {
    skip();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool eat_word(std::string_view w) {
    skip();
    if (s_.substr(p_, w.size()) == w) {
      p_ += w.size();
      return true;
    }
    return false;
  }
  T sum() {
    T v = product();
    for (;;) {
      if (eat('+')) v = v + product();
      else if (eat('-')) v = v - product();
      else return v;
    }
  }
  T product() {
    T v = power();
    for (;;) {
      if (eat('*')) v = v * power();
      else if (eat('/')) {
        T d = power();
        if (d == T(0)) fail("division by zero");
        v = v / d;
      } else return v;
    }
  }
  T power() {
    T base = unary();
    if (eat('^')) {
      skip();
      bool neg = eat('-');
      skip();
      std::size_t start = p_;
      while (p_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p_]))) ++p_;
      if (start == p_) fail("'^' needs an integer exponent");
      if (p_ - start > 4) fail("exponent after '^' larger than 9999");
      long k = std::stol(std::string(s_.substr(start, p_ - start)));
      T r(1);
      for (long i = 0; i < k; ++i) r = r * base;
      if (neg) {
        if (r == T(0)) fail("zero to a negative power");
        r = T(1) / r;
      }
      return r;
    }
    return base;
  }
  T unary() {
    if (eat('-')) return -unary();
    if (eat('+')) return unary();
    return atom();
  }
  T atom() {
    if (eat('(')) {
      T v = sum();
      if (!eat(')')) fail("missing ')'");
      return v;
    }
    if (eat_word("sqrt")) {
      if (!eat('(')) fail("sqrt needs '('");
      T v = sum();
      if (!eat(')')) fail("missing ')'");
      return do_sqrt(v);
    }
    if (eat_word("pi")) return do_pi();
    skip();
    if (p_ < s_.size() && s_[p_] == 'e' && (p_ + 1 == s_.size() || !std::isalpha(static_cast<unsigned char>(s_[p_ + 1])))) {
      ++p_;
      return do_e();
    }
    return number();
  }
  T number() {
    skip();
    std::size_t start = p_;
    std::string digits;
    long exp10 = 0;
    bool seen_digit = false, seen_point = false;
    while (p_ < s_.size()) {
      char c = s_[p_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits += c;
        seen_digit = true;
        if (seen_point) --exp10;
        ++p_;
      } else if (c == '.' && !seen_point) {
        seen_point = true;
        ++p_;
      } else {
        break;
      }
    }
    if (!seen_digit) {
      p_ = start;
      fail("expected a number");
    }
    if (p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E') && p_ + 1 < s_.size() &&
        (std::isdigit(static_cast<unsigned char>(s_[p_ + 1])) || s_[p_ + 1] == '-' || s_[p_ + 1] == '+')) {
      ++p_;
      std::size_t es = p_;
      if (s_[p_] == '-' || s_[p_] == '+') ++p_;
      while (p_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p_]))) ++p_;
      if (p_ == es || (p_ == es + 1 && !std::isdigit(static_cast<unsigned char>(s_[es])))) fail("malformed exponent");
      const std::string_view edigits = s_.substr(es, p_ - es);
      const std::size_t first = edigits.find_first_not_of("+-0");
      if (first != std::string_view::npos && edigits.size() - first > 5) fail("decimal exponent outside [-99999, 99999]");
      exp10 += std::stol(std::string(s_.substr(es, p_ - es)));
    }
    // Exact: integer mantissa times a power of ten, as a rational.
    // Leading zeros stripped: GMP's string constructor reads "025" as octal.
    const std::size_t nz = digits.find_first_not_of('0');
    const std::string decimal = nz == std::string::npos ? std::string("0") : digits.substr(nz);
    rational q{bmp::mpz_int(decimal)};
    rational ten(10);
    rational scale(1);
    for (long i = 0; i < (exp10 < 0 ? -exp10 : exp10); ++i) scale *= ten;
    q = exp10 < 0 ? rational(q / scale) : rational(q * scale);
    return from_rational(q);
  }
  static T from_rational(const rational& q);
  T do_sqrt(const T& v);
  T do_pi();
  T do_e();

  std::string_view s_;
  std::size_t p_ = 0;
};

template <class T>
T ConstantParser<T>::from_rational(const rational& q) {
  if constexpr (std::is_same_v<T, rational>) {
    return q;
  } else if constexpr (std::is_same_v<T, interval>) {
    // Not T(q): Boost 1.74 turns a rational into a *point* interval at the nearest
    // mpfr value, which misses q (e.g. 1/10). mpfi_set_q rounds outward.
    interval r;
    mpfi_set_q(r.backend().data(), q.backend().data());
    return r;
  } else {
    return T(q);  // mpfr_set_q: correctly rounded
  }
}
template <class T>
T ConstantParser<T>::do_sqrt(const T& v) {
  if (v < T(0)) fail("sqrt of a negative number");
  if constexpr (std::is_same_v<T, rational>) {
    bmp::mpz_int n = numerator(v), d = denominator(v);
    bmp::mpz_int rn = sqrt(n), rd = sqrt(d);
    if (rn * rn != n || rd * rd != d) fail("sqrt is not rational here; use a floating or interval scalar");
    return rational(rn) / rational(rd);
  } else {
    return sqrt(v);
  }
}
template <class T>
T ConstantParser<T>::do_pi() {
  if constexpr (std::is_same_v<T, rational>) {
    fail("pi is not rational");
  } else {
    return boost::math::constants::pi<T>();
  }
}
template <class T>
T ConstantParser<T>::do_e() {
  if constexpr (std::is_same_v<T, rational>) {
    fail("e is not rational");
  } else {
    return exp(T(1));
  }
}

template <class T>
inline constexpr bool evaluate_directly_v =
    std::is_same_v<T, rational> || std::is_same_v<T, interval> || std::is_same_v<T, mp100>;

}  // namespace detail

template <class T>
T constant(std::string_view expr) {
  if constexpr (detail::evaluate_directly_v<T>) {
    return detail::ConstantParser<T>(expr).parse();
  } else {
    mp100 v = detail::ConstantParser<mp100>(expr).parse();
    if constexpr (std::is_same_v<T, mp50>) {
      return mp50(v);
    } else {
      return static_cast<T>(v);
    }
  }
}

}  // namespace ov
