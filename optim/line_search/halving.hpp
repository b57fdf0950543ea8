// The halving line search of 004 section 2.3, Algorithm 1, eqs (5)-(7)
// (seed-003-004 guide 1.3): start with eta = 1 and halve eta until the STRICT decrease
// f(w - eta v) < f(w) holds (004 uses v = grad f(w)); no sufficient-decrease constant.
// Guards the document lacks:
//   - ZERO GRADIENT: if grad f(w) = 0 then f(w - eta g) = f(w) for every eta and 004's
//     loop never ends; we return zero_gradient after 0 trials.
//   - a direction with <g, v> <= 0 (g != 0) is refused (not_a_descent_direction): the
//     strict decrease need not hold for any small step;
//   - the loop is bounded by max_trials (status max_trials): with a flat f along v, or
//     rounding (f(w - eta g) == f(w) in floating point once eta ||g|| is below the ulp),
//     004's loop would not terminate;
//   - a non-finite trial value counts as "no decrease" (halve again).
#pragma once

#include "optim/core/hyperparameter.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/reductions.hpp"
#include "optim/line_search/line_search_result.hpp"

namespace ov::optim {

template <class S>
struct HalvingParameters {
  S initial_step = S(1);  // 004 Alg. 1: eta := 1
  int max_trials = 60;    // ours: 004 has no bound

  void validate() const {
    require_positive("halving", "initial_step", initial_step);
    require_count("halving", "max_trials", max_trials, 1);
  }
};

template <class S>
LineSearchResult<S> halving_search(Oracle<S>& f, const Vector<S>& x, const S& fx, const Vector<S>& g,
                                   const Vector<S>& v, const HalvingParameters<S>& p) {
  p.validate();
  LineSearchResult<S> r;
  if (!ops::is_finite(fx) || !all_finite(g) || !all_finite(v)) {
    r.status = LineSearchStatus::non_finite;
    return r;
  }
  if (squared_norm(g) == S(0)) {  // the guard 004 lacks
    r.status = LineSearchStatus::zero_gradient;
    return r;
  }
  if (!(dot(g, v) > S(0))) {
    r.status = LineSearchStatus::not_a_descent_direction;
    return r;
  }
  S eta = p.initial_step;
  while (r.trials < p.max_trials) {
    ++r.trials;
    ++r.values;
    const S fe = f.value(Vector<S>(x - eta * v));
    r.step = eta;
    if (ops::is_finite(fe)) r.value = fe; else r.value.reset();
    if (ops::is_finite(fe) && fe < fx) {  // 004 (6): strict decrease
      r.status = LineSearchStatus::accepted;
      return r;
    }
    eta = eta / S(2);
  }
  r.status = LineSearchStatus::max_trials;
  return r;
}

}  // namespace ov::optim
