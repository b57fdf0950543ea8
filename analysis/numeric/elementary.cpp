// Exact (rational) and enclosing (interval) elementary functions and the constants
// (see elementary.hpp).
#include "analysis/numeric/elementary.hpp"

#include <mpfi.h>
#include <mpfr.h>

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"

namespace ov {

inexact_operation::inexact_operation(const std::string& function, const std::string& argument)
    : std::domain_error(argument.empty()
                            ? function + " is not rational; use a floating or interval scalar"
                            : function + "(" + argument + ") is not rational; use a floating or interval scalar"),
      function_(function),
      argument_(argument) {}

namespace num {
namespace {

[[noreturn]] void inexact(const char* fn, const rational& x) { throw inexact_operation(fn, ov::to_string(x)); }

// The exact k-th root of a non-negative integer, if it is one.
bool exact_root(const bmp::mpz_int& n, unsigned long k, bmp::mpz_int& root) {
  mpz_t r;
  mpz_init(r);
  const int exact = mpz_root(r, n.backend().data(), k);
  root = bmp::mpz_int(r);
  mpz_clear(r);
  return exact != 0;
}

}  // namespace

rational abs(const rational& x) { return x < 0 ? rational(-x) : x; }

rational sqrt(const rational& x) {
  if (x < 0) throw std::domain_error("sqrt: argument must be >= 0, got " + ov::to_string(x));
  bmp::mpz_int rn, rd;
  if (exact_root(numerator(x), 2, rn) && exact_root(denominator(x), 2, rd)) return rational(rn, rd);
  inexact("sqrt", x);
}
rational exp(const rational& x) {
  if (x == 0) return rational(1);
  inexact("exp", x);
}
rational log(const rational& x) {
  if (x <= 0) throw std::domain_error("log: argument must be > 0, got " + ov::to_string(x));
  if (x == 1) return rational(0);
  inexact("log", x);
}
rational sin(const rational& x) {
  if (x == 0) return rational(0);
  inexact("sin", x);
}
rational cos(const rational& x) {
  if (x == 0) return rational(1);
  inexact("cos", x);
}
rational tan(const rational& x) {
  if (x == 0) return rational(0);
  inexact("tan", x);
}
rational atan(const rational& x) {
  if (x == 0) return rational(0);
  inexact("atan", x);
}
rational tanh(const rational& x) {
  if (x == 0) return rational(0);
  inexact("tanh", x);
}

rational pow(const rational& x, long n) {
  if (n < 0) {
    if (x == 0) throw std::domain_error("pow: 0 to the negative power " + std::to_string(n));
    return rational(1) / pow(x, -n);
  }
  rational result(1), base = x;
  for (unsigned long k = static_cast<unsigned long>(n); k != 0; k >>= 1) {
    if (k & 1) result *= base;
    if (k > 1) base *= base;
  }
  return result;
}

rational pow(const rational& x, const rational& y) {
  const bmp::mpz_int p = numerator(y), q = denominator(y);
  if (q == 1) {
    if (!mpz_fits_slong_p(p.backend().data())) inexact("pow", x);
    return pow(x, p.convert_to<long>());
  }
  if (x == 0) {
    if (y < 0) throw std::domain_error("pow: 0 to the negative power " + ov::to_string(y));
    return rational(0);
  }
  if (x < 0)
    throw std::domain_error("pow: negative base " + ov::to_string(x) + " with non-integer exponent " + ov::to_string(y));
  if (!mpz_fits_ulong_p(q.backend().data()) || !mpz_fits_slong_p(p.backend().data()))
    throw inexact_operation("pow", ov::to_string(x) + ", " + ov::to_string(y));
  bmp::mpz_int rn, rd;
  const unsigned long k = q.convert_to<unsigned long>();
  if (exact_root(numerator(x), k, rn) && exact_root(denominator(x), k, rd))
    return pow(rational(rn, rd), p.convert_to<long>());
  throw inexact_operation("pow", ov::to_string(x) + ", " + ov::to_string(y));
}

// ---------------------------------------------------------------- interval

#define OPTVERIFY_INTERVAL_UNARY(fn, mpfi_fn)              \
  interval fn(const interval& x) {                         \
    interval r;                                            \
    mpfi_fn(r.backend().data(), x.backend().data());       \
    return r;                                              \
  }
OPTVERIFY_INTERVAL_UNARY(abs, mpfi_abs)
OPTVERIFY_INTERVAL_UNARY(sqrt, mpfi_sqrt)
OPTVERIFY_INTERVAL_UNARY(exp, mpfi_exp)
OPTVERIFY_INTERVAL_UNARY(log, mpfi_log)
OPTVERIFY_INTERVAL_UNARY(sin, mpfi_sin)
OPTVERIFY_INTERVAL_UNARY(cos, mpfi_cos)
OPTVERIFY_INTERVAL_UNARY(tan, mpfi_tan)
OPTVERIFY_INTERVAL_UNARY(atan, mpfi_atan)
OPTVERIFY_INTERVAL_UNARY(tanh, mpfi_tanh)
#undef OPTVERIFY_INTERVAL_UNARY

namespace {
// Enclosure of e^n for a point e (an mpfr endpoint), by binary powering of the point interval
// [e, e]: every product of intervals with non-negative ends is tight up to outward rounding.
interval point_power(mpfr_srcptr end, unsigned long n) {
  interval base, result(1);
  mpfi_set_fr(base.backend().data(), end);
  if (mpfr_sgn(end) < 0) mpfi_neg(base.backend().data(), base.backend().data());
  for (unsigned long k = n; k != 0; k >>= 1) {
    if (k & 1) result = result * base;
    if (k > 1) base = base * base;
  }
  if (mpfr_sgn(end) < 0 && (n & 1)) result = -result;
  return result;
}
}  // namespace

interval pow(const interval& x, long n) {
  if (n < 0) return interval(1) / pow(x, -n);
  if (n == 0) return interval(1);
  const mpfr_prec_t p = mpfi_get_prec(x.backend().data());
  mpfr_t lo, hi;
  mpfr_init2(lo, p);
  mpfr_init2(hi, p);
  mpfi_get_left(lo, x.backend().data());
  mpfi_get_right(hi, x.backend().data());
  const unsigned long k = static_cast<unsigned long>(n);
  const interval plo = point_power(lo, k), phi = point_power(hi, k);
  interval r;
  if (k % 2 == 1 || mpfr_sgn(lo) >= 0) {  // monotone increasing on x
    mpfi_union(r.backend().data(), plo.backend().data(), phi.backend().data());
  } else if (mpfr_sgn(hi) <= 0) {  // even power, x <= 0: decreasing
    mpfi_union(r.backend().data(), phi.backend().data(), plo.backend().data());
  } else {  // even power, 0 inside: [0, max(lo^n, hi^n)]
    mpfi_union(r.backend().data(), plo.backend().data(), phi.backend().data());
    interval zero(0);
    mpfi_union(r.backend().data(), r.backend().data(), zero.backend().data());
    mpfr_t up;
    mpfr_init2(up, p);
    mpfi_get_right(up, r.backend().data());
    mpfr_t z;
    mpfr_init2(z, p);
    mpfr_set_zero(z, 1);
    mpfi_interv_fr(r.backend().data(), z, up);
    mpfr_clear(up);
    mpfr_clear(z);
  }
  mpfr_clear(lo);
  mpfr_clear(hi);
  return r;
}

interval pow(const interval& x, const interval& y) {
  const mpfr_prec_t p = mpfi_get_prec(y.backend().data());
  mpfr_t ylo, yhi, xlo;
  mpfr_inits2(p, ylo, yhi, xlo, static_cast<mpfr_ptr>(nullptr));
  mpfi_get_left(ylo, y.backend().data());
  mpfi_get_right(yhi, y.backend().data());
  mpfi_get_left(xlo, x.backend().data());
  const bool integer_point = mpfr_equal_p(ylo, yhi) && mpfr_integer_p(ylo) && mpfr_fits_slong_p(ylo, MPFR_RNDN);
  const long n = integer_point ? mpfr_get_si(ylo, MPFR_RNDN) : 0;
  const bool positive_base = mpfr_sgn(xlo) > 0;
  mpfr_clears(ylo, yhi, xlo, static_cast<mpfr_ptr>(nullptr));
  if (integer_point) return pow(x, n);
  if (!positive_base)
    throw std::domain_error("pow: interval base " + ov::to_string(x) +
                            " must be certainly positive for the non-integer exponent " + ov::to_string(y));
  return exp(y * log(x));
}

// ---------------------------------------------------------------- constants

mp100 pi_mp100() {
  mp100 r;
  mpfr_const_pi(r.backend().data(), MPFR_RNDN);
  return r;
}
mp100 e_mp100() {
  mp100 one(1), r;
  mpfr_exp(r.backend().data(), one.backend().data(), MPFR_RNDN);
  return r;
}
mp100 ln2_mp100() {
  mp100 r;
  mpfr_const_log2(r.backend().data(), MPFR_RNDN);
  return r;
}
mp50 pi_mp50() {
  mp50 r;
  mpfr_const_pi(r.backend().data(), MPFR_RNDN);
  return r;
}
mp50 e_mp50() {
  mp50 one(1), r;
  mpfr_exp(r.backend().data(), one.backend().data(), MPFR_RNDN);
  return r;
}
mp50 ln2_mp50() {
  mp50 r;
  mpfr_const_log2(r.backend().data(), MPFR_RNDN);
  return r;
}
interval pi_interval() {
  interval r;
  mpfi_const_pi(r.backend().data());
  return r;
}
interval e_interval() {
  interval one(1), r;
  mpfi_exp(r.backend().data(), one.backend().data());
  return r;
}
interval ln2_interval() {
  interval r;
  mpfi_const_log2(r.backend().data());
  return r;
}

namespace detail {
float128 float128_from_mp100(const mp100& c) {
  rational q;
  mpfr_get_q(q.backend().data(), c.backend().data());
  return round_to<float128>(q);
}
}  // namespace detail

}  // namespace num
}  // namespace ov
