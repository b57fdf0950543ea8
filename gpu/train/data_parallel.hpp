// Data-parallel training through LibTorch's c10d process groups (Gloo on the CPU, NCCL on
// CUDA when LibTorch has it): no home-made communication. Each of world_size processes
// computes the loss and gradients of its block of rows of every GLOBAL mini-batch; the group
// turns them into the global batch's mean loss and gradients (a weighted all-reduce), so
// every rank then takes the same optimizer step as one process on the global batch.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

#include "gpu/train/training_config.hpp"

namespace ov::gpu::train {

class DataParallelGroup {
 public:
  // world_size 1: a group of one (every call is local, no communication). Otherwise
  // rendezvous with the other ranks at config.master (TCP store; rank 0 hosts it) within
  // timeout_seconds. Throws std::invalid_argument for a bad config (world_size >= 1,
  // 0 <= rank < world_size, master "ADDR:PORT" with PORT in [1, 65535]) and
  // std::runtime_error when the rendezvous fails (naming the address).
  explicit DataParallelGroup(const DataParallelConfig& config, bool cuda = false, double timeout_seconds = 120);
  ~DataParallelGroup();
  DataParallelGroup(const DataParallelGroup&) = delete;
  DataParallelGroup& operator=(const DataParallelGroup&) = delete;

  int world_size() const;
  int rank() const;

  // The rows [begin, end) of a global batch of n rows that this rank computes: contiguous
  // blocks in rank order, sizes differing by at most one (empty blocks when n < world_size).
  std::pair<std::int64_t, std::int64_t> local_rows(std::int64_t n) const;

  // From this rank's mean loss and gradients over local_count rows, the global mean over all
  // ranks' rows: sum_r count_r * x_r / sum_r count_r. The gradients of `params` are replaced
  // in place (undefined gradients count as zero); returns the global mean loss.
  double average_loss_and_gradients(double local_mean_loss, std::int64_t local_count,
                                    const std::vector<at::Tensor>& params);
  // The weighted mean of a scalar over the ranks (e.g. a validation metric).
  double weighted_average(double local_value, double local_weight);
  // Rank root's values copied into every rank's tensors (initial parameters and buffers).
  void broadcast(const std::vector<at::Tensor>& tensors, int root = 0);
  void barrier();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ov::gpu::train
