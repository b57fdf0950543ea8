// alpha_k = gamma0 * r^k, r in (0, 1]. 003 section 4.5.2 writes alpha_1 e^{-lambda k}
// (Fig. 4.6: lambda = 0.2); that is r = e^{-lambda}, irrational for rational lambda,
// so the schedule is parameterised by r (exact in rational for rational r).
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class ExponentialSchedule : public Schedule<S> {
 public:
  ExponentialSchedule(S gamma0, S r) : gamma0_(std::move(gamma0)), r_(std::move(r)) {
    require_positive("exponential", "gamma0", gamma0_);
    require(ops::is_finite(r_) && r_ > S(0) && r_ <= S(1), "exponential", "r", r_, "(0, 1]");
  }
  S at(long k) const override {
    schedule_detail::require_index(k);
    return gamma0_ * ops::pow_int(r_, k);
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    if (r_ == S(1)) {
      const std::string s = "r = 1: constant steps gamma0 > 0";
      return {yes(s + ", the sum grows like k"), no(s + ", the squares sum like k"), no(s + ", gamma0 log k -> inf")};
    }
    const std::string s = "r = " + ops::to_string(r_) + " < 1: geometric";
    return {no(s + ", sum = gamma0 / (1 - r) < inf"), yes(s + ", sum of squares = gamma0^2 / (1 - r^2) < inf"),
            yes(s + ", r^k log k -> 0")};
  }
  std::string describe() const override {
    return "exponential: gamma0 = " + ops::to_string(gamma0_) + ", r = " + ops::to_string(r_);
  }

 private:
  S gamma0_, r_;
};

}  // namespace ov::optim
