// The per-seed checkpoint of the training runner (docs/benchmarks.md "Checkpoints and
// resume"), written after every epoch into the seed's directory:
//   checkpoint-e<E>.pt   torch::serialize archive: "model" (parameters and buffers),
//                        "optimizer" (its state, and the MBT state), "rng_cpu" (torch's CPU
//                        generator state, e.g. for dropout)
//   checkpoint.json      the manifest, written last (atomically): format, epoch E, the .pt
//                        file's name, size in bytes and FNV-1a 64 hash, and the run so far
//                        (records, diverged, note). Renaming it into place commits the
//                        checkpoint; older checkpoint-e*.pt files are removed afterwards.
// A killed run therefore leaves either the previous or the new checkpoint, never a mix.
// Reading checks the manifest, then the .pt file's size and hash before loading it, and throws
// std::runtime_error naming the file and the size/byte that is wrong.
#pragma once

#include <optional>
#include <string>

#include "gpu/train/training_result.hpp"

namespace torch::nn {
class Module;
}

namespace ov::gpu::train {

class TrainingOptimizer;

struct CheckpointManifest {
  int epoch = 0;                 // epochs finished
  std::string tensor_file;       // checkpoint-e<E>.pt, relative to the seed directory
  std::int64_t tensor_bytes = 0;
  std::string tensor_hash;       // fnv1a64_hex
  SeedRun run;                   // records of the finished epochs
};

// Saves model, optimizer and RNG state after `run.epochs.size()` epochs into dir.
void save_checkpoint(const std::string& dir, const SeedRun& run, const torch::nn::Module& model,
                     const TrainingOptimizer& optimizer);
// The manifest of dir (nullopt when dir/checkpoint.json does not exist); the tensor file is
// checked (present, size, hash). std::runtime_error naming the file otherwise.
std::optional<CheckpointManifest> read_checkpoint_manifest(const std::string& dir);
// Loads the tensor file of a checked manifest into model and optimizer and restores torch's
// CPU generator.
void load_checkpoint(const std::string& dir, const CheckpointManifest& manifest, torch::nn::Module& model,
                     TrainingOptimizer& optimizer);

}  // namespace ov::gpu::train
