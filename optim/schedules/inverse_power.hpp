// alpha_k = gamma0 / (k + 1)^a, a >= 0: 002 Fig. 2.4 (gamma_0 (k+1)^(-q), q <= 1/2; the
// legend writes gamma_0 k^(-q), which is infinite at k = 0) and Assumption 2.1's
// example C (k+1)^(-a), a in (0, 1]. Equal to polynomial with beta = 1.
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class InversePowerSchedule : public Schedule<S> {
 public:
  InversePowerSchedule(S gamma0, S a) : gamma0_(std::move(gamma0)), a_(std::move(a)) {
    require_positive("inverse_power", "gamma0", gamma0_);
    require_nonnegative("inverse_power", "a", a_);
  }
  S at(long k) const override {
    schedule_detail::require_index(k);
    return gamma0_ * schedule_detail::power(S(k + 1), S(-a_));
  }
  SeriesProperties properties() const override { return schedule_detail::power_law(a_, "a"); }
  std::string describe() const override {
    return "inverse_power: gamma0 = " + ops::to_string(gamma0_) + ", a = " + ops::to_string(a_);
  }

 private:
  S gamma0_, a_;
};

}  // namespace ov::optim
