// alpha_k = gamma0 / (k + 1): 004 section 4.1 "eta^(k) = 1/k" (k >= 1 there, k >= 0 here).
// Satisfies Robbins-Monro (seed-003-004 guide 1.3).
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class InverseLinearSchedule : public Schedule<S> {
 public:
  explicit InverseLinearSchedule(S gamma0) : gamma0_(std::move(gamma0)) {
    require_positive("inverse_linear", "gamma0", gamma0_);
  }
  S at(long k) const override {
    schedule_detail::require_index(k);
    return gamma0_ / S(k + 1);
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    return {yes("harmonic series sum 1/(k+1) diverges"), yes("sum 1/(k+1)^2 = pi^2/6 < inf"),
            yes("log(k)/(k+1) -> 0")};
  }
  std::string describe() const override { return "inverse_linear: gamma0 = " + ops::to_string(gamma0_); }

 private:
  S gamma0_;
};

}  // namespace ov::optim
