// What one step of a LibTorch-layer optimizer did to one parameter group, for the caller
// to inspect (optimizer.last_outcomes()): the torch::optim::Optimizer interface returns
// only the loss, so a refused step would otherwise be silent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ov::gpu {

enum class StepStatus {
  taken,                        // the group's parameters and state were updated
  no_gradient,                  // no parameter of the group had a gradient: nothing to do
  refused_non_finite_gradient,  // some gradient is Inf/NaN: group unchanged (parameters and state)
  refused_non_finite_update,    // finite gradients, but the update overflowed or hit 0/0: group unchanged
  refused_undefined,            // the rule is undefined at this step (e.g. 004's Adam at k = 0): group unchanged
  refused_non_finite_value,     // closure rules: the loss is not finite at the current point: unchanged
  refused_search_failed         // closure rules: the line search did not terminate within its bound
};

inline const char* to_string(StepStatus s) {
  switch (s) {
    case StepStatus::taken: return "taken";
    case StepStatus::no_gradient: return "no_gradient";
    case StepStatus::refused_non_finite_gradient: return "refused_non_finite_gradient";
    case StepStatus::refused_non_finite_update: return "refused_non_finite_update";
    case StepStatus::refused_undefined: return "refused_undefined";
    case StepStatus::refused_non_finite_value: return "refused_non_finite_value";
    case StepStatus::refused_search_failed: return "refused_search_failed";
  }
  return "?";
}

struct StepOutcome {
  std::size_t group = 0;
  StepStatus status = StepStatus::taken;
  std::string message;                  // empty when taken; otherwise says what was refused and why
  std::int64_t updated = 0;             // parameters updated
  std::int64_t without_gradient = 0;    // parameters skipped because p.grad() is undefined
  std::string path;                     // how the update ran (e.g. "fused_cpu", "tensor_expressions")
  bool refused() const { return status != StepStatus::taken && status != StepStatus::no_gradient; }
};

// Implemented by every optimizer of the LibTorch layer, so that a training loop can ask any of
// them (dynamic_cast from torch::optim::Optimizer*) what its last step() did, per group.
class OutcomeReporter {
 public:
  virtual ~OutcomeReporter() = default;
  virtual const std::vector<StepOutcome>& last_outcomes() const = 0;
};

}  // namespace ov::gpu
