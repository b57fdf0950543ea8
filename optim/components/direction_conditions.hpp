// The "not too far from the gradient" conditions on a search direction v at a
// point with gradient g (000_47ba9189a2c8a171.txt §1, (4)-(5); condition i) of
// Inexact Backtracking GD, §2.2; seed-000-001-backtracking.md A2, A4):
//
//   (4)  A1 ||g|| <= ||v|| <= A2 ||g||
//   (5)  <g, v> >= mu ||g|| ||v||
//
// Checked without square roots (so exactly in ov::rational):
//   (4) <=> A1^2 ||g||^2 <= ||v||^2 <= A2^2 ||g||^2          (A1, A2 > 0)
//   (5) <=> <g, v> >= 0 and <g, v>^2 >= mu^2 ||g||^2 ||v||^2  (mu > 0)
#pragma once

#include "optim/core/reductions.hpp"

namespace ov::optim {

struct DirectionCheck {
  bool norm_bounds = false;  // (4)
  bool angle = false;        // (5)
  bool ok() const { return norm_bounds && angle; }
};

template <class S>
DirectionCheck check_direction(const Vector<S>& g, const Vector<S>& v, const S& A1, const S& A2, const S& mu) {
  DirectionCheck c;
  const S gg = squared_norm(g), vv = squared_norm(v), gv = dot(g, v);
  if (!ops::is_finite(gg) || !ops::is_finite(vv) || !ops::is_finite(gv)) return c;
  c.norm_bounds = A1 * A1 * gg <= vv && vv <= A2 * A2 * gg;
  c.angle = gv >= S(0) && gv * gv >= mu * mu * gg * vv;
  return c;
}

}  // namespace ov::optim
