// The outcome of one iteration of an update rule.
#pragma once

#include <optional>
#include <string>

namespace ov::optim {

enum class StepStatus {
  taken,                        // x moved (or stayed, for a zero step that is legitimately taken)
  stationary,                   // the gradient is exactly zero: x is a critical point, nothing to do
  refused_non_finite_value,     // f is not finite at x: x and state unchanged
  refused_non_finite_gradient,  // the gradient is not finite: x and state unchanged
  refused_non_finite_update,    // the proposed update is not finite: x and state unchanged
  refused_search_failed,        // a bounded search found no acceptable step: x and state unchanged
  refused_undefined,            // the rule is undefined here (e.g. a division by zero as printed)
};

inline const char* to_string(StepStatus s) {
  switch (s) {
    case StepStatus::taken: return "taken";
    case StepStatus::stationary: return "stationary";
    case StepStatus::refused_non_finite_value: return "refused: non-finite value";
    case StepStatus::refused_non_finite_gradient: return "refused: non-finite gradient";
    case StepStatus::refused_non_finite_update: return "refused: non-finite update";
    case StepStatus::refused_search_failed: return "refused: search failed";
    case StepStatus::refused_undefined: return "refused: undefined";
  }
  return "?";
}

inline bool is_refusal(StepStatus s) { return s != StepStatus::taken && s != StepStatus::stationary; }

template <class S>
struct StepReport {
  StepStatus status = StepStatus::taken;
  std::optional<S> step_size;    // delta_n, the learning rate used, or the line-search step
  int trials = 0;                // line-search trials (0 for rules without a search)
  std::optional<S> value;        // f (on the batch) at the OLD point, when the rule computed it
  std::optional<S> grad_norm;    // ||g|| at the OLD point, when the rule computed it
  std::string message;           // why, for refusals; free text otherwise

  bool refused() const { return is_refusal(status); }

  static StepReport refuse(StepStatus s, std::string why) {
    StepReport r;
    r.status = s;
    r.message = std::move(why);
    return r;
  }
};

}  // namespace ov::optim
