// The rounding constants of double in which the properties' tolerances are written
// (docs/conformance.md: every tolerance is derived and stated in the property's check).
#pragma once

#include <limits>

namespace ov::conformance {

// The spacing of doubles at 1: 2^-52 (Higham's 2u).
constexpr double kEps = std::numeric_limits<double>::epsilon();
// The unit roundoff u = 2^-53: |fl(x op y) - x op y| <= u |x op y|.
constexpr double kUnitRoundoff = 0x1p-53;

}  // namespace ov::conformance
