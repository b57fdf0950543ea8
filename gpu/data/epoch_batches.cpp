#include "gpu/data/epoch_batches.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include "nets/data/sampling.hpp"
#include "optim/core/random.hpp"

namespace ov::gpu::data {

EpochBatches::EpochBatches(std::size_t count, std::int64_t batch_size, std::uint64_t seed, bool shuffle,
                           bool drop_last)
    : count_(count), batch_size_(0), seed_(seed), shuffle_(shuffle), drop_last_(drop_last) {
  if (count == 0) throw std::invalid_argument("EpochBatches: count = 0 (valid: a dataset of >= 1 sample)");
  if (batch_size < 1) {
    throw std::invalid_argument("EpochBatches: batch_size = " + std::to_string(batch_size) +
                                " is invalid (valid: >= 1)");
  }
  batch_size_ = static_cast<std::size_t>(batch_size);
  if (drop_last && batch_size_ > count) {
    throw std::invalid_argument("EpochBatches: batch_size = " + std::to_string(batch_size) + " with drop_last and " +
                                std::to_string(count) + " samples leaves no batch (valid: 1.." +
                                std::to_string(count) + ", or drop_last = false)");
  }
}

std::size_t EpochBatches::batches_per_epoch() const {
  return drop_last_ ? count_ / batch_size_ : (count_ + batch_size_ - 1) / batch_size_;
}

std::vector<std::size_t> EpochBatches::order(std::uint64_t epoch) const {
  std::vector<std::size_t> out(count_);
  std::iota(out.begin(), out.end(), std::size_t{0});
  if (shuffle_) {
    ov::optim::SplitMix64 rng(ov::nets::data::derive_seed(ov::nets::data::derive_seed(seed_, 1), epoch));
    rng.shuffle(out);
  }
  return out;
}

std::vector<std::size_t> EpochBatches::batch(std::uint64_t epoch, std::size_t b) const {
  if (b >= batches_per_epoch()) {
    throw std::out_of_range("EpochBatches::batch: batch " + std::to_string(b) + " of an epoch of " +
                            std::to_string(batches_per_epoch()) + " batches");
  }
  const std::vector<std::size_t> all = order(epoch);
  const std::size_t begin = b * batch_size_, end = std::min(count_, begin + batch_size_);
  return std::vector<std::size_t>(all.begin() + static_cast<std::ptrdiff_t>(begin),
                                  all.begin() + static_cast<std::ptrdiff_t>(end));
}

std::vector<std::vector<std::size_t>> EpochBatches::batches(std::uint64_t epoch) const {
  const std::vector<std::size_t> all = order(epoch);
  std::vector<std::vector<std::size_t>> out(batches_per_epoch());
  for (std::size_t b = 0; b < out.size(); ++b) {
    const std::size_t begin = b * batch_size_, end = std::min(count_, begin + batch_size_);
    out[b].assign(all.begin() + static_cast<std::ptrdiff_t>(begin), all.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return out;
}

}  // namespace ov::gpu::data
