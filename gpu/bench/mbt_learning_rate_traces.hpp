// MBT Figures 2-3 (000_47ba9189a2c8a171.txt §4.2-4.3, L584-L598; slides 001 L685-L718):
// (1) full-batch Two-way Backtracking GD (the core rule through the "rule:" optimizer spec,
// gpu/train/training_optimizer.hpp, i.e. ClosureRuleOptimizer) on a random subset of the
// training set, the closure being the full-subset loss: its rate per iteration (Figure 2b);
// (2) an MBT training run (run_training): its per-epoch finder rates (Figure 3).
// Runner: run_mbt_learning_rate_traces (protocol_runners.hpp).
//
// Settings (one block; defaults in brackets):
//   dataset, model          (required)
//   full_batch_samples      the subset of Figure 2b [500]
//   iterations              two-way iterations [100]
//   two_way                 the core rule spec [two_way_backtracking_gd:alpha=1/10000,beta=1/2,delta0=1]
//   stable_window, stable_max_distinct   the stabilisation check (last window: at most that
//                           many distinct rates) [20, 1]
//   collapse_min_ratio      the no-collapse check (last-quarter geometric mean >= it x max) [1e-3]
//   mbt_optimizers          [{"name", "optimizer"}] the MBT runs of Figure 3 [[MBT-MMT, MBT-NAG]]
//   epochs, batch_size, subset, test_subset, augment [false]   of the MBT runs (required: epochs,
//                           batch_size)
//   warmup_min_change       the warm-up-then-decay check's relative change [0.2]
//   seed                    weights, subsets, batches [0]
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/bench/mbt_optimizer_comparison.hpp"  // MbtNamedOptimizer

namespace ov::gpu::bench {

struct MbtLearningRateTracesSettings {
  std::string dataset, model;
  std::int64_t full_batch_samples = 500;
  int iterations = 100;
  std::string two_way = "two_way_backtracking_gd:alpha=1/10000,beta=1/2,delta0=1";
  int stable_window = 20, stable_max_distinct = 1;
  double collapse_min_ratio = 1e-3;
  std::vector<MbtNamedOptimizer> mbt_optimizers;
  int epochs = 1;
  std::int64_t batch_size = 200, subset = 0, test_subset = 0;
  bool augment = false;
  double warmup_min_change = 0.2;
  std::uint64_t seed = 0;
};

MbtLearningRateTracesSettings parse_mbt_learning_rate_traces_settings(const nlohmann::json& block,
                                                                      const std::string& where);

}  // namespace ov::gpu::bench
