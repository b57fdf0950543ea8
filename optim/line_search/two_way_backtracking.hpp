// Two-way backtracking (000_47ba9189a2c8a171.txt §2.5, L241; slides
// 001_ca0824e53e7404e9.txt S-L657-664; seed-000-001-backtracking.md A9):
//
//   sigma = start (the previous step delta_{n-1})
//   if sigma fails Armijo:  sigma <- beta sigma until it holds            (shrink)
//   else: while sigma / beta <= cap and sigma / beta satisfies Armijo:
//           sigma <- sigma / beta                                         (grow)
//
// The cap is delta0 in the paper ("and still does not exceed delta0") and "an upper
// limit (say 100)" on the slides; it is a parameter here (TwoWayCap names both).
// A start above the cap is first lowered to the cap. Both phases together try at
// most `max_trials` points: a shrink that exhausts them is LineSearchStatus::
// max_trials; a growth that exhausts them keeps the last Armijo step (accepted) and
// sets growth_truncated. The growth ends with one rejected trial (the paper's test
// of sigma / beta), unless it stops at the cap.
#pragma once

#include <string>

#include "optim/line_search/armijo_backtracking.hpp"

namespace ov::optim {

template <class S>
struct TwoWaySearchResult : LineSearchResult<S> {
  bool grew = false;              // the start satisfied Armijo (growth phase ran)
  bool growth_truncated = false;  // the growth stopped at max_trials, not at the cap or a failure
};

// The two documented caps.
struct TwoWayCap {
  template <class S>
  static S paper(const S& delta0) { return delta0; }  // 000 §2.5, L241
  template <class S>
  static S slides() { return S(100); }                // 001 S-L664 "say 100"
};

template <class S>
class TwoWayBacktracking {
 public:
  static constexpr int default_max_trials = 100;

  TwoWayBacktracking(S cap, S alpha, S beta, int max_trials = default_max_trials,
                     std::string owner = "two_way_backtracking")
      : cap_(cap), alpha_(alpha), beta_(beta), max_trials_(max_trials), owner_(std::move(owner)) {
    require_positive(owner_, "cap", cap_);
    require_open_unit(owner_, "alpha", alpha_);
    require_open_unit(owner_, "beta", beta_);
    require_count(owner_, "max_trials", max_trials_, 2);
  }

  TwoWaySearchResult<S> search(const S& start, Oracle<S>& f, const Vector<S>& x, const S& f0, const Vector<S>& g,
                               const Vector<S>& v, Vector<S>& x_trial) const {
    TwoWaySearchResult<S> r;
    S slope(0);
    if (!armijo_preconditions(f0, g, v, slope, r)) return r;
    S sigma = ops::min(start, cap_);
    auto trial = [&](const S& s, Vector<S>& point, S& value) {
      ++r.trials;
      point = x - s * v;
      if (!all_finite(point)) return false;
      value = f.value(point);
      ++r.values;
      return armijo_holds(value, f0, alpha_, s, slope);
    };
    S value(0);
    r.step = sigma;
    if (trial(sigma, x_trial, value)) {
      r.grew = true;
      r.value = value;
      Vector<S> candidate;
      S cvalue(0);
      for (;;) {
        const S up = sigma / beta_;
        if (up > cap_) break;
        if (r.trials >= max_trials_) {
          r.growth_truncated = true;
          break;
        }
        if (!trial(up, candidate, cvalue)) break;
        sigma = up;
        x_trial.swap(candidate);
        r.value = cvalue;
      }
      r.step = sigma;
      r.status = LineSearchStatus::accepted;
      return r;
    }
    while (r.trials < max_trials_) {
      sigma = beta_ * sigma;
      r.step = sigma;
      if (trial(sigma, x_trial, value)) {
        r.value = value;
        r.status = LineSearchStatus::accepted;
        return r;
      }
    }
    r.status = LineSearchStatus::max_trials;
    return r;
  }

  const S& cap() const { return cap_; }
  const S& alpha() const { return alpha_; }
  const S& beta() const { return beta_; }
  int max_trials() const { return max_trials_; }

 private:
  S cap_, alpha_, beta_;
  int max_trials_;
  std::string owner_;
};

}  // namespace ov::optim
