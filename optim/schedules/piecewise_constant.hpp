// alpha_k = values[i] for milestones[i-1] <= k < milestones[i] (milestones[-1] = 0,
// milestones[n] = inf): 003 section 4.5.2 "piecewise constant", alpha_k = alpha_i if
// k_i <= k <= k_{i+1}. The document includes k_{i+1} on both sides and writes
// alpha_i = alpha_1 gamma^i with i starting at 1 (so alpha_1 gamma != alpha_1); we use
// half-open blocks and explicit values (the authors' code: 0.03 * 0.5^i, i = 0..3,
// blocks of 25, 25, 25, 24 iterations = milestones 25;50;75; seed-003-004 guide 1.3).
#pragma once

#include <vector>

#include "optim/schedules/schedule.hpp"

namespace ov::optim {

template <class S>
class PiecewiseConstantSchedule : public Schedule<S> {
 public:
  PiecewiseConstantSchedule(std::vector<long> milestones, std::vector<S> values)
      : milestones_(std::move(milestones)), values_(std::move(values)) {
    if (values_.size() != milestones_.size() + 1) {
      throw invalid_hyperparameter("piecewise_constant: values has " + std::to_string(values_.size()) +
                                   " entries but must have one more than milestones (" +
                                   std::to_string(milestones_.size()) + ")");
    }
    for (std::size_t i = 0; i < milestones_.size(); ++i) {
      const long lo = i == 0 ? 1 : milestones_[i - 1] + 1;
      require(milestones_[i] >= lo, "piecewise_constant", "milestones[" + std::to_string(i) + "]", milestones_[i],
              "[" + std::to_string(lo) + ", inf) (strictly increasing, positive)");
    }
    for (std::size_t i = 0; i < values_.size(); ++i)
      require_positive("piecewise_constant", "values[" + std::to_string(i) + "]", values_[i]);
  }
  S at(long k) const override {
    schedule_detail::require_index(k);
    std::size_t i = 0;
    while (i < milestones_.size() && k >= milestones_[i]) ++i;
    return values_[i];
  }
  SeriesProperties properties() const override {
    using namespace schedule_detail;
    const std::string s = "finitely many milestones: eventually constant at " + ops::to_string(values_.back()) + " > 0";
    return {yes(s + ", the sum diverges"), no(s + ", the squares do not sum"), no(s + ", alpha log k -> inf")};
  }
  std::string describe() const override {
    std::string m, v;
    for (long x : milestones_) m += (m.empty() ? "" : ";") + std::to_string(x);
    for (const S& x : values_) v += (v.empty() ? "" : ";") + ops::to_string(x);
    return "piecewise_constant: milestones = " + m + ", values = " + v;
  }

 private:
  std::vector<long> milestones_;
  std::vector<S> values_;
};

}  // namespace ov::optim
