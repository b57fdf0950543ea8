#include "nets/experiments/gd_phases.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "nets/experiments/experiment_common.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::nets::experiments {

void GdPhaseOptions::validate() const {
  auto bad = [](const std::string& what) { throw std::invalid_argument("gd phases: " + what); };
  if (!(std::isfinite(lr) && lr > 0)) bad("lr = " + std::to_string(lr) + " is outside its valid range (0, inf)");
  if (phase1_steps < 0) bad("phase1_steps = " + std::to_string(phase1_steps) + " is outside its valid range [0, inf)");
  if (phase2_steps < 0) bad("phase2_steps = " + std::to_string(phase2_steps) + " is outside its valid range [0, inf)");
  if (halving_patience < 1) bad("halving_patience = " + std::to_string(halving_patience) + " is outside its valid range [1, inf)");
  if (stop_patience < 1) bad("stop_patience = " + std::to_string(stop_patience) + " is outside its valid range [1, inf)");
  if (!(stop_min_delta >= 0)) bad("stop_min_delta = " + std::to_string(stop_min_delta) + " is outside its valid range [0, inf)");
}

GdPhaseResult run_gd_phases(const optim::Objective<double>& f, optim::Vector<double> theta,
                            const GdPhaseOptions& o) {
  o.validate();
  if (theta.size() != f.dim()) {
    throw std::invalid_argument("gd phases: theta0 has " + std::to_string(theta.size()) + " entries, the objective " +
                                std::to_string(f.dim()));
  }
  ValueRecording rec(f);
  optim::Oracle<double> oracle(rec);
  GdPhaseResult r;
  double lr = o.lr;
  bool stopped = false;
  for (int phase = 1; phase <= 2 && !stopped; ++phase) {
    const long budget = phase == 1 ? o.phase1_steps : o.phase2_steps;
    optim::Sgd<double> gd(optim::SgdOptions<double>{lr});
    double best = std::numeric_limits<double>::infinity(), plateau_best = best;
    long wait = 0, plateau_wait = 0;
    for (long k = 0; k < budget; ++k) {
      const auto rep = gd.step(oracle, theta);
      const double c = rec.last_value();
      ++r.steps;
      if (phase == 1) ++r.phase1_steps;
      if (o.record_trace) {
        r.costs.push_back(c);
        r.lrs.push_back(lr);
      }
      if (rep.refused() || !std::isfinite(c)) {
        r.stop_reason = "non_finite";
        stopped = true;
        break;
      }
      if (rep.status == optim::StepStatus::stationary) {
        r.stop_reason = "stationary";
        stopped = true;
        break;
      }
      if (phase == 2) {
        if (c < plateau_best) {
          plateau_best = c;
          plateau_wait = 0;
        } else if (++plateau_wait >= o.halving_patience) {
          lr /= 2;
          ++r.halvings;
          plateau_wait = 0;
          gd = optim::Sgd<double>(optim::SgdOptions<double>{lr});
        }
      }
      if (c < best - o.stop_min_delta) {
        best = c;
        wait = 0;
      } else if (++wait >= o.stop_patience) {
        r.stop_reason = "patience";
        stopped = true;
        break;
      }
    }
  }
  if (!stopped) r.stop_reason = "max_steps";
  r.final_lr = lr;
  r.final_cost = f.value(theta);
  r.theta = std::move(theta);
  return r;
}

}  // namespace ov::nets::experiments
