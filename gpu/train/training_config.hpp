// The configuration of one training run of the benchmark runner (`optverify bench train`,
// docs/benchmarks.md): model, data, optimizer, epochs, batch size, seeds, device,
// learning-rate schedule, regularisation, output directory, resume and data-parallel
// settings. Every field is recorded in the run's outputs (reproducibility).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ov::gpu::train {

// Data-parallel training (gpu/train/data_parallel.hpp): world_size processes, this one of
// rank `rank`, rendezvous at `master` ("ADDR:PORT", rank 0 listens). world_size 1: one
// process, no communication.
struct DataParallelConfig {
  int world_size = 1;
  int rank = 0;
  std::string master = "127.0.0.1:29500";
};

struct TrainingConfig {
  std::string model = "lenet";            // a nets/torch zoo name (model_names())
  std::string dataset = "fashion-mnist";  // mnist | fashion-mnist | cifar10 | cifar100
  std::string data_dir;                   // "" = the dataset's default (gpu/data/image_dataset_files.hpp)
  std::string optimizer = "sgd:lr=0.01";  // an optimizer spec (training_optimizer.hpp: NAME[:k=v,...])
  int epochs = 1;                         // >= 1
  std::int64_t batch_size = 128;          // >= 1 (the GLOBAL batch with data-parallel training)
  std::vector<std::uint64_t> seeds{0};    // one run per seed: initial weights, batch order, augmentation
  std::string device = "auto";            // auto | cpu | cuda | cuda:N
  std::int64_t subset = 0;                // train on this many samples of the training split (0: all)
  std::int64_t test_subset = 0;           // validate on this many samples of the test split (0: all)
  double weight_decay = 0;                // lambda: (lambda/2)||theta||^2 added to the loss (002 L2386)
  std::string lr_schedule = "constant";   // per-epoch learning-rate schedule spec (learning_rate_schedule.hpp)
  int batch_reuse = 1;                    // each mini-batch is used for this many consecutive steps (002 Fig. 4.5)
  bool augment = false;                   // the MBT CIFAR augmentation preset (gpu/data/transform_pipeline.hpp)
  int threads = 0;                        // CPU threads for LibTorch (0: leave LibTorch's default)
  std::string output_dir;                 // per-epoch CSV/JSON, checkpoints, report ("" = write nothing)
  bool resume = false;                    // continue from the checkpoints in output_dir
  DataParallelConfig parallel;

  // Throws std::invalid_argument naming the first invalid field and its valid range
  // (names of models/datasets/optimizers are checked where they are resolved).
  void validate() const;
  // Every field, by the names above. from_json accepts a subset (missing fields keep their
  // defaults) and refuses unknown keys and wrong types, naming the key.
  nlohmann::json to_json() const;
  static TrainingConfig from_json(const nlohmann::json& j);
};

}  // namespace ov::gpu::train
