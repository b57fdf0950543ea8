// Armijo backtracking along a direction v (000_47ba9189a2c8a171.txt, §2.1 (6)-(7)
// and §2.2 "Inexact Backtracking GD" ii); seed-000-001-backtracking.md A3, A4):
//
//   the largest sigma in {delta0, delta0 beta, delta0 beta^2, ...} with
//       f(x - sigma v) - f(x) <= -alpha sigma <grad f(x), v>
//
// With v = grad f(x) this is delta(f, delta0, x) of (7)-(8). The paper's loop is
// unbounded (it terminates by Lemma 3.1 for a C^1 f and <g, v> > 0); here at most
// `max_trials` points are tried and exhausting them is reported as
// LineSearchStatus::max_trials, never looped on. The lattice is walked by one
// multiplication per trial (sigma <- beta sigma, exactly the paper's loop), so in
// ov::rational every trial is exactly delta0 beta^k.
//
// Statuses, checked in this order before any trial:
//   non_finite               f(x), a gradient or a direction coordinate is not finite
//   zero_gradient            g = 0 (the paper's sigma = delta0 "accepts" trivially,
//                            Lemma 3.1 proof; the caller decides what a critical point means)
//   not_a_descent_direction  <g, v> <= 0: no sigma > 0 can satisfy (6)
// A trial point or trial value that is not finite fails Armijo (the search shrinks).
#pragma once

#include <string>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/reductions.hpp"
#include "optim/line_search/armijo_condition.hpp"
#include "optim/line_search/line_search_result.hpp"

namespace ov::optim {

template <class S>
bool is_zero_vector(const Vector<S>& v) {
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (v[i] != S(0)) return false;
  return true;
}

// Checks done before any trial of an Armijo search; sets `slope` = <g, v>.
// Returns true if the search may go on.
template <class S>
bool armijo_preconditions(const S& f0, const Vector<S>& g, const Vector<S>& v, S& slope, LineSearchResult<S>& r) {
  if (!ops::is_finite(f0) || !all_finite(g) || !all_finite(v)) {
    r.status = LineSearchStatus::non_finite;
    return false;
  }
  if (is_zero_vector(g)) {
    r.status = LineSearchStatus::zero_gradient;
    return false;
  }
  slope = dot(g, v);
  if (!ops::is_finite(slope)) {
    r.status = LineSearchStatus::non_finite;
    return false;
  }
  if (!(slope > S(0))) {
    r.status = LineSearchStatus::not_a_descent_direction;
    return false;
  }
  return true;
}

template <class S>
class ArmijoBacktracking {
 public:
  static constexpr int default_max_trials = 100;

  // delta0 > 0, alpha in (0, 1), beta in (0, 1), max_trials >= 1 (000 §2.1, L89-93).
  ArmijoBacktracking(S delta0, S alpha, S beta, int max_trials = default_max_trials,
                     std::string owner = "armijo_backtracking")
      : delta0_(delta0), alpha_(alpha), beta_(beta), max_trials_(max_trials), owner_(std::move(owner)) {
    require_positive(owner_, "delta0", delta0_);
    require_open_unit(owner_, "alpha", alpha_);
    require_open_unit(owner_, "beta", beta_);
    require_count(owner_, "max_trials", max_trials_, 1);
  }

  // Searches from x along v, given f0 = f(x) and g = grad f(x) (already evaluated,
  // not counted here). On acceptance x_trial = x - step v and value = f(x_trial).
  LineSearchResult<S> search(Oracle<S>& f, const Vector<S>& x, const S& f0, const Vector<S>& g, const Vector<S>& v,
                             Vector<S>& x_trial) const {
    return search_from(delta0_, f, x, f0, g, v, x_trial);
  }

  // The same search on the lattice {start beta^k} (Backtracking MMT stage 2 starts
  // at sigma = 1: 000 §2.3, L219).
  LineSearchResult<S> search_from(const S& start, Oracle<S>& f, const Vector<S>& x, const S& f0,
                                  const Vector<S>& g, const Vector<S>& v, Vector<S>& x_trial) const {
    LineSearchResult<S> r;
    S slope(0);
    if (!armijo_preconditions(f0, g, v, slope, r)) return r;
    S sigma = start;
    for (int k = 0; k < max_trials_; ++k) {
      if (k > 0) sigma = beta_ * sigma;
      r.step = sigma;
      ++r.trials;
      x_trial = x - sigma * v;
      if (!all_finite(x_trial)) continue;
      const S ft = f.value(x_trial);
      ++r.values;
      r.value = ft;
      if (armijo_holds(ft, f0, alpha_, sigma, slope)) {
        r.status = LineSearchStatus::accepted;
        return r;
      }
    }
    r.status = LineSearchStatus::max_trials;
    return r;
  }

  const S& delta0() const { return delta0_; }
  const S& alpha() const { return alpha_; }
  const S& beta() const { return beta_; }
  int max_trials() const { return max_trials_; }

 private:
  S delta0_, alpha_, beta_;
  int max_trials_;
  std::string owner_;
};

}  // namespace ov::optim
