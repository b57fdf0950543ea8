// MBT Table 1 (000_47ba9189a2c8a171.txt §4.4, L588, L600-L609): the learning-rate finder of
// MBT-GD (MbtLearningRateFinder, gpu/optim) from every starting rate x batch size, at the
// model's initial weights. Runner: run_mbt_finder_stability (protocol_runners.hpp).
//
// Settings (one block; defaults in brackets):
//   dataset        mnist | fashion-mnist | cifar10 | cifar100 (required)
//   model          a nets/torch zoo name (required)
//   subset         training samples N the finder draws from and rescales by (sqrt(k/N)); 0 = all [0]
//   starting_rates the finder's first start, each in [1e-6, 100] (its bounds) [the paper's 9]
//   batch_sizes    k, each >= 1; sizes > N are skipped with a note [the paper's 7]
//   alpha, beta    Armijo constant and factor [1e-4, 0.5]
//   batches        K mini-batches per finder run [20]
//   seed           initial weights (torch::manual_seed), subset; cell (i, j) draws its batches
//                  with the finder seed seed + 1000 (i + 1) + j [0]
//   max_over_min   threshold of the start-independence check (every row's max/min) (required)
//   min_spearman   threshold of the growth check (Spearman of batch size vs row median) [0.8]
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::gpu::bench {

struct MbtFinderStabilitySettings {
  std::string dataset, model;
  std::int64_t subset = 0;
  std::vector<double> starting_rates;
  std::vector<std::int64_t> batch_sizes;
  double alpha = 1e-4, beta = 0.5;
  int batches = 20;
  std::uint64_t seed = 0;
  double max_over_min = 0, min_spearman = 0.8;
};

// std::invalid_argument naming `where` and the key (mbt_settings_reader.hpp).
MbtFinderStabilitySettings parse_mbt_finder_stability_settings(const nlohmann::json& block, const std::string& where);

}  // namespace ov::gpu::bench
