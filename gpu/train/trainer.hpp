// The training runner: trains config.model on config.dataset with config.optimizer, once per
// seed, recording one EpochRecord per epoch (docs/benchmarks.md). With config.output_dir it
// writes, per seed, epochs.csv / epochs.json after every epoch and an atomic checkpoint
// (model, optimizer, counters, records, RNG state); with config.resume it continues from them
// and the result equals an uninterrupted run's (bitwise on the CPU with the same threads).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "gpu/train/training_config.hpp"
#include "gpu/train/training_result.hpp"

namespace ov::gpu::train {

// One finished mini-batch step (for progress bars).
struct StepProgress {
  std::size_t seed_index = 0, seeds = 0;
  int epoch = 0, epochs = 0;              // epoch 1-based
  std::size_t batch = 0, batches = 0;     // batch 1-based within the epoch
  double loss = 0;                        // the step's mini-batch loss
};

struct TrainingCallbacks {
  std::function<void(const StepProgress&)> step;                              // after every step
  std::function<void(std::uint64_t seed, const EpochRecord&)> epoch_end;     // after every epoch (and its checkpoint)
  std::function<void(const std::string&)> log;                               // one-line notes (resumed from ..., ...)
};

// Throws std::invalid_argument for an invalid config (naming the field, or listing the valid
// models / datasets / optimizers), DataFileError (nets/data) for missing or corrupt data files,
// std::runtime_error for unreadable checkpoints (naming the file). A run killed at any point
// resumes from its last checkpoint without losing finished epochs.
TrainingResult run_training(const TrainingConfig& config, const TrainingCallbacks& callbacks = {});

}  // namespace ov::gpu::train
