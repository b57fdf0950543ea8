#include "gpu/train/training_checkpoint.hpp"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/serialize/archive.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "gpu/train/atomic_file.hpp"
#include "gpu/train/epoch_log.hpp"
#include "gpu/train/training_optimizer.hpp"

namespace ov::gpu::train {

namespace training_checkpoint_detail {

constexpr const char* kFormat = "optverify-training-checkpoint-1";

std::string manifest_path(const std::string& dir) { return dir + "/checkpoint.json"; }

}  // namespace training_checkpoint_detail

void save_checkpoint(const std::string& dir, const SeedRun& run, const torch::nn::Module& model,
                     const TrainingOptimizer& optimizer) {
  using namespace training_checkpoint_detail;
  const int epoch = static_cast<int>(run.epochs.size());
  const std::string name = "checkpoint-e" + std::to_string(epoch) + ".pt";
  const std::string path = dir + "/" + name;
  {
    torch::serialize::OutputArchive archive, model_archive;
    model.save(model_archive);
    archive.write("model", model_archive);
    optimizer.save(archive);
    at::Tensor rng;
    {
      auto gen = at::detail::getDefaultCPUGenerator();
      std::lock_guard<std::mutex> lock(gen.mutex());
      rng = gen.get_state();
    }
    archive.write("rng_cpu", rng);
    const std::string tmp = temporary_path(path);
    archive.save_to(tmp);
    commit_temporary_file(tmp, path);
  }
  const std::string bytes = read_whole_file(path);
  nlohmann::json m = {{"format", kFormat},
                      {"epoch", epoch},
                      {"tensor_file", {{"name", name}, {"bytes", bytes.size()}, {"fnv1a64", fnv1a64_hex(bytes)}}},
                      {"run", epochs_json(run)}};
  write_file_atomically(manifest_path(dir), m.dump(1) + "\n");
  // The manifest now names the new file: the older ones are no longer needed.
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string f = entry.path().filename().string();
    const bool old_checkpoint =
        f != name && f.rfind("checkpoint-e", 0) == 0 && f.size() > 3 && f.compare(f.size() - 3, 3, ".pt") == 0;
    // Temporary files of a process killed while writing (atomic_file.hpp names them *.tmp-<pid>).
    const bool stale_temporary = f.find(".tmp-") != std::string::npos && f != name + ".tmp-" + std::to_string(::getpid());
    if (old_checkpoint || stale_temporary) std::filesystem::remove(entry.path());
  }
}

std::optional<CheckpointManifest> read_checkpoint_manifest(const std::string& dir) {
  using namespace training_checkpoint_detail;
  const std::string mpath = manifest_path(dir);
  if (!std::filesystem::exists(mpath)) return std::nullopt;
  const std::string text = read_whole_file(mpath);
  CheckpointManifest m;
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    if (j.value("format", std::string()) != kFormat)
      throw std::runtime_error(std::string("not a training checkpoint manifest (format is not \"") + kFormat + "\")");
    m.epoch = j.at("epoch").get<int>();
    m.tensor_file = j.at("tensor_file").at("name").get<std::string>();
    m.tensor_bytes = j.at("tensor_file").at("bytes").get<std::int64_t>();
    m.tensor_hash = j.at("tensor_file").at("fnv1a64").get<std::string>();
    m.run = seed_run_from_json(j.at("run"));
    if (m.tensor_file.find('/') != std::string::npos) throw std::runtime_error("tensor_file names another directory");
    if (static_cast<int>(m.run.epochs.size()) != m.epoch)
      throw std::runtime_error("epoch " + std::to_string(m.epoch) + " but " + std::to_string(m.run.epochs.size()) +
                               " epoch records");
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error("checkpoint manifest " + mpath + " (" + std::to_string(text.size()) +
                             " bytes) is not valid JSON at byte " + std::to_string(e.byte) + ": truncated or corrupt");
  } catch (const std::exception& e) {
    throw std::runtime_error("checkpoint manifest " + mpath + ": " + e.what());
  }
  const std::string tpath = dir + "/" + m.tensor_file;
  if (!std::filesystem::exists(tpath))
    throw std::runtime_error("checkpoint file " + tpath + " (named by " + mpath + ") is missing");
  const std::string bytes = read_whole_file(tpath);
  if (static_cast<std::int64_t>(bytes.size()) != m.tensor_bytes)
    throw std::runtime_error("checkpoint file " + tpath + " has " + std::to_string(bytes.size()) + " bytes, its manifest " +
                             mpath + " says " + std::to_string(m.tensor_bytes) +
                             (static_cast<std::int64_t>(bytes.size()) < m.tensor_bytes ? ": truncated" : ": corrupt"));
  if (fnv1a64_hex(bytes) != m.tensor_hash)
    throw std::runtime_error("checkpoint file " + tpath + " (" + std::to_string(bytes.size()) +
                             " bytes) does not match the hash in " + mpath + ": corrupt");
  return m;
}

void load_checkpoint(const std::string& dir, const CheckpointManifest& manifest, torch::nn::Module& model,
                     TrainingOptimizer& optimizer) {
  const std::string tpath = dir + "/" + manifest.tensor_file;
  try {
    torch::serialize::InputArchive archive, model_archive;
    archive.load_from(tpath);
    archive.read("model", model_archive);
    model.load(model_archive);
    optimizer.load(archive);
    at::Tensor rng;
    archive.read("rng_cpu", rng);
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(rng);
  } catch (const c10::Error& e) {
    throw std::runtime_error("checkpoint file " + tpath + " cannot be loaded: " + e.what_without_backtrace());
  }
}

}  // namespace ov::gpu::train
