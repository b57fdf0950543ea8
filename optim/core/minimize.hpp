// The driver: iterate a rule until a stopping criterion, recording a trace and
// calling callbacks (docs/design-optim.md).
//
// Monitoring: every `monitor_every` iterations (and after the last one) the driver
// evaluates f and ||grad f|| at the new iterate on the WHOLE objective, through
// Objective directly, so these evaluations are not charged to the rule (the rule's
// counts stay the algorithm's cost). monitor_every = 0 turns it off.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "optim/core/callbacks.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/core/trace.hpp"

namespace ov::optim {

enum class StopReason {
  max_iterations,      // the iteration budget was spent
  gradient_tolerance,  // the monitored ||grad f|| fell to the tolerance
  stationary,          // the rule met an exactly zero gradient
  refused,             // the rule refused `max_consecutive_refusals` steps in a row (see message)
  callback,            // a callback asked to stop (see message)
};

inline const char* to_string(StopReason r) {
  switch (r) {
    case StopReason::max_iterations: return "max_iterations";
    case StopReason::gradient_tolerance: return "gradient_tolerance";
    case StopReason::stationary: return "stationary";
    case StopReason::refused: return "refused";
    case StopReason::callback: return "callback";
  }
  return "?";
}

template <class S>
struct RunOptions {
  std::int64_t max_iterations = 1000;
  std::optional<S> gradient_tolerance;    // stop when the monitored ||grad f|| <= this
  std::int64_t monitor_every = 1;         // 0: never monitor (only the final point)
  std::int64_t max_consecutive_refusals = 1;
  bool record_trace = true;
};

template <class S>
struct RunResult {
  Vector<S> x;
  std::optional<S> value;       // f(x) on the whole objective (monitor)
  std::optional<S> grad_norm;   // ||grad f(x)|| (not for scalars without sqrt: rationals)
  std::optional<S> squared_grad_norm;
  std::int64_t iterations = 0;  // steps attempted
  Evaluations evaluations;      // the rule's evaluations
  StopReason reason = StopReason::max_iterations;
  std::string message;
  Trace<S> trace;
  double seconds = 0;
};

template <class S>
RunResult<S> minimize(Optimizer<S>& opt, Oracle<S>& f, Vector<S>& x, const RunOptions<S>& options = {},
                      const std::vector<Callback<S>*>& callbacks = {}) {
  if (options.max_iterations < 0) {
    throw std::invalid_argument("minimize: max_iterations = " + std::to_string(options.max_iterations) +
                                " is outside its valid range [0, inf)");
  }
  if (x.size() != f.dim()) {
    throw std::invalid_argument("minimize: x0 has " + std::to_string(x.size()) + " coordinates, the objective " +
                                std::to_string(f.dim()));
  }
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  RunResult<S> res;
  for (auto* c : callbacks) c->begin(x, options.max_iterations);
  auto monitor = [&](TraceRow<S>& row) {
    Vector<S> g;
    row.value = f.objective().value_and_gradient(x, g);
    row.squared_grad_norm = squared_norm(g);
    if constexpr (ops::has_sqrt_v<S>) row.grad_norm = ops::sqrt(*row.squared_grad_norm);
  };
  std::int64_t refusals = 0;
  bool stop = false;
  for (std::int64_t k = 0; k < options.max_iterations && !stop; ++k) {
    f.next_batch();
    const StepReport<S> rep = opt.step(f, x);
    res.iterations = k + 1;
    TraceRow<S> row;
    row.iteration = k;
    row.step_size = rep.step_size;
    row.trials = rep.trials;
    row.evaluations = f.evaluations();
    row.epoch = f.epoch();
    row.status = rep.status;
    const bool last = k + 1 == options.max_iterations;
    if (options.monitor_every > 0 && ((k + 1) % options.monitor_every == 0 || last)) monitor(row);
    row.seconds = std::chrono::duration<double>(clock::now() - t0).count();

    if (rep.status == StepStatus::stationary) {
      res.reason = StopReason::stationary;
      res.message = "the gradient is exactly zero at iteration " + std::to_string(k);
      stop = true;
    } else if (rep.refused()) {
      if (++refusals >= options.max_consecutive_refusals) {
        res.reason = StopReason::refused;
        res.message = std::string(to_string(rep.status)) + " at iteration " + std::to_string(k) +
                      (rep.message.empty() ? "" : ": " + rep.message);
        stop = true;
      }
    } else {
      refusals = 0;
    }
    if (!stop && options.gradient_tolerance && row.squared_grad_norm &&
        *row.squared_grad_norm <= *options.gradient_tolerance * *options.gradient_tolerance) {
      res.reason = StopReason::gradient_tolerance;
      res.message = "||grad f||^2 = " + ops::to_string(*row.squared_grad_norm) + " <= (" +
                    ops::to_string(*options.gradient_tolerance) + ")^2";
      stop = true;
    }
    for (auto* c : callbacks) {
      bool s = c->step_taken(row, x);
      if (f.epoch_ended()) s = c->epoch_end(f.epoch(), row) || s;
      if (s && !stop) {
        res.reason = StopReason::callback;
        res.message = c->stop_message().empty() ? "stopped by a callback" : c->stop_message();
        stop = true;
      }
    }
    if (options.record_trace) res.trace.push_back(std::move(row));
  }
  res.x = x;
  res.evaluations = f.evaluations();
  {
    Vector<S> g;
    res.value = f.objective().value_and_gradient(x, g);
    res.squared_grad_norm = squared_norm(g);
    if constexpr (ops::has_sqrt_v<S>) res.grad_norm = ops::sqrt(*res.squared_grad_norm);
  }
  res.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  if (res.message.empty()) res.message = std::to_string(res.iterations) + " iterations";
  for (auto* c : callbacks) c->end(x, to_string(res.reason));
  return res;
}

}  // namespace ov::optim
