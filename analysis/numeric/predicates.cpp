// Certified interval predicates (see predicates.hpp). Endpoints are read with
// mpfi_get_left/right at the interval's own precision, so comparisons are exact.
#include "analysis/numeric/predicates.hpp"

#include <mpfi.h>
#include <mpfr.h>

#include <stdexcept>

namespace ov {
namespace {

struct Ends {
  mpfr_t lo, hi;
  explicit Ends(const interval& a) {
    const mpfr_prec_t p = mpfi_get_prec(a.backend().data());
    mpfr_init2(lo, p);
    mpfr_init2(hi, p);
    mpfi_get_left(lo, a.backend().data());
    mpfi_get_right(hi, a.backend().data());
  }
  ~Ends() {
    mpfr_clear(lo);
    mpfr_clear(hi);
  }
  Ends(const Ends&) = delete;
  Ends& operator=(const Ends&) = delete;
  bool nan() const { return mpfr_nan_p(lo) || mpfr_nan_p(hi); }
};

Tribool decide(bool yes, bool no) { return yes ? Tribool::yes : (no ? Tribool::no : Tribool::undecided); }

rational to_rational(mpfr_srcptr v, const char* which) {
  if (!mpfr_number_p(v)) throw std::domain_error(std::string(which) + ": the endpoint is not a finite number");
  rational q;
  mpfr_get_q(q.backend().data(), v);
  return q;
}

}  // namespace

const char* to_string(Tribool t) {
  switch (t) {
    case Tribool::no: return "no";
    case Tribool::yes: return "yes";
    case Tribool::undecided: return "undecided";
  }
  return "?";
}

Tribool certainly_less(const interval& a, const interval& b) {
  Ends x(a), y(b);
  if (x.nan() || y.nan()) return Tribool::undecided;
  return decide(mpfr_less_p(x.hi, y.lo), mpfr_greaterequal_p(x.lo, y.hi));
}
Tribool certainly_less_equal(const interval& a, const interval& b) {
  Ends x(a), y(b);
  if (x.nan() || y.nan()) return Tribool::undecided;
  return decide(mpfr_lessequal_p(x.hi, y.lo), mpfr_greater_p(x.lo, y.hi));
}
Tribool certainly_greater(const interval& a, const interval& b) { return certainly_less(b, a); }
Tribool certainly_greater_equal(const interval& a, const interval& b) { return certainly_less_equal(b, a); }

Tribool certainly_positive(const interval& a) {
  Ends x(a);
  if (x.nan()) return Tribool::undecided;
  return decide(mpfr_sgn(x.lo) > 0, mpfr_sgn(x.hi) <= 0);
}
Tribool certainly_negative(const interval& a) {
  Ends x(a);
  if (x.nan()) return Tribool::undecided;
  return decide(mpfr_sgn(x.hi) < 0, mpfr_sgn(x.lo) >= 0);
}
Tribool certainly_zero(const interval& a) {
  Ends x(a);
  if (x.nan()) return Tribool::undecided;
  return decide(mpfr_zero_p(x.lo) && mpfr_zero_p(x.hi), mpfr_sgn(x.lo) > 0 || mpfr_sgn(x.hi) < 0);
}
bool possibly_equal(const interval& a, const interval& b) {
  Ends x(a), y(b);
  if (x.nan() || y.nan()) return false;
  return mpfr_lessequal_p(x.lo, y.hi) && mpfr_lessequal_p(y.lo, x.hi);
}
bool contains(const interval& a, const rational& q) {
  Ends x(a);
  if (x.nan()) return false;
  // mpfr_cmp_q is exact; infinite endpoints compare correctly.
  return mpfr_cmp_q(x.lo, q.backend().data()) <= 0 && mpfr_cmp_q(x.hi, q.backend().data()) >= 0;
}
bool contains(const interval& a, const interval& b) {
  Ends x(a), y(b);
  if (x.nan() || y.nan()) return false;
  return mpfr_lessequal_p(x.lo, y.lo) && mpfr_greaterequal_p(x.hi, y.hi);
}
std::optional<int> certain_sign(const interval& a) {
  if (certainly_positive(a) == Tribool::yes) return 1;
  if (certainly_negative(a) == Tribool::yes) return -1;
  if (certainly_zero(a) == Tribool::yes) return 0;
  return std::nullopt;
}

rational lower_rational(const interval& a) {
  Ends x(a);
  return to_rational(x.lo, "lower_rational");
}
rational upper_rational(const interval& a) {
  Ends x(a);
  return to_rational(x.hi, "upper_rational");
}

}  // namespace ov
