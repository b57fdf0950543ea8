// The nearest double of an exact rational (or an mp100), for the figures and plots of this
// group's claims.
#pragma once

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::claims::survey {

inline double to_d(const rational& q) { return round_to<double>(q); }
inline double to_d(const mp100& q) { return static_cast<double>(q); }

}  // namespace ov::claims::survey
