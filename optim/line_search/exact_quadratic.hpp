// Exact line search on a quadratic f(x) = 1/2 x^T A x - b^T x (004 section 2.5, eq (9):
// eta = argmin_eta f(w - eta v); seed-003-004 guide 1.3 [DERIVED]): with g = A x - b,
// phi(s) = f(x - s v) = f(x) - s <g, v> + s^2/2 <v, A v>, minimised at
//   s* = <g, v> / <v, A v>      (v = g: s* = g^T g / g^T A g).
// Rational, so exact in ov::rational. A is given as a matrix or as a Hessian-vector
// product. Status: zero_gradient if g = 0; not_a_descent_direction if <g, v> <= 0
// (the minimiser over s > 0 is s = 0); non_finite if <v, A v> <= 0 (f is unbounded
// below along the ray: the "step" is infinite) or if anything is not finite.
// No function evaluation is spent (values = gradients = 0, trials = 1).
#pragma once

#include <functional>

#include <Eigen/Core>

#include "optim/core/reductions.hpp"
#include "optim/line_search/line_search_result.hpp"

namespace ov::optim {

template <class S>
LineSearchResult<S> exact_quadratic_search(const Vector<S>& g, const Vector<S>& v,
                                           const std::function<Vector<S>(const Vector<S>&)>& hessian_times) {
  LineSearchResult<S> r;
  if (!all_finite(g) || !all_finite(v)) {
    r.status = LineSearchStatus::non_finite;
    return r;
  }
  if (squared_norm(g) == S(0)) {
    r.status = LineSearchStatus::zero_gradient;
    return r;
  }
  const S gv = dot(g, v);
  if (!(gv > S(0))) {
    r.status = LineSearchStatus::not_a_descent_direction;
    return r;
  }
  r.trials = 1;
  const Vector<S> av = hessian_times(v);
  const S curvature = dot(v, av);
  if (!ops::is_finite(curvature) || !(curvature > S(0))) {
    r.status = LineSearchStatus::non_finite;
    return r;
  }
  r.step = gv / curvature;
  r.status = ops::is_finite(r.step) ? LineSearchStatus::accepted : LineSearchStatus::non_finite;
  return r;
}

template <class S>
LineSearchResult<S> exact_quadratic_search(const Vector<S>& g, const Vector<S>& v,
                                           const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>& A) {
  return exact_quadratic_search<S>(g, v, [&A](const Vector<S>& u) { return Vector<S>(A * u); });
}

}  // namespace ov::optim
