// A training run (TrainingResult) as a report-schema Benchmark entry (docs/report-schema.md,
// "Benchmark" and "Series"): the run's hyper-parameters, seeds, device and final metrics as
// fields, and its curves as series. Pure (no LibTorch, no files): `optverify bench train`
// writes it into the report directory, the protocols may reuse it.
//
// Series (all of kind "convergence", role "measured"; the seeds are aligned by epoch):
//   plot "<name>: training loss"        x = cumulative gradient evaluations (mean over the seeds
//                                       that reached the epoch), y = the epoch's mean training
//                                       loss: "mean over seeds", "min over seeds", "max over seeds"
//                                       (logarithmic y; points <= 0 are dropped)
//   plot "<name>: validation accuracy"  x = epoch, y = accuracy in [0, 1]: mean, min, max over seeds
//                                       (absent when every accuracy is NaN: reconstruction models)
//   plot "<name>: validation loss"      x = epoch, y = mean validation loss over seeds
//   plot "<name>: learning rate"        x = epoch, y = the epoch's learning rate (MBT: the finder's
//                                       rate), one series per seed "seed S" (logarithmic y)
// Non-finite values (a diverged loss, a NaN accuracy) are left out of every statistic; an epoch
// that no seed reached with a finite value has no point. A series with no point is omitted.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "gpu/train/training_result.hpp"

namespace ov::gpu::train {

// "model/dataset optimizer batch B" (e.g. "lenet/fashion-mnist sgd:lr=0.01 batch 128"): the
// default entry name, unique for distinct model, data set, optimizer and batch size.
std::string training_run_name(const TrainingConfig& config);

// The Benchmark entry: {"name", "model", "dataset", "optimizer", "epochs", "batch_size",
// "seeds" (array), "device", "lr_schedule", "weight_decay", "subset", "test_subset",
// "batch_reuse", "augment", "world_size", "seeds_finished" (all epochs), "seeds_diverged",
// "final_train_loss_mean", "final_validation_accuracy_mean|min|max", "final_validation_loss_mean",
// "gradient_evaluations", "function_evaluations" (means over seeds of the last epoch's counters),
// "refused_steps" (total), "seconds" (total over seeds and epochs), "notes" (the seeds that
// stopped early and why), "config" (TrainingConfig::to_json()), "environment", "series"}.
// Final metrics with no finite value are null. name = "" uses training_run_name(config).
// Throws std::invalid_argument when result.runs does not match result.config.seeds (count or
// order) or a run's epochs are not 1, 2, 3, ... (naming the seed).
nlohmann::json training_benchmark(const TrainingResult& result, const std::string& name = "");

}  // namespace ov::gpu::train
