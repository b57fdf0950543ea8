// Correctly rounded rational -> scalar conversions (see rounding.hpp).
#include "analysis/numeric/rounding.hpp"

#include <quadmath.h>
#include <mpfi.h>
#include <mpfr.h>

namespace ov {
namespace {

// q rounded to nearest at `bits` of precision, in an mpfr_t owned by the caller.
struct RoundedQ {
  mpfr_t v;
  RoundedQ(const rational& q, mpfr_prec_t bits) {
    mpfr_init2(v, bits);
    mpfr_set_q(v, q.backend().data(), MPFR_RNDN);
  }
  ~RoundedQ() { mpfr_clear(v); }
  RoundedQ(const RoundedQ&) = delete;
  RoundedQ& operator=(const RoundedQ&) = delete;
};

}  // namespace

template <>
float round_to<float>(const rational& q) {
  RoundedQ r(q, 24);
  return mpfr_get_flt(r.v, MPFR_RNDN);  // exact unless in float's subnormal/overflow range
}
template <>
double round_to<double>(const rational& q) {
  RoundedQ r(q, 53);
  return mpfr_get_d(r.v, MPFR_RNDN);
}
template <>
float128 round_to<float128>(const rational& q) {
  // The 113-bit value, scaled into [1/2, 1), is a sum of at most three doubles
  // (53 + 53 + 7 bits); peel them off exactly, then scale back by 2^e (exact
  // unless the result is subnormal in binary128).
  RoundedQ r(q, 113);
  if (mpfr_zero_p(r.v)) return float128(0);
  const mpfr_exp_t e = mpfr_get_exp(r.v);
  mpfr_t rest;
  mpfr_init2(rest, 113);
  mpfr_mul_2si(rest, r.v, -e, MPFR_RNDN);  // exact
  __float128 sum = 0;
  for (int i = 0; i < 4 && !mpfr_zero_p(rest); ++i) {
    const double part = mpfr_get_d(rest, MPFR_RNDN);
    sum += part;                              // exact: parts have disjoint bit ranges
    mpfr_sub_d(rest, rest, part, MPFR_RNDN);  // exact
  }
  mpfr_clear(rest);
  return float128(ldexpq(sum, static_cast<int>(e)));
}
template <>
mp50 round_to<mp50>(const rational& q) {
  return mp50(q);  // mpfr_set_q, correctly rounded
}
template <>
mp100 round_to<mp100>(const rational& q) {
  return mp100(q);
}
template <>
interval round_to<interval>(const rational& q) {
  // Not interval(q): Boost 1.74 builds a point interval from the nearest mpfr value,
  // which does not contain q (e.g. 1/3). mpfi_set_q rounds outward.
  interval r;
  mpfi_set_q(r.backend().data(), q.backend().data());
  return r;
}
template <>
rational round_to<rational>(const rational& q) {
  return q;
}

}  // namespace ov
