// Full-batch gradient descent with the phases of 003 §5.1 (003_61d556b637c4f269.txt
// L985: "We let gradient descent make 40,000 steps with fixed step size and then
// adaptively lowered the step size (after 50 steps without descent, the step size was
// halved). The method was stopped after 10,000 steps in which the cost improved less
// than 1e-7 or at the latest after 120,000 steps.").
//
// Our reading (the author's code, [REPO] guide §3.2: two Keras fit() calls, phase 1
// with EarlyStopping, phase 2 with EarlyStopping + ReduceLROnPlateau; callbacks start
// afresh in each call):
//   step k: c_k = f(theta_k) and g_k = grad f(theta_k) (one backpropagation),
//           theta_{k+1} = theta_k - lr g_k (optim::Sgd on a full-batch Oracle);
//   stop rule (both phases): best <- c_k and wait <- 0 when c_k < best - min_delta,
//           else wait <- wait + 1; stop when wait reaches stop_patience;
//   halving (phase 2 only): plateau_best <- c_k and plateau_wait <- 0 when
//           c_k < plateau_best ("descent"), else plateau_wait + 1; when it reaches
//           halving_patience, lr <- lr / 2 (used from the next step) and plateau_wait <- 0;
//   phase 1: at most phase1_steps steps at the fixed lr; phase 2: at most phase2_steps
//   more (so at most 120,000 in all by default); the stop rule ends the whole run in
//   either phase (the document's wording), its counters restart at phase 2 (Keras
//   callbacks restart with each fit());
//   a zero gradient (an exact fixed point of GD) stops at once ("stationary"); a
//   non-finite value or gradient stops the run ("non_finite").
// The halving test runs before the stop test at the end of a step.
#pragma once

#include <string>
#include <vector>

#include "optim/core/objective.hpp"

namespace ov::nets::experiments {

struct GdPhaseOptions {
  double lr = 1;               // the fixed step of phase 1 ([REPO] 1 / 0.5 / 0.1 for 1 / 2 / 3 hidden layers)
  long phase1_steps = 40000;   // [DOC] L985
  long phase2_steps = 80000;   // [DOC] "at the latest after 120,000 steps"
  long halving_patience = 50;  // [DOC] "after 50 steps without descent"
  long stop_patience = 10000;  // [DOC] "10,000 steps in which the cost improved less than 1e-7"
  double stop_min_delta = 1e-7;
  bool record_trace = false;   // keep c_k and the lr of every step (tests)

  // Throws std::invalid_argument naming the field unless lr > 0 finite, phase steps >= 0,
  // patiences >= 1 and min_delta >= 0.
  void validate() const;
};

struct GdPhaseResult {
  optim::Vector<double> theta;  // the final point
  double final_cost = 0;        // f(theta) at the final point
  long steps = 0;               // gradient steps taken (phase 1 + phase 2)
  long phase1_steps = 0;
  int halvings = 0;
  double final_lr = 0;
  std::string stop_reason;      // "patience", "max_steps", "stationary", "non_finite"
  std::vector<double> costs;    // c_k (record_trace)
  std::vector<double> lrs;      // lr used at step k (record_trace)
};

GdPhaseResult run_gd_phases(const optim::Objective<double>& f, optim::Vector<double> theta0,
                            const GdPhaseOptions& options);

}  // namespace ov::nets::experiments
