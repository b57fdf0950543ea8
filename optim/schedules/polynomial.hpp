// alpha_k = alpha1 (beta k + 1)^(-gamma): 003 section 4.5.2 "polynomial decay"
// (beta = 1, gamma = 1/2 is the "square root schedule"; Fig. 4.6 uses alpha1 = 0.03).
// 002 uses the special case beta = 1: gamma_0 (k+1)^(-q) (Fig. 2.4; Assumption 2.1's
// admissible example C (k+1)^(-a), a in (0, 1]).
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class PolynomialSchedule : public Schedule<S> {
 public:
  PolynomialSchedule(S alpha1, S beta, S gamma)
      : alpha1_(std::move(alpha1)), beta_(std::move(beta)), gamma_(std::move(gamma)) {
    require_positive("polynomial", "alpha1", alpha1_);
    require_nonnegative("polynomial", "beta", beta_);
    require_nonnegative("polynomial", "gamma", gamma_);
  }
  S at(long k) const override {
    schedule_detail::require_index(k);
    return alpha1_ * schedule_detail::power(S(beta_ * S(k) + S(1)), S(-gamma_));
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    if (beta_ == S(0)) {
      const std::string s = "beta = 0: constant steps alpha1 > 0";
      return {yes(s + ", the sum grows like k"), no(s + ", the squares sum like k"), no(s + ", alpha1 log k -> inf")};
    }
    return power_law(gamma_, "gamma");  // (beta k + 1) is within constant factors of (k + 1) for beta > 0
  }
  std::string describe() const override {
    return "polynomial: alpha1 = " + ops::to_string(alpha1_) + ", beta = " + ops::to_string(beta_) +
           ", gamma = " + ops::to_string(gamma_);
  }

 private:
  S alpha1_, beta_, gamma_;
};

}  // namespace ov::optim
