// alpha_k = lr for every k: 004 section 4.1 ("eta^(k) = eta"), Standard GD (000 (2)).
#pragma once

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class ConstantSchedule : public Schedule<S> {
 public:
  explicit ConstantSchedule(S lr) : lr_(std::move(lr)) { require_positive("constant", "lr", lr_); }
  S at(long k) const override {
    schedule_detail::require_index(k);
    return lr_;
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    const std::string s = "constant lr = " + ops::to_string(lr_) + " > 0";
    return {yes(s + ": the partial sums are (k+1) lr -> inf"), no(s + ": the squares sum to (k+1) lr^2 -> inf"),
            no(s + ": lr log k -> inf")};
  }
  std::string describe() const override { return "constant: lr = " + ops::to_string(lr_); }

 private:
  S lr_;
};

}  // namespace ov::optim
