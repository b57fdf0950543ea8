// Finite differences in any floating precision S (float, double, float128,
// mp50, mp100), as an independent witness for analytic and autodiff derivatives.
// The verification of the problem library uses S = mp100 (fd::reference_scalar):
// a difference quotient there has ~66 correct digits, so a wrong derivative
// cannot hide behind truncation or rounding. Not for interval or rational (a
// difference quotient is neither an enclosure nor exact).
//
// Stencils (h_i = step along coordinate i, s_i = max(1, |x_i|)):
//   central     D(h) = (g(x + h e_i) - g(x - h e_i)) / (2h),  h = eps^(1/3) s_i.
//               Error: truncation h^2 |g'''| / 6 + rounding ~ eps |g| / h; the
//               step eps^(1/3) balances the two, leaving O(eps^(2/3)).
//   richardson  R(h) = (4 D(h/2) - D(h)) / 3,  h = eps^(1/5) s_i.
//               Error: truncation O(h^4) + rounding ~ eps |g| / h, balanced at
//               eps^(1/5), leaving O(eps^(4/5)).
// Steps are rounded so that x + h and x - h are exact in S ((x + h) - x == h).
//
// Maps: a scalar function f: Vec<S> -> S (gradient, directional derivative) or a
// vector map g: Vec<S> -> Vec<S> (Jacobian; the Hessian is the Jacobian of a
// gradient, analytic or autodiff).
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::fd {

using reference_scalar = mp100;

enum class Stencil { central, richardson };

struct Options {
  Stencil stencil = Stencil::central;
  // Multiplies the derived error bound in the checks (covers the O(h^4) /
  // O(h^6) terms neglected by the Richardson truncation estimate below).
  double safety = 8;
  // Relative error of one evaluation of the map, in units of eps (the rounding
  // term of the bound). Test functions are short formulas: 64 ulps is generous.
  double evaluation_ulps = 64;
};

namespace detail {

template <class S>
void require_floating() {
  static_assert(!std::is_same_v<S, interval> && !std::is_same_v<S, rational>,
                "ov::fd: finite differences need a floating scalar (float, double, float128, mp50, mp100)");
}

template <class S>
S epsilon() {
  return std::numeric_limits<S>::epsilon();
}

template <class S>
S root_of_epsilon(int k) {
  using std::exp;
  using std::log;
  return exp(log(epsilon<S>()) / S(k));
}

template <class S>
S max_abs(const Vec<S>& v) {
  using std::abs;
  S m(0);
  for (Eigen::Index i = 0; i < v.size(); ++i) m = abs(v[i]) > m ? S(abs(v[i])) : m;
  return m;
}

inline void check_size(Eigen::Index n, Eigen::Index expected, const char* what) {
  if (n != expected) {
    throw std::invalid_argument(std::string(what) + ": has size " + std::to_string(n) + ", expected " +
                                std::to_string(expected));
  }
}

template <class S, class G>
Vec<S> eval_map(const G& g, const Vec<S>& x) {
  return Vec<S>(g(x));
}

}  // namespace detail

// The step for coordinate value xi: eps^(1/3) max(1,|xi|) (central) or
// eps^(1/5) max(1,|xi|) (richardson), adjusted so that (xi + h) - xi == h.
template <class S>
S step(const S& xi, Stencil stencil) {
  detail::require_floating<S>();
  using std::abs;
  const S scale = abs(xi) > S(1) ? S(abs(xi)) : S(1);
  S h = detail::root_of_epsilon<S>(stencil == Stencil::central ? 3 : 5) * scale;
  const S xh = xi + h;  // no -ffast-math in this project: (xi + h) - xi is not folded
  h = xh - xi;
  return h;
}

// D(h) for a vector map along e_j: (g(x + h e_j) - g(x - h e_j)) / (2h).
// `value_scale` receives max(|g(x+h e_j)|, |g(x-h e_j)|) component-wise.
template <class S, class G>
Vec<S> central_quotient(const G& g, const Vec<S>& x, Eigen::Index j, const S& h, Vec<S>* value_scale = nullptr) {
  using std::abs;
  Vec<S> xp = x, xm = x;
  xp[j] += h;
  xm[j] -= h;
  Vec<S> gp = detail::eval_map(g, xp);
  Vec<S> gm = detail::eval_map(g, xm);
  detail::check_size(gm.size(), gp.size(), "fd: output of the vector map (changed between evaluations)");
  if (value_scale) value_scale->resize(gp.size());
  Vec<S> d(gp.size());
  for (Eigen::Index i = 0; i < gp.size(); ++i) {
    d[i] = (gp[i] - gm[i]) / (S(2) * h);
    if (value_scale) (*value_scale)[i] = abs(gp[i]) > abs(gm[i]) ? S(abs(gp[i])) : S(abs(gm[i]));
  }
  return d;
}

// A difference estimate of one Jacobian column with a derived error bound.
template <class S>
struct ColumnEstimate {
  Vec<S> derivative;   // the stencil's value
  Vec<S> error_bound;  // truncation estimate + rounding bound (not yet multiplied by Options::safety)
};

// d g / d x_j with its error bound.
//
// Derivation of the bound. With D(h) = g' + c2 h^2 + c4 h^4 + ... (central,
// c2 = g'''/6) the truncation error of D(h) is estimated from the same data as
//   |D(h) - g'| ~ |c2| h^2 = (4/3) |D(h) - D(h/2)|   (since D(h) - D(h/2) = (3/4) c2 h^2 + O(h^4)).
// For R(h) = (4 D(h/2) - D(h)) / 3 = g' + O(h^4) the same argument one level down
// gives |R(h) - g'| ~ (16/15) |R(h) - R(h/2)|.
// Rounding: each value g(x +- h e_j) carries an error <= u |g| with u =
// evaluation_ulps * eps, so D(h) carries <= u G / h (G = the largest |g_k(x +- h e_j)|
// over all components k: normwise, see below), D(h/2)
// <= 2 u G / h, and R(h) <= (4/3 * 2 + 1/3) u G / h = 3 u G / h. One more eps |D|
// covers the final division. The truncation estimate itself is computed from
// rounded quotients, so its own rounding error is covered by the same terms.
template <class S, class G>
ColumnEstimate<S> partial_with_error(const G& g, const Vec<S>& x, Eigen::Index j, const Options& o = {}) {
  detail::require_floating<S>();
  using std::abs;
  if (j < 0 || j >= x.size()) {
    throw std::invalid_argument("fd: coordinate index j = " + std::to_string(j) + " outside [0, " +
                                std::to_string(x.size()) + ")");
  }
  const S eps = detail::epsilon<S>();
  const S u = S(o.evaluation_ulps) * eps;
  const S h = step(x[j], o.stencil);
  Vec<S> scale;
  Vec<S> d1 = central_quotient(g, x, j, h, &scale);
  // Normwise rounding scale: a component of a vector map (a gradient A x) may be
  // a sum with cancellation, its rounding error then scales with the largest
  // output, not with itself.
  const S gmax = detail::max_abs(scale);
  Vec<S> d2 = central_quotient(g, x, j, S(h / 2));
  ColumnEstimate<S> e;
  e.error_bound.resize(d1.size());
  if (o.stencil == Stencil::central) {
    e.derivative = d1;
    for (Eigen::Index i = 0; i < d1.size(); ++i) {
      e.error_bound[i] = S(4) / 3 * abs(d1[i] - d2[i]) + u * gmax / h + eps * abs(d1[i]);
    }
  } else {
    Vec<S> d4 = central_quotient(g, x, j, S(h / 4));
    e.derivative.resize(d1.size());
    for (Eigen::Index i = 0; i < d1.size(); ++i) {
      S r1 = (S(4) * d2[i] - d1[i]) / 3;
      S r2 = (S(4) * d4[i] - d2[i]) / 3;
      e.derivative[i] = r1;
      e.error_bound[i] = S(16) / 15 * abs(r1 - r2) + S(3) * u * gmax / h + eps * abs(r1);
    }
  }
  return e;
}

// d g / d x_j without an error estimate (one quotient for central, two for richardson).
template <class S, class G>
Vec<S> partial(const G& g, const Vec<S>& x, Eigen::Index j, const Options& o = {}) {
  detail::require_floating<S>();
  if (j < 0 || j >= x.size()) {
    throw std::invalid_argument("fd: coordinate index j = " + std::to_string(j) + " outside [0, " +
                                std::to_string(x.size()) + ")");
  }
  const S h = step(x[j], o.stencil);
  Vec<S> d1 = central_quotient(g, x, j, h);
  if (o.stencil == Stencil::central) return d1;
  Vec<S> d2 = central_quotient(g, x, j, S(h / 2));
  return (S(4) * d2 - d1) / S(3);
}

// The m x n Jacobian of a vector map.
template <class S, class G>
Mat<S> jacobian(const G& g, const Vec<S>& x, const Options& o = {}) {
  Mat<S> jac;
  for (Eigen::Index j = 0; j < x.size(); ++j) {
    Vec<S> c = partial(g, x, j, o);
    if (j == 0) jac.resize(c.size(), x.size());
    detail::check_size(c.size(), jac.rows(), "fd::jacobian: output of the vector map");
    jac.col(j) = c;
  }
  return jac;
}

// The gradient of a scalar function f: Vec<S> -> S.
template <class S, class F>
Vec<S> gradient(const F& f, const Vec<S>& x, const Options& o = {}) {
  auto as_map = [&f](const Vec<S>& y) {
    Vec<S> r(1);
    r[0] = f(y);
    return r;
  };
  Mat<S> j = jacobian(as_map, x, o);
  return j.row(0).transpose();
}

// f'(x; v) along v (not necessarily a unit vector), with
// h = eps^(1/3) max(1, |x|_inf) / |v|_inf (central) or eps^(1/5) ... (richardson).
template <class S, class F>
S directional_derivative(const F& f, const Vec<S>& x, const Vec<S>& v, const Options& o = {}) {
  detail::require_floating<S>();
  detail::check_size(v.size(), x.size(), "fd::directional_derivative: direction v");
  const S vmax = detail::max_abs(v);
  if (vmax == S(0)) return S(0);
  const S h = step(detail::max_abs(x), o.stencil) / vmax;
  auto quotient = [&](const S& t) { return (f(Vec<S>(x + t * v)) - f(Vec<S>(x - t * v))) / (S(2) * t); };
  const S d1 = quotient(h);
  if (o.stencil == Stencil::central) return d1;
  return (S(4) * quotient(S(h / 2)) - d1) / S(3);
}

// The Hessian as the Jacobian of a gradient map grad: Vec<S> -> Vec<S>
// (analytic or autodiff), symmetrised: (J + J^T) / 2.
template <class S, class Grad>
Mat<S> hessian(const Grad& grad, const Vec<S>& x, const Options& o = {}) {
  Mat<S> j = jacobian(grad, x, o);
  detail::check_size(j.rows(), x.size(), "fd::hessian: output of the gradient map");
  Mat<S> h = (j + j.transpose()) / S(2);
  return h;
}

// The result of comparing claimed derivatives with finite differences.
template <class S>
struct DerivativeCheck {
  bool passed = true;
  Mat<S> estimate;   // the finite-difference values (m x n)
  Mat<S> tolerance;  // per-entry tolerance = safety * derived error bound + floor
  Mat<S> error;      // |claimed - estimate|
  // The entry with the largest error / tolerance ratio.
  Eigen::Index worst_row = 0, worst_col = 0;
  S worst_error = S(0), worst_tolerance = S(0);
  S max_abs_error = S(0);
  S max_rel_error = S(0);  // max |claimed - estimate| / max(|estimate|, 1)
  S ratio = S(0);          // max error / tolerance (passed iff <= 1)
};

// Checks a claimed m x n Jacobian of g at x. Per entry the tolerance is
//   safety * (derived bound of partial_with_error) + eps^(2/3) * max(1, |estimate|),
// the last term a floor for entries where the truncation estimate vanishes by
// accident (it is the central stencil's optimal accuracy, far below any real
// formula error: ~1e-66 relative in mp100).
template <class S, class G>
DerivativeCheck<S> check_jacobian(const G& g, const Mat<S>& claimed, const Vec<S>& x, const Options& o = {}) {
  detail::require_floating<S>();
  using std::abs;
  detail::check_size(claimed.cols(), x.size(), "fd::check_jacobian: columns of the claimed Jacobian");
  DerivativeCheck<S> r;
  const Eigen::Index m = claimed.rows(), n = x.size();
  r.estimate.resize(m, n);
  r.tolerance.resize(m, n);
  r.error.resize(m, n);
  const S floor_rel = detail::root_of_epsilon<S>(3) * detail::root_of_epsilon<S>(3);
  bool first = true;
  for (Eigen::Index j = 0; j < n; ++j) {
    ColumnEstimate<S> c = partial_with_error(g, x, j, o);
    detail::check_size(c.derivative.size(), m, "fd::check_jacobian: rows of the claimed Jacobian (outputs of the map)");
    for (Eigen::Index i = 0; i < m; ++i) {
      const S est = c.derivative[i];
      const S mag = abs(est) > S(1) ? S(abs(est)) : S(1);
      const S tol = S(o.safety) * c.error_bound[i] + floor_rel * mag;
      const S err = abs(claimed(i, j) - est);
      r.estimate(i, j) = est;
      r.tolerance(i, j) = tol;
      r.error(i, j) = err;
      const S ratio = err / tol;
      if (first || ratio > r.ratio) {
        r.ratio = ratio;
        r.worst_row = i;
        r.worst_col = j;
        r.worst_error = err;
        r.worst_tolerance = tol;
        first = false;
      }
      if (err > r.max_abs_error) r.max_abs_error = err;
      if (err / mag > r.max_rel_error) r.max_rel_error = err / mag;
      if (!(err <= tol)) r.passed = false;  // NaN fails
    }
  }
  return r;
}

// Checks a claimed gradient of f: Vec<S> -> S (a 1 x n Jacobian).
template <class S, class F>
DerivativeCheck<S> check_gradient(const F& f, const Vec<S>& claimed, const Vec<S>& x, const Options& o = {}) {
  detail::check_size(claimed.size(), x.size(), "fd::check_gradient: claimed gradient");
  auto as_map = [&f](const Vec<S>& y) {
    Vec<S> r(1);
    r[0] = f(y);
    return r;
  };
  Mat<S> row = claimed.transpose();
  return check_jacobian(as_map, row, x, o);
}

// Checks a claimed Hessian against differences of a gradient map (entry (i, j)
// against d grad_i / d x_j; no symmetrisation, so an asymmetric claim is caught).
template <class S, class Grad>
DerivativeCheck<S> check_hessian(const Grad& grad, const Mat<S>& claimed, const Vec<S>& x, const Options& o = {}) {
  detail::check_size(claimed.rows(), x.size(), "fd::check_hessian: rows of the claimed Hessian");
  return check_jacobian(grad, claimed, x, o);
}

// Converts a point to another floating scalar (exact when widening from double).
template <class S, class X>
Vec<S> convert(const Vec<X>& x) {
  Vec<S> y(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if constexpr (std::is_same_v<S, X>) {
      y[i] = x[i];
    } else {
      y[i] = static_cast<S>(x[i]);
    }
  }
  return y;
}

}  // namespace ov::fd
