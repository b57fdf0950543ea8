// The one definition behind student_t_upper_quantile (included only by student_t_<scalar>.cpp).
#pragma once

#include <boost/math/distributions/students_t.hpp>
#include <stdexcept>
#include <string>

#include "analysis/numeric/string_io.hpp"
#include "analysis/rates/student_t.hpp"

namespace ov::rates::detail {

template <class S>
S student_t_upper_quantile_impl(long dof, const S& upper_tail) {
  if (dof < 1) {
    throw std::invalid_argument("student_t_upper_quantile: dof = " + std::to_string(dof) + " (valid range: dof >= 1)");
  }
  if (!(upper_tail > 0 && upper_tail < 1)) {
    throw std::invalid_argument("student_t_upper_quantile: upper_tail = " + ov::to_string(upper_tail) +
                                " (valid range: 0 < upper_tail < 1)");
  }
  const boost::math::students_t_distribution<S> dist{S(dof)};
  return S(boost::math::quantile(boost::math::complement(dist, upper_tail)));
}

}  // namespace ov::rates::detail

#define OPTVERIFY_RATES_STUDENT_T(S)                                                   \
  namespace ov::rates {                                                                \
  template <>                                                                          \
  S student_t_upper_quantile<S>(long dof, const S& upper_tail) {                       \
    return detail::student_t_upper_quantile_impl<S>(dof, upper_tail);                  \
  }                                                                                    \
  }
