// Per-epoch learning-rate schedules of the training runner (docs/benchmarks.md): the rate of
// epoch e (1-based) is base_lr * factor(e), set before the epoch's first step. Specs:
//   constant                        factor 1
//   inverse_sqrt_epoch[:delta=D]    1 / e^(1/2 + D), D = 0.001 by default: Castera's Ch. 4
//                                   protocol (002_dc929347c6f8ce02.txt L2386-2397; guide
//                                   seed-002-castera-thesis.md §6.3 "q = epoch index", from 1)
//   power[:q=Q]                     (k + 1)^-Q with k = e - 1 the epoch index from 0, Q = 0.5 by
//                                   default: the decays gamma0 (k+1)^-q of 002 Ch. 2 (Fig. 2.4,
//                                   guide §6.2), here applied per epoch
//   step[:factor=F,every=N]         F^floor((e - 1) / N), F = 0.1, N = 30 by default (the usual
//                                   step decay; not from the documents)
// Values are decimals or fractions a/b. MBT optimizers take their rate from the finder and
// refuse any schedule but constant (trainer).
#pragma once

#include <string>

namespace ov::gpu::train {

class LearningRateSchedule {
 public:
  // Throws std::invalid_argument naming the spec, the key and the valid names / keys / ranges.
  explicit LearningRateSchedule(const std::string& spec = "constant");
  // The multiplier of epoch e >= 1.
  double factor(int epoch) const;
  bool constant() const { return kind_ == Kind::constant; }
  const std::string& spec() const { return spec_; }

 private:
  enum class Kind { constant, inverse_sqrt_epoch, power, step };
  std::string spec_;
  Kind kind_ = Kind::constant;
  double delta_ = 0.001, q_ = 0.5, factor_ = 0.1;
  int every_ = 30;
};

}  // namespace ov::gpu::train
