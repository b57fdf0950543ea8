// Weak and strong Wolfe line searches along v, moving x -> x - s v (000 (3), (6)).
// With phi(s) = f(x - s v), phi'(s) = -<grad f(x - s v), v>, the conditions of 000
// section 2.6 (L336-L340; seed-000-001 guide A11), 1 > c2 > c1 > 0, are
//   Armijo:          f(x - s v) - f(x) <= -c1 s <g, v>
//   weak curvature:  <grad f(x - s v), v> <= c2 <g, v>
//   strong:          |<grad f(x - s v), v>| <= c2 |<g, v>|   (Nocedal-Wright (3.7))
// The documents give no values for c1, c2 ("for some fixed constants"); the defaults
// c1 = 1e-4, c2 = 0.9 are Nocedal & Wright's (Numerical Optimization, section 3.1), not
// 000's. The search is Nocedal-Wright Algorithm 3.5 (bracketing: double the step) and
// 3.6 (zoom: bisection, no interpolation, so it is exact in rational), written from the
// conditions; the same bracketing is valid for the weak condition. Every point tried
// is one value and one gradient evaluation; at most max_trials points are tried.
// A trial whose value or gradient is not finite counts as "too far" (shrinks the
// bracket), as an Armijo failure would.
#pragma once

#include "optim/core/hyperparameter.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/reductions.hpp"
#include "optim/line_search/line_search_result.hpp"

namespace ov::optim {

enum class WolfeKind { weak, strong };

template <class S>
struct WolfeParameters {
  S c1 = ops::ratio<S>(1, 10000);
  S c2 = ops::ratio<S>(9, 10);
  S initial_step = S(1);
  int max_trials = 50;
  WolfeKind kind = WolfeKind::strong;

  void validate() const {
    const char* rule = kind == WolfeKind::strong ? "strong_wolfe" : "weak_wolfe";
    require(ops::is_finite(c1) && c1 > S(0) && c1 < S(1), rule, "c1", c1, "(0, c2)");
    require(ops::is_finite(c2) && c2 > c1 && c2 < S(1), rule, "c2", c2, "(c1, 1)");
    require_positive(rule, "initial_step", initial_step);
    require_count(rule, "max_trials", max_trials, 1);
  }
};

namespace wolfe_detail {

template <class S>
struct Trial {
  S s, phi, dphi;  // dphi = phi'(s) = -<grad f(x - s v), v>
  bool finite;
};

}  // namespace wolfe_detail

// Whether step s satisfies the chosen Wolfe conditions (used by the search and by tests).
template <class S>
bool wolfe_conditions_hold(const S& s, const S& fx, const S& gv, const S& f_new, const S& g_new_v,
                           const WolfeParameters<S>& p) {
  if (!(f_new - fx <= -(p.c1 * s * gv))) return false;
  if (p.kind == WolfeKind::weak) return g_new_v <= p.c2 * gv;
  return ops::abs(g_new_v) <= p.c2 * ops::abs(gv);
}

template <class S>
LineSearchResult<S> wolfe_search(Oracle<S>& f, const Vector<S>& x, const S& fx, const Vector<S>& g,
                                 const Vector<S>& v, const WolfeParameters<S>& p) {
  p.validate();
  LineSearchResult<S> r;
  r.step = S(0);
  if (!ops::is_finite(fx) || !all_finite(g) || !all_finite(v)) {
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
  const S dphi0 = -gv;
  using T = wolfe_detail::Trial<S>;
  Vector<S> gs(x.size());
  auto eval = [&](const S& s) {
    ++r.trials;
    ++r.values;
    ++r.gradients;
    const Vector<S> xs = x - s * v;
    const S phi = f.value_and_gradient(xs, gs);
    const bool fin = ops::is_finite(phi) && all_finite(gs);
    r.step = s;
    if (fin) r.value = phi; else r.value.reset();
    return T{s, phi, fin ? S(-dot(gs, v)) : S(0), fin};
  };
  auto armijo = [&](const T& t) { return t.finite && t.phi <= fx + p.c1 * t.s * dphi0; };
  auto curvature = [&](const T& t) {
    return p.kind == WolfeKind::weak ? t.dphi >= p.c2 * dphi0 : ops::abs(t.dphi) <= -(p.c2 * dphi0);
  };
  auto accept = [&](const T& t) {
    r.status = LineSearchStatus::accepted;
    r.step = t.s;
    r.value = t.phi;
    return r;
  };
  auto fail = [&]() {
    r.status = LineSearchStatus::max_trials;
    return r;
  };
  // Algorithm 3.6 (zoom) with bisection; lo satisfies Armijo and has the lowest value so far.
  auto zoom = [&](T lo, T hi) -> LineSearchResult<S> {
    while (r.trials < p.max_trials) {
      const T t = eval((lo.s + hi.s) / S(2));
      if (!armijo(t) || t.phi >= lo.phi) {
        hi = t;
      } else {
        if (curvature(t)) return accept(t);
        if (t.dphi * (hi.s - lo.s) >= S(0)) hi = lo;
        lo = t;
      }
    }
    return fail();
  };
  // Algorithm 3.5 (bracketing).
  T prev{S(0), fx, dphi0, true};
  S s = p.initial_step;
  while (r.trials < p.max_trials) {
    const T t = eval(s);
    if (!armijo(t) || (r.trials > 1 && t.phi >= prev.phi)) return zoom(prev, t);
    if (curvature(t)) return accept(t);
    if (t.dphi >= S(0)) return zoom(t, prev);
    prev = t;
    s = S(2) * s;
  }
  return fail();
}

}  // namespace ov::optim
