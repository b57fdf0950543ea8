// What a training run measured: one record per epoch and seed (docs/benchmarks.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/train/training_config.hpp"

namespace ov::gpu::train {

struct EpochRecord {
  int epoch = 0;                          // 1-based
  double train_loss = 0;                  // mean over the epoch's steps of the mini-batch loss (before each step)
  double validation_loss = 0;             // on the test split (subset), model in eval mode
  double validation_accuracy = 0;         // fraction in [0, 1]; NaN for reconstruction models
  double learning_rate = 0;               // the rate used in the epoch (MBT: the finder's rate)
  double seconds = 0;                     // wall time of the epoch: training, finder, validation
  std::int64_t gradient_evaluations = 0;  // cumulative mini-batch gradients (backprops) since the start
  std::int64_t function_evaluations = 0;  // cumulative forward-only mini-batch evaluations (finder, line searches)
  std::int64_t refused_steps = 0;         // steps the optimizer refused in this epoch (non-finite values ...)
  nlohmann::json extra = nlohmann::json::object();  // optimizer-specific (e.g. the finder's per-batch rates)
};

struct SeedRun {
  std::uint64_t seed = 0;
  std::vector<EpochRecord> epochs;
  bool diverged = false;                  // stopped early: the training loss became non-finite
  std::string note;                       // why it stopped early, if it did
};

struct TrainingResult {
  TrainingConfig config;
  std::vector<SeedRun> runs;                           // in the order of config.seeds
  nlohmann::json environment = nlohmann::json::object();  // device, threads, torch version, git commit
};

nlohmann::json to_json(const EpochRecord& r);
EpochRecord epoch_record_from_json(const nlohmann::json& j);

}  // namespace ov::gpu::train
