// Quantiles of Student's t distribution in the working precision, through
// boost/math/distributions/students_t.hpp. Boost.Math is heavy to instantiate, so each
// scalar is instantiated once, in its own translation unit (student_t_<scalar>.cpp).
#pragma once

#include "analysis/numeric/scalars.hpp"

namespace ov::rates {

// t such that P(T > t) = upper_tail for T ~ Student t with `dof` degrees of freedom.
// Requires dof >= 1 and 0 < upper_tail < 1 (std::invalid_argument otherwise).
// Defined for double, float128, mp50 and mp100.
template <class S>
S student_t_upper_quantile(long dof, const S& upper_tail);

template <> double student_t_upper_quantile<double>(long dof, const double& upper_tail);
template <> float128 student_t_upper_quantile<float128>(long dof, const float128& upper_tail);
template <> mp50 student_t_upper_quantile<mp50>(long dof, const mp50& upper_tail);
template <> mp100 student_t_upper_quantile<mp100>(long dof, const mp100& upper_tail);

}  // namespace ov::rates
