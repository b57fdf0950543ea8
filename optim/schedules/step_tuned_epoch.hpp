// The per-epoch decay of Step-Tuned SGD as run in 002's experiments (Ch. 4, L2395;
// seed-002 guide 3.3): alpha_k = alpha / q^(1/2 + delta), q = (epoch index) + 1 =
// floor(k / iterations_per_epoch) + 1, delta in (0, 1/2) (default 1/1000, footnote 2,
// L2348). The thesis does not say whether q starts at 0 or 1; it must be 1 (q = 0
// divides by zero). Algorithm 3 itself decays per iteration, (k+1)^(1/2+delta): that is
// inverse_power with a = 1/2 + delta. The adaptive factor gamma_k of Step-Tuned SGD is
// the rule's business, not the schedule's.
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class StepTunedEpochSchedule : public Schedule<S> {
 public:
  StepTunedEpochSchedule(S alpha, S delta, long iterations_per_epoch)
      : alpha_(std::move(alpha)), delta_(std::move(delta)), per_epoch_(iterations_per_epoch) {
    require_positive("step_tuned_epoch", "alpha", alpha_);
    require(ops::is_finite(delta_) && delta_ > S(0) && S(2) * delta_ < S(1), "step_tuned_epoch", "delta", delta_,
            "(0, 1/2)");
    require_count("step_tuned_epoch", "iterations_per_epoch", per_epoch_, 1);
  }
  S at(long k) const override {
    schedule_detail::require_index(k);
    const long q = k / per_epoch_ + 1;
    return alpha_ * schedule_detail::power(S(q), S(-(S(1) / S(2) + delta_)));
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    // Each value is repeated E = iterations_per_epoch times: sum_k alpha_k = E alpha sum_q q^-(1/2+delta).
    return {yes("E times the p-series with p = 1/2 + delta < 1: diverges"),
            yes("E times the p-series with p = 1 + 2 delta > 1: converges"), yes("q^-(1/2+delta) log k -> 0")};
  }
  std::string describe() const override {
    return "step_tuned_epoch: alpha = " + ops::to_string(alpha_) + ", delta = " + ops::to_string(delta_) +
           ", iterations_per_epoch = " + std::to_string(per_epoch_);
  }

 private:
  S alpha_, delta_;
  long per_epoch_;
};

}  // namespace ov::optim
