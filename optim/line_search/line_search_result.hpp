// The outcome of a (bounded) line search along a direction v, moving from x to
// x - step * v (the backtracking paper's convention, 000 (3), (6)).
#pragma once

#include <cstdint>
#include <optional>

namespace ov::optim {

enum class LineSearchStatus {
  accepted,                 // a step satisfying the search's conditions was found
  max_trials,               // the bound on trials was reached: no acceptable step (flagged, not looping)
  not_a_descent_direction,  // <g, v> <= 0 (with g != 0): no Armijo step can exist
  non_finite,               // a value, gradient or direction was not finite
  zero_gradient,            // g = 0: nothing to search (the point is critical)
};

inline const char* to_string(LineSearchStatus s) {
  switch (s) {
    case LineSearchStatus::accepted: return "accepted";
    case LineSearchStatus::max_trials: return "max_trials";
    case LineSearchStatus::not_a_descent_direction: return "not_a_descent_direction";
    case LineSearchStatus::non_finite: return "non_finite";
    case LineSearchStatus::zero_gradient: return "zero_gradient";
  }
  return "?";
}

template <class S>
struct LineSearchResult {
  LineSearchStatus status = LineSearchStatus::accepted;
  S step = S(0);               // the accepted step (or the last one tried)
  std::optional<S> value;      // f(x - step v) when it was evaluated
  int trials = 0;              // points tried
  std::int64_t values = 0;     // function evaluations spent
  std::int64_t gradients = 0;  // gradient evaluations spent

  bool accepted() const { return status == LineSearchStatus::accepted; }
};

}  // namespace ov::optim
