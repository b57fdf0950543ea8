// The interface every update rule implements (docs/design-optim.md).
#pragma once

#include <string>
#include <vector>

#include "optim/core/hyperparameter.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/step_report.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

template <class S>
class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // The registry name, e.g. "backtracking_gd".
  virtual std::string name() const = 0;
  // Every hyper-parameter with its value, for provenance.
  virtual std::vector<Hyperparameter> hyperparameters() const = 0;
  // One iteration. On a refusal (StepReport::refused()) x and the rule's internal
  // state are exactly as before the call.
  virtual StepReport<S> step(Oracle<S>& f, Vector<S>& x) = 0;
  // Forgets the internal state (momentum, previous step, iteration counter).
  virtual void reset() = 0;
};

}  // namespace ov::optim
