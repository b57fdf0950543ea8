// Seeded mini-batch sampling for finite sums (docs/design-optim.md):
//   with_replacement      each batch: `batch_size` indices drawn uniformly with
//                         replacement; an "epoch" is ceil(n / batch_size) batches
//   reshuffle_each_epoch  a fresh permutation per epoch, cut into consecutive batches
//                         (the last batch of an epoch has n mod batch_size samples if
//                         that is nonzero, as PyTorch's DataLoader with drop_last=false)
//   shuffle_once          one permutation at the start, then cycled epoch after epoch
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>

#include "optim/core/objective.hpp"
#include "optim/core/random.hpp"

namespace ov::optim {

enum class Sampling { with_replacement, reshuffle_each_epoch, shuffle_once };

inline const char* to_string(Sampling s) {
  switch (s) {
    case Sampling::with_replacement: return "with_replacement";
    case Sampling::reshuffle_each_epoch: return "reshuffle_each_epoch";
    case Sampling::shuffle_once: return "shuffle_once";
  }
  return "?";
}

inline Sampling sampling_from_string(const std::string& s) {
  if (s == "with_replacement") return Sampling::with_replacement;
  if (s == "reshuffle_each_epoch") return Sampling::reshuffle_each_epoch;
  if (s == "shuffle_once") return Sampling::shuffle_once;
  throw std::invalid_argument("sampling = '" + s +
                              "' is not one of with_replacement, reshuffle_each_epoch, shuffle_once");
}

class BatchSampler {
 public:
  BatchSampler(std::size_t num_samples, std::size_t batch_size, Sampling mode, std::uint64_t seed)
      : n_(num_samples), b_(batch_size), mode_(mode), rng_(seed) {
    if (n_ == 0) throw std::invalid_argument("BatchSampler: num_samples = 0 is outside its valid range [1, inf)");
    if (b_ == 0 || b_ > n_) {
      throw std::invalid_argument("BatchSampler: batch_size = " + std::to_string(b_) +
                                  " is outside its valid range [1, " + std::to_string(n_) + "]");
    }
    order_.resize(n_);
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    if (mode_ != Sampling::with_replacement) rng_.shuffle(order_);
  }

  // Draws the next batch.
  const Batch& next() {
    epoch_ended_ = false;
    if (mode_ == Sampling::with_replacement) {
      batch_.resize(b_);
      for (auto& i : batch_) i = static_cast<std::size_t>(rng_.below(n_));
      if (++in_epoch_ == batches_per_epoch()) end_epoch();
      return batch_;
    }
    const std::size_t start = in_epoch_ * b_;
    const std::size_t stop = std::min(start + b_, n_);
    batch_.assign(order_.begin() + static_cast<std::ptrdiff_t>(start), order_.begin() + static_cast<std::ptrdiff_t>(stop));
    if (++in_epoch_ == batches_per_epoch()) {
      end_epoch();
      if (mode_ == Sampling::reshuffle_each_epoch) rng_.shuffle(order_);
    }
    return batch_;
  }

  const Batch& current() const { return batch_; }
  std::size_t batches_per_epoch() const { return (n_ + b_ - 1) / b_; }
  std::size_t epoch() const { return epoch_; }           // completed epochs
  bool epoch_ended() const { return epoch_ended_; }      // did the last next() complete one?
  std::size_t num_samples() const { return n_; }
  std::size_t batch_size() const { return b_; }
  Sampling mode() const { return mode_; }

 private:
  void end_epoch() {
    in_epoch_ = 0;
    ++epoch_;
    epoch_ended_ = true;
  }
  std::size_t n_, b_;
  Sampling mode_;
  SplitMix64 rng_;
  Batch order_, batch_;
  std::size_t in_epoch_ = 0, epoch_ = 0;
  bool epoch_ended_ = false;
};

}  // namespace ov::optim
