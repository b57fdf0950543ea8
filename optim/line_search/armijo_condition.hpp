// Armijo's sufficient-decrease condition in the backtracking paper's sign
// convention (000_47ba9189a2c8a171.txt, §2.1, (6); with v = grad f(x) it is (7)):
//
//   f(x - sigma v) - f(x) <= -alpha * sigma * <grad f(x), v>
//
// `slope` is <grad f(x), v> (> 0 for a descent direction). A non-finite trial
// value never satisfies the condition (the authors' finder also shrinks on a NaN
// loss: seed-000-001-backtracking.md, 2-supplement).
#pragma once

#include "optim/core/scalar_ops.hpp"

namespace ov::optim {

template <class S>
bool armijo_holds(const S& f_trial, const S& f0, const S& alpha, const S& sigma, const S& slope) {
  if (!ops::is_finite(f_trial)) return false;
  return f_trial - f0 <= -(alpha * sigma * slope);
}

}  // namespace ov::optim
