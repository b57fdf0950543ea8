// round_to<T>(q): the exact rational q converted once to the scalar T.
//
//   float, double, float128, mp50, mp100   correctly rounded (round to nearest, ties to even)
//   interval                                the tightest enclosure at 50 digits (outward rounding)
//   rational                                q itself
//
// Used where an exact object (an SPD matrix with a rational spectrum, an exact
// solution) must be handed to a working precision with one rounding and no more.
// Overflow gives +-inf; results in the subnormal range of float/double/float128
// are rounded at full precision and then to the subnormal grid (a possible double
// rounding only there).
#pragma once

#include "analysis/numeric/scalars.hpp"

namespace ov {

template <class T>
T round_to(const rational& q);

template <> float round_to<float>(const rational& q);
template <> double round_to<double>(const rational& q);
template <> float128 round_to<float128>(const rational& q);
template <> mp50 round_to<mp50>(const rational& q);
template <> mp100 round_to<mp100>(const rational& q);
template <> interval round_to<interval>(const rational& q);
template <> rational round_to<rational>(const rational& q);

}  // namespace ov
