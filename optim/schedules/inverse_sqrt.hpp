// alpha_k = gamma0 / sqrt(k + 1): 004 section 4.1 "eta^(k) = 1/sqrt(k)" (k >= 1 there);
// 002 Ch. 2 experiments gamma_k = gamma_0 / sqrt(k + 1). Not square summable, so it
// violates Robbins-Monro but satisfies 002 Assumption 2.1 (seed-003-004 guide 1.3;
// seed-002 guide 4.2).
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class InverseSqrtSchedule : public Schedule<S> {
 public:
  explicit InverseSqrtSchedule(S gamma0) : gamma0_(std::move(gamma0)) {
    require_positive("inverse_sqrt", "gamma0", gamma0_);
  }
  // Exact in rational when k + 1 is a perfect square (std::domain_error otherwise).
  S at(long k) const override {
    schedule_detail::require_index(k);
    return gamma0_ / schedule_detail::sqrt_of_integer<S>(k + 1);
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    return {yes("sum (k+1)^-1/2 diverges (p = 1/2 <= 1)"), no("sum of squares is the harmonic series, diverges"),
            yes("log(k)/sqrt(k+1) -> 0")};
  }
  std::string describe() const override { return "inverse_sqrt: gamma0 = " + ops::to_string(gamma0_); }

 private:
  S gamma0_;
};

}  // namespace ov::optim
