// Exact string round trips (see string_io.hpp).
#include "analysis/numeric/string_io.hpp"

#include <quadmath.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <mpfi.h>
#include <mpfr.h>
#include <system_error>
#include <vector>

namespace ov {

parse_error::parse_error(std::string_view type, std::string_view text, std::size_t offset, std::string_view what)
    : std::invalid_argument("from_string<" + std::string(type) + ">: cannot parse \"" + std::string(text) +
                            "\" at byte " + std::to_string(offset) + ": " + std::string(what)),
      text_(text),
      offset_(offset) {}

namespace {

// ---------------------------------------------------------------- float, double

template <class F>
std::string shortest(F x) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);  // shortest round-trip form
  return std::string(buf, r.ptr);
}

template <class F>
F parse_ieee(std::string_view type, std::string_view s) {
  if (s.empty()) throw parse_error(type, s, 0, "empty string");
  const char* first = s.data();
  const char* last = s.data() + s.size();
  const char* p = first;
  bool plus = false;
  if (*p == '+') {  // from_chars does not take '+'; allow it
    plus = true;
    ++p;
  }
  if (plus && p != last && *p == '-') throw parse_error(type, s, 1, "two signs");
  F x{};
  const auto r = std::from_chars(p, last, x);
  if (r.ec == std::errc::invalid_argument) throw parse_error(type, s, static_cast<std::size_t>(p - first), "expected a number");
  if (r.ec == std::errc::result_out_of_range)
    throw parse_error(type, s, static_cast<std::size_t>(p - first), "value out of range for " + std::string(type));
  if (r.ptr != last) throw parse_error(type, s, static_cast<std::size_t>(r.ptr - first), "unexpected trailing characters");
  return x;
}

// ---------------------------------------------------------------- mpfr helpers

std::string null_terminated(std::string_view s) { return std::string(s); }

// `digits` = mpfr_get_str_ndigits(10, p) significant digits make the decimal grid finer
// than the binary one, so printed to nearest and read to nearest gives v back.
std::string mpfr_text(mpfr_srcptr v) {
  const std::size_t digits = mpfr_get_str_ndigits(10, mpfr_get_prec(v));
  char* out = nullptr;
  mpfr_asprintf(&out, "%.*Re", static_cast<int>(digits - 1), v);
  std::string s(out);
  mpfr_free_str(out);
  return s;
}

// The exact decimal value of v (every binary float is a finite decimal): v = z 2^e, and
// for e < 0, z 2^e = (z 5^-e) 10^e. Read back with any rounding it gives v exactly,
// which is what interval ends need (they are read with outward rounding).
std::string mpfr_exact_text(mpfr_srcptr v) {
  if (!mpfr_regular_p(v)) return mpfr_text(v);  // 0, -0, inf, nan
  mpz_t z;
  mpz_init(z);
  const long e = static_cast<long>(mpfr_get_z_2exp(z, v));
  long exp10 = 0;
  if (e >= 0) {
    mpz_mul_2exp(z, z, static_cast<mp_bitcnt_t>(e));
  } else {
    mpz_t five;
    mpz_init(five);
    mpz_ui_pow_ui(five, 5, static_cast<unsigned long>(-e));
    mpz_mul(z, z, five);
    mpz_clear(five);
    exp10 = e;
  }
  const bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  char* raw = mpz_get_str(nullptr, 10, z);
  std::string d(raw);
  void (*free_fn)(void*, size_t);
  mp_get_memory_functions(nullptr, nullptr, &free_fn);
  free_fn(raw, std::strlen(raw) + 1);
  mpz_clear(z);
  exp10 += static_cast<long>(d.size()) - 1;
  while (d.size() > 1 && d.back() == '0') d.pop_back();
  std::string out = neg ? "-" : "";
  out += d[0];
  if (d.size() > 1) out += "." + d.substr(1);
  out += "e" + std::to_string(exp10);
  return out;
}

// Parses one number starting at s[pos] into v (precision already set) with rounding rnd;
// returns the end offset. Rejects leading blanks (mpfr_strtofr would skip them).
std::size_t mpfr_parse_at(std::string_view type, std::string_view s, const std::string& z, std::size_t pos, mpfr_ptr v,
                          mpfr_rnd_t rnd) {
  if (pos >= z.size()) throw parse_error(type, s, pos, "expected a number");
  if (std::isspace(static_cast<unsigned char>(z[pos]))) throw parse_error(type, s, pos, "unexpected blank");
  char* end = nullptr;
  mpfr_strtofr(v, z.c_str() + pos, &end, 10, rnd);
  const std::size_t stop = static_cast<std::size_t>(end - z.c_str());
  if (stop == pos) throw parse_error(type, s, pos, "expected a number");
  return stop;
}

template <class M>
M parse_mp(std::string_view type, std::string_view s) {
  const std::string z = null_terminated(s);
  M x;
  const std::size_t stop = mpfr_parse_at(type, s, z, 0, x.backend().data(), MPFR_RNDN);
  if (stop != z.size()) throw parse_error(type, s, stop, "unexpected trailing characters");
  return x;
}

bool same_mpfr(mpfr_srcptr a, mpfr_srcptr b) {
  if (mpfr_nan_p(a) || mpfr_nan_p(b)) return mpfr_nan_p(a) && mpfr_nan_p(b);
  return mpfr_equal_p(a, b) && (mpfr_signbit(a) != 0) == (mpfr_signbit(b) != 0);
}

// ---------------------------------------------------------------- rational

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string to_string(float x) { return shortest(x); }
std::string to_string(double x) { return shortest(x); }

std::string to_string(const float128& x) {
  char buf[128];
  quadmath_snprintf(buf, sizeof buf, "%.35Qe", x.backend().value());
  return buf;
}

std::string to_string(const mp50& x) { return mpfr_text(x.backend().data()); }
std::string to_string(const mp100& x) { return mpfr_text(x.backend().data()); }

std::string to_string(const interval& x) {
  mpfr_t lo, hi;
  const mpfr_prec_t p = mpfi_get_prec(x.backend().data());
  mpfr_init2(lo, p);
  mpfr_init2(hi, p);
  mpfi_get_left(lo, x.backend().data());  // exact: same precision
  mpfi_get_right(hi, x.backend().data());
  std::string s = "[" + mpfr_exact_text(lo) + "," + mpfr_exact_text(hi) + "]";
  mpfr_clear(lo);
  mpfr_clear(hi);
  return s;
}

std::string to_string(const rational& x) { return x.str(); }

template <>
float from_string<float>(std::string_view s) {
  return parse_ieee<float>("float", s);
}
template <>
double from_string<double>(std::string_view s) {
  return parse_ieee<double>("double", s);
}

template <>
float128 from_string<float128>(std::string_view s) {
  const std::string z = null_terminated(s);
  if (z.empty()) throw parse_error("float128", s, 0, "empty string");
  if (std::isspace(static_cast<unsigned char>(z[0]))) throw parse_error("float128", s, 0, "unexpected blank");
  char* end = nullptr;
  const __float128 v = strtoflt128(z.c_str(), &end);
  const std::size_t stop = static_cast<std::size_t>(end - z.c_str());
  if (stop == 0) throw parse_error("float128", s, 0, "expected a number");
  if (stop != z.size()) throw parse_error("float128", s, stop, "unexpected trailing characters");
  return float128(v);
}

template <>
mp50 from_string<mp50>(std::string_view s) {
  return parse_mp<mp50>("mp50", s);
}
template <>
mp100 from_string<mp100>(std::string_view s) {
  return parse_mp<mp100>("mp100", s);
}

template <>
interval from_string<interval>(std::string_view s) {
  const std::string z = null_terminated(s);
  interval x;
  const mpfr_prec_t p = mpfi_get_prec(x.backend().data());
  mpfr_t lo, hi;
  mpfr_init2(lo, p);
  mpfr_init2(hi, p);
  struct Clear {
    mpfr_ptr a, b;
    ~Clear() {
      mpfr_clear(a);
      mpfr_clear(b);
    }
  } clear{lo, hi};
  if (!z.empty() && z[0] == '[') {
    std::size_t pos = mpfr_parse_at("interval", s, z, 1, lo, MPFR_RNDD);
    if (pos >= z.size() || z[pos] != ',') throw parse_error("interval", s, pos, "expected ','");
    pos = mpfr_parse_at("interval", s, z, pos + 1, hi, MPFR_RNDU);
    if (pos >= z.size() || z[pos] != ']') throw parse_error("interval", s, pos, "expected ']'");
    if (pos + 1 != z.size()) throw parse_error("interval", s, pos + 1, "unexpected trailing characters");
    if (mpfr_cmp(lo, hi) > 0) throw parse_error("interval", s, 1, "lower end above upper end");
  } else {
    // A single number: its enclosure.
    const std::size_t stop = mpfr_parse_at("interval", s, z, 0, lo, MPFR_RNDD);
    if (stop != z.size()) throw parse_error("interval", s, stop, "unexpected trailing characters");
    mpfr_parse_at("interval", s, z, 0, hi, MPFR_RNDU);
  }
  mpfi_interv_fr(x.backend().data(), lo, hi);
  return x;
}

template <>
rational from_string<rational>(std::string_view s) {
  const std::size_t n = s.size();
  std::size_t p = 0;
  if (n == 0) throw parse_error("rational", s, 0, "empty string");
  bool neg = false;
  if (s[p] == '+' || s[p] == '-') neg = s[p++] == '-';
  const std::size_t int_start = p;
  while (p < n && is_digit(s[p])) ++p;
  std::string digits(s.substr(int_start, p - int_start));
  long exp10 = 0;
  if (p < n && s[p] == '/') {
    if (digits.empty()) throw parse_error("rational", s, int_start, "expected digits before '/'");
    const std::size_t den_start = ++p;
    while (p < n && is_digit(s[p])) ++p;
    if (p == den_start) throw parse_error("rational", s, den_start, "expected a positive integer denominator");
    if (p != n) throw parse_error("rational", s, p, "unexpected trailing characters");
    const bmp::mpz_int num(digits), den(std::string(s.substr(den_start, p - den_start)));
    if (den == 0) throw parse_error("rational", s, den_start, "zero denominator");
    rational q(num, den);
    return neg ? rational(-q) : q;
  }
  if (p < n && s[p] == '.') {
    const std::size_t frac_start = ++p;
    while (p < n && is_digit(s[p])) ++p;
    digits += std::string(s.substr(frac_start, p - frac_start));
    exp10 -= static_cast<long>(p - frac_start);
  }
  if (digits.empty()) throw parse_error("rational", s, int_start, "expected a number");
  if (p < n && (s[p] == 'e' || s[p] == 'E')) {
    const std::size_t e_at = p++;
    bool eneg = false;
    if (p < n && (s[p] == '+' || s[p] == '-')) eneg = s[p++] == '-';
    const std::size_t es = p;
    while (p < n && is_digit(s[p])) ++p;
    if (p == es || p - es > 9) throw parse_error("rational", s, e_at, "malformed exponent");
    const long e = std::stol(std::string(s.substr(es, p - es)));
    exp10 += eneg ? -e : e;
  }
  if (p != n) throw parse_error("rational", s, p, "unexpected trailing characters");
  bmp::mpz_int m(digits), scale(1);
  for (long i = 0; i < (exp10 < 0 ? -exp10 : exp10); ++i) scale *= 10;
  rational q = exp10 < 0 ? rational(m, scale) : rational(m * scale);
  return neg ? rational(-q) : q;
}

bool identical(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) && std::signbit(a) == std::signbit(b);
  return a == b && std::signbit(a) == std::signbit(b);
}
bool identical(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) && std::signbit(a) == std::signbit(b);
  return a == b && std::signbit(a) == std::signbit(b);
}
bool identical(const float128& a, const float128& b) {
  const __float128 x = a.backend().value(), y = b.backend().value();
  if (isnanq(x) || isnanq(y)) return isnanq(x) && isnanq(y) && signbitq(x) == signbitq(y);
  return x == y && (signbitq(x) != 0) == (signbitq(y) != 0);
}
bool identical(const mp50& a, const mp50& b) { return same_mpfr(a.backend().data(), b.backend().data()); }
bool identical(const mp100& a, const mp100& b) { return same_mpfr(a.backend().data(), b.backend().data()); }
bool identical(const interval& a, const interval& b) {
  const mpfr_prec_t p = mpfi_get_prec(a.backend().data());
  mpfr_t al, ar, bl, br;
  mpfr_inits2(p, al, ar, bl, br, static_cast<mpfr_ptr>(nullptr));
  mpfi_get_left(al, a.backend().data());
  mpfi_get_right(ar, a.backend().data());
  mpfi_get_left(bl, b.backend().data());
  mpfi_get_right(br, b.backend().data());
  const bool same = same_mpfr(al, bl) && same_mpfr(ar, br);
  mpfr_clears(al, ar, bl, br, static_cast<mpfr_ptr>(nullptr));
  return same;
}
bool identical(const rational& a, const rational& b) { return a == b; }

}  // namespace ov
