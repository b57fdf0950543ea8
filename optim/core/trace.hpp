// One row per iteration of a run (docs/design-optim.md, "Driver, trace and callbacks").
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "optim/core/oracle.hpp"
#include "optim/core/step_report.hpp"

namespace ov::optim {

template <class S>
struct TraceRow {
  std::int64_t iteration = 0;      // k: the row describes the step from x_k to x_{k+1}
  std::optional<S> value;          // monitor: f(x_{k+1}) on the whole objective
  std::optional<S> grad_norm;      // monitor: ||grad f(x_{k+1})|| (absent for scalars without sqrt)
  std::optional<S> squared_grad_norm;  // monitor: ||grad f(x_{k+1})||^2 (always, exact in rational)
  std::optional<S> step_size;      // from the rule
  int trials = 0;                  // line-search trials in this step
  Evaluations evaluations;         // the rule's cumulative counts after this step
  std::size_t epoch = 0;           // completed epochs (stochastic runs)
  double seconds = 0;              // wall time since the start of the run
  StepStatus status = StepStatus::taken;
};

template <class S>
using Trace = std::vector<TraceRow<S>>;

}  // namespace ov::optim
