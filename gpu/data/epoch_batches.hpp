// Seeded epoch shuffling into mini-batches of dataset indices (torch-free): the index
// sampler under ImageBatchLoader (image_batch_loader.hpp).
//
// Epoch e's order: with shuffle, a uniform permutation of 0..count-1 by SplitMix64::shuffle
// (Fisher-Yates, optim/core/random.hpp) seeded with derive_seed(derive_seed(seed, 1), e)
// (nets/data/sampling.hpp); without shuffle, 0..count-1. Batch b holds positions
// [b * batch_size, min((b + 1) * batch_size, count)) of that order; with drop_last the last
// batch is dropped when it is short. The same (count, batch_size, seed, epoch) gives the
// same batches on every platform; each epoch's order is independent of the others'.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ov::gpu::data {

class EpochBatches {
 public:
  // Throws std::invalid_argument naming the parameter: count = 0, batch_size < 1, or
  // drop_last with batch_size > count (no batch would be left).
  EpochBatches(std::size_t count, std::int64_t batch_size, std::uint64_t seed, bool shuffle = true,
               bool drop_last = false);

  std::size_t count() const { return count_; }
  std::size_t batch_size() const { return batch_size_; }
  // ceil(count / batch_size), or floor(count / batch_size) with drop_last.
  std::size_t batches_per_epoch() const;
  // The epoch's order of all count indices (before drop_last).
  std::vector<std::size_t> order(std::uint64_t epoch) const;
  // Batch b of the epoch; throws std::out_of_range for b >= batches_per_epoch(). Each call
  // recomputes the epoch's order (O(count)); batches() gives a whole epoch with one shuffle.
  std::vector<std::size_t> batch(std::uint64_t epoch, std::size_t b) const;
  // Every batch of the epoch, in order.
  std::vector<std::vector<std::size_t>> batches(std::uint64_t epoch) const;

 private:
  std::size_t count_, batch_size_;
  std::uint64_t seed_;
  bool shuffle_, drop_last_;
};

}  // namespace ov::gpu::data
