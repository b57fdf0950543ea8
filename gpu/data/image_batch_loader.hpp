// Mini-batches of an image set as tensors, with a seeded per-sample transform pipeline:
// the training-loop data source of the LibTorch layer (CPU tensors; move with .to(device)).
//
// Batch b of epoch e: the indices EpochBatches(count, batch_size, seed, shuffle,
// drop_last).batch(e, b) (epoch_batches.hpp); sample i of it is
// pipeline.apply(image i, seed, e, i) (transform_pipeline.hpp), so its random draws depend
// only on (seed, e, i): not on the batch size, the batch order or the threads. The
// samples of a batch are transformed in parallel by at most at::get_num_threads()
// std::threads, each writing only its own rows of the output.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "gpu/data/epoch_batches.hpp"
#include "gpu/data/transform_pipeline.hpp"
#include "nets/data/cifar_reader.hpp"  // ImageSet

namespace ov::gpu::data {

struct BatchOptions {
  std::int64_t batch_size = 0;  // >= 1 (0 is refused: set it)
  std::uint64_t seed = 0;       // shuffling and transforms
  bool shuffle = true;
  bool drop_last = false;
};

struct ImageBatch {
  at::Tensor images;                 // (B, C, H, W) float32, the pipeline's output
  at::Tensor labels;                 // (B) int64
  std::vector<std::size_t> indices;  // the dataset index of each row
};

class ImageBatchLoader {
 public:
  // Throws std::invalid_argument for an empty or inconsistent set (message names the
  // set's file) or for options EpochBatches refuses (batch_size, drop_last).
  ImageBatchLoader(ov::nets::data::ImageSet set, TransformPipeline pipeline, BatchOptions options);

  std::size_t batches_per_epoch() const { return batches_.batches_per_epoch(); }
  const EpochBatches& sampler() const { return batches_; }
  const ov::nets::data::ImageSet& set() const { return set_; }
  const TransformPipeline& pipeline() const { return pipeline_; }

  // Batch b of the epoch (random access; recomputes the epoch's order, O(count));
  // std::out_of_range for b >= batches_per_epoch(). for_each_batch shuffles once per epoch.
  ImageBatch batch(std::uint64_t epoch, std::size_t b) const;
  // The samples `indices` (each < count) transformed as in `epoch`, in that order.
  ImageBatch gather(std::uint64_t epoch, const std::vector<std::size_t>& indices) const;
  // Calls f on every batch of the epoch in order.
  void for_each_batch(std::uint64_t epoch, const std::function<void(const ImageBatch&)>& f) const;

 private:
  ov::nets::data::ImageSet set_;
  TransformPipeline pipeline_;
  BatchOptions options_;
  EpochBatches batches_;
};

}  // namespace ov::gpu::data
