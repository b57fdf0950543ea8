// The per-seed epoch logs of the training runner (docs/benchmarks.md "Output files"):
// <seed dir>/epochs.csv and epochs.json, rewritten atomically (atomic_file.hpp) after every
// epoch, so that they always hold every finished epoch. Torch-free.
//
// epochs.csv: a header line and one line per epoch with the columns
//   epoch,train_loss,validation_loss,validation_accuracy,learning_rate,seconds,
//   gradient_evaluations,function_evaluations,refused_steps
// reals with 17 significant digits, non-finite ones as nan / inf / -inf; `extra` is in the JSON only.
// epochs.json: {"seed", "diverged", "note", "epochs": [EpochRecord JSON (training_result.hpp)]}.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "gpu/train/training_result.hpp"

namespace ov::gpu::train {

std::string epochs_csv(const SeedRun& run);
nlohmann::json epochs_json(const SeedRun& run);
SeedRun seed_run_from_json(const nlohmann::json& j);
// Writes dir/epochs.csv and dir/epochs.json (the directory must exist).
void write_epoch_log(const std::string& dir, const SeedRun& run);

}  // namespace ov::gpu::train
