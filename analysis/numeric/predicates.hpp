// Certified predicates on intervals: three-valued answers that are never wrong.
//
// For intervals a = [a-, a+] and b = [b-, b+] standing for unknown reals x in a, y in b:
//   certainly_less(a, b)        yes: x < y for every choice (a+ < b-); no: for none (a- >= b+); else undecided
//   certainly_less_equal(a, b)  yes: a+ <= b-;  no: a- > b+
//   certainly_greater(a, b)     certainly_less(b, a);  certainly_greater_equal(a, b)
//   certainly_positive(a)       yes: a- > 0;  no: a+ <= 0
//   certainly_negative(a)       yes: a+ < 0;  no: a- >= 0
//   certainly_zero(a)           yes: a = [0, 0];  no: 0 not in a
//   possibly_equal(a, b)        a and b intersect (some x = y is possible)
//   contains(a, q)              the exact rational q lies in a (exact comparison of endpoints with q)
//   contains(a, b)              b is a subset of a
//   certain_sign(a)             +1 / -1 / 0 when certain (0 only for [0, 0]), nullopt otherwise
// An interval with a NaN endpoint decides nothing (undecided / false).
#pragma once

#include <optional>

#include "analysis/numeric/scalars.hpp"

namespace ov {

enum class Tribool { no, yes, undecided };

const char* to_string(Tribool t);

Tribool certainly_less(const interval& a, const interval& b);
Tribool certainly_less_equal(const interval& a, const interval& b);
Tribool certainly_greater(const interval& a, const interval& b);
Tribool certainly_greater_equal(const interval& a, const interval& b);
Tribool certainly_positive(const interval& a);
Tribool certainly_negative(const interval& a);
Tribool certainly_zero(const interval& a);
bool possibly_equal(const interval& a, const interval& b);
bool contains(const interval& a, const rational& q);
bool contains(const interval& a, const interval& b);
std::optional<int> certain_sign(const interval& a);

// Endpoints, exactly, as rationals (throws std::domain_error for NaN or infinite ends).
rational lower_rational(const interval& a);
rational upper_rational(const interval& a);

}  // namespace ov
