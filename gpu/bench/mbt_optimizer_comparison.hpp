// MBT Tables 2 and 3 (000_47ba9189a2c8a171.txt §4.5-4.6, L611-L644): baselines over a
// learning-rate grid against the MBT optimizers (Table 2), and MBT-MMT / MBT-NAG over models x
// data sets (Table 3: a file without baselines). Every run goes through run_training
// (gpu/train/trainer.hpp); the score of a run is its best validation accuracy over the epochs
// (mean over the seeds of each seed's best), as in the paper's tables. Runner:
// run_mbt_optimizer_comparison (protocol_runners.hpp).
//
// Settings (one block; defaults in brackets):
//   models, datasets   zoo names x data sets (mnist | fashion-mnist | cifar10 | cifar100) (required)
//   baselines          [{"name": "SGD", "optimizer": "torch_sgd"}, ...] ([] for Table 3); each
//                      runs at every rate of learning_rates (",lr=R" is appended to its spec)
//   learning_rates     the grid [the paper's 100 ... 1e-6]
//   mbt                [{"name": "MBT-MMT", "optimizer": "mbt_mmt"}, ...] (required, non-empty)
//   epochs, batch_size, subset (0 = all), test_subset (0 = all), augment [false], seeds [[0]]
//   Checks (each only when its keys are present):
//   badly_tuned, compared_mbt, min_gap
//                      the baseline whose worst rate is the badly tuned one (e.g. "SGD"), the MBT
//                      run compared (e.g. "MBT-MMT") and the accuracy gap required
//   best_margin        MBT within this accuracy of the best (baseline, rate) pair
//   overhead_reference_steps, overhead_min_fraction, overhead_repeats [3]
//                      the finder-overhead check: one finder run (K = 20 batches) against plain
//                      momentum steps at batch_size, judged at that many steps per epoch
//   accuracy_floor     every MBT run's best validation accuracy >= it (Table 3's robustness)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::gpu::bench {

struct MbtNamedOptimizer {
  std::string name, optimizer;  // display name (the paper's row) and optimizer spec
};

struct MbtOptimizerComparisonSettings {
  std::vector<std::string> models, datasets;
  std::vector<MbtNamedOptimizer> baselines, mbt;
  std::vector<double> learning_rates;
  int epochs = 1;
  std::int64_t batch_size = 200, subset = 0, test_subset = 0;
  bool augment = false;
  std::vector<std::uint64_t> seeds{0};
  std::string badly_tuned, compared_mbt;
  double min_gap = -1, best_margin = -1;  // < 0: check not configured
  double overhead_reference_steps = -1, overhead_min_fraction = -1;
  int overhead_repeats = 3;
  double accuracy_floor = -1;
};

// A settings array [{"name": "...", "optimizer": "SPEC"}, ...] (names unique); null gives {}
// unless non_empty. std::invalid_argument naming `where` and `key`.
std::vector<MbtNamedOptimizer> parse_named_optimizers(const nlohmann::json& list, const std::string& where,
                                                      const std::string& key, bool non_empty);

// The spec of a baseline at a rate: spec + (":" or ",") + "lr=" + the shortest decimal of lr.
std::string spec_with_lr(const std::string& spec, double lr);

// std::invalid_argument naming `where` and the key; optimizer specs are checked
// (check_optimizer_spec), and the check keys must name a baseline / MBT entry.
MbtOptimizerComparisonSettings parse_mbt_optimizer_comparison_settings(const nlohmann::json& block,
                                                                       const std::string& where);

}  // namespace ov::gpu::bench
