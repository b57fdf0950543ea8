// Turns a line search that did not accept a step into the rule's refusal report
// (x and the rule's state stay unchanged: docs/design-optim.md, "Refusal").
#pragma once

#include <string>

#include "optim/core/step_report.hpp"
#include "optim/line_search/line_search_result.hpp"

namespace ov::optim {

template <class S>
StepReport<S> refusal_from_search(const std::string& rule, const LineSearchResult<S>& r, int max_trials) {
  StepStatus s = StepStatus::refused_search_failed;
  std::string why;
  switch (r.status) {
    case LineSearchStatus::max_trials:
      why = "no Armijo step within max_trials = " + std::to_string(max_trials) + " trials (last step tried " +
            ops::to_string(r.step) + ")";
      break;
    case LineSearchStatus::not_a_descent_direction:
      s = StepStatus::refused_undefined;
      why = "<grad f, v> <= 0: not a descent direction";
      break;
    case LineSearchStatus::non_finite:
      s = StepStatus::refused_non_finite_update;
      why = "a value, gradient or direction is not finite";
      break;
    case LineSearchStatus::zero_gradient:
      s = StepStatus::stationary;
      why = "the gradient is exactly zero";
      break;
    case LineSearchStatus::accepted:
      s = StepStatus::taken;
      break;
  }
  StepReport<S> rep = StepReport<S>::refuse(s, rule + ": " + why);
  rep.trials = r.trials;
  return rep;
}

}  // namespace ov::optim
