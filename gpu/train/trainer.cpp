// run_training (trainer.hpp; docs/benchmarks.md): one run per seed of config.model on
// config.dataset with config.optimizer, per-epoch records, logs and checkpoints.
#include "gpu/train/training_device.hpp"
#include "gpu/train/trainer.hpp"

#include <ATen/ATen.h>
#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <c10/core/GradMode.h>
#include <torch/cuda.h>
#include <torch/nn/module.h>
#include <torch/optim/optimizer.h>
#include <torch/version.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "gpu/data/epoch_batches.hpp"
#include "gpu/train/atomic_file.hpp"
#include "gpu/train/data_parallel.hpp"
#include "gpu/train/epoch_log.hpp"
#include "gpu/train/learning_rate_schedule.hpp"
#include "gpu/train/training_checkpoint.hpp"
#include "gpu/train/training_data.hpp"
#include "gpu/train/training_optimizer.hpp"
#include "nets/data/sampling.hpp"
#include "nets/torch/model_zoo.hpp"
#include "nets/torch/zoo_model.hpp"

namespace ov::gpu::train {

namespace trainer_detail {

namespace zoo = ov::nets::torchzoo;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The config that must match on resume: everything but epochs (more may be added), resume
// and output_dir (where the run is, not what it computes), and this process's rank and the
// rendezvous address (config.json is rank 0's; every rank of a data-parallel run compares its
// own config with it, and the address may change between the interrupted and the resumed run).
nlohmann::json resume_identity(const TrainingConfig& c) {
  nlohmann::json j = c.to_json();
  j.erase("epochs");
  j.erase("resume");
  j.erase("output_dir");
  j["parallel"].erase("rank");
  j["parallel"].erase("master");
  return j;
}

// Everything one seed's training needs.
struct Context {
  const TrainingConfig& config;
  const TrainingCallbacks& callbacks;
  TrainingData& data;
  DataParallelGroup& group;
  at::Device device;
  bool reconstructs;
  bool writer;  // rank 0 with an output_dir
  LearningRateSchedule schedule;
};

struct Counters {
  std::int64_t gradient_evaluations = 0, function_evaluations = 0;
};

class SeedTrainer {
 public:
  SeedTrainer(Context& ctx, std::uint64_t seed, std::size_t seed_index)
      : ctx_(ctx), seed_(seed), seed_index_(seed_index) {
    const zoo::ModelSpec spec = ctx.data.grayscale() ? zoo::ModelSpec::gray28(ctx.data.classes())
                                                     : zoo::ModelSpec::colour32(ctx.data.classes());
    at::manual_seed(seed);
    model_ = zoo::make_model(ctx.config.model, spec);
    model_->to(ctx.device);
    params_ = model_->parameters();
    if (ctx.group.world_size() > 1) {
      std::vector<at::Tensor> all = params_;
      for (const auto& b : model_->buffers()) all.push_back(b);
      c10::NoGradGuard no_grad;
      ctx.group.broadcast(all, 0);
    }
    optimizer_ = std::make_unique<TrainingOptimizer>(ctx.config.optimizer, params_, model_);
    if (optimizer_->kind() == OptimizerKind::mbt && !ctx.schedule.constant())
      throw std::invalid_argument("training config: lr_schedule = \"" + ctx.config.lr_schedule + "\" with optimizer \"" +
                                  ctx.config.optimizer +
                                  "\": MBT takes each epoch's rate from its finder, so it runs with lr_schedule constant");
    if (!ctx.schedule.constant() && !std::isfinite(optimizer_->base_lr()))
      throw std::invalid_argument("training config: lr_schedule = \"" + ctx.config.lr_schedule + "\": optimizer \"" +
                                  ctx.config.optimizer + "\" has no learning rate to schedule; use lr_schedule constant");
    ctx.data.use_seed(seed);
    run_.seed = seed;
    if (!ctx.config.output_dir.empty()) dir_ = ctx.config.output_dir + "/seed-" + std::to_string(seed);
  }

  SeedRun run() {
    int first_epoch = 1;
    if (ctx_.config.resume && !dir_.empty()) {
      const auto m = read_checkpoint_manifest(dir_);
      if (m) {
        const std::string refusal = optimizer_->resume_refusal();
        if (!refusal.empty()) throw std::runtime_error("cannot resume " + dir_ + ": " + refusal);
        if (m->epoch > ctx_.config.epochs)
          throw std::invalid_argument("cannot resume " + dir_ + ": its checkpoint has " + std::to_string(m->epoch) +
                                      " epochs, more than epochs = " + std::to_string(ctx_.config.epochs) +
                                      " (resume can only add epochs)");
        if (m->run.seed != seed_)
          throw std::runtime_error("cannot resume " + dir_ + ": its checkpoint is of seed " + std::to_string(m->run.seed));
        run_ = m->run;
        if (run_.diverged || m->epoch == ctx_.config.epochs) {
          log("seed " + std::to_string(seed_) + ": finished in " + dir_ + " (" + std::to_string(m->epoch) +
              " epochs" + (run_.diverged ? ", diverged" : "") + "); skipped");
          return run_;
        }
        load_checkpoint(dir_, *m, *model_, *optimizer_);
        counters_.gradient_evaluations = run_.epochs.back().gradient_evaluations;
        counters_.function_evaluations = run_.epochs.back().function_evaluations;
        first_epoch = m->epoch + 1;
        log("seed " + std::to_string(seed_) + ": resumed from " + dir_ + " after epoch " + std::to_string(m->epoch));
      }
    }
    if (ctx_.writer) std::filesystem::create_directories(dir_);
    const ov::gpu::data::EpochBatches batches(ctx_.data.train_count(), ctx_.config.batch_size, seed_, true, false);
    for (int epoch = first_epoch; epoch <= ctx_.config.epochs; ++epoch) {
      const bool stop = train_epoch(epoch, batches);
      if (ctx_.writer) {
        write_epoch_log(dir_, run_);
        save_checkpoint(dir_, run_, *model_, *optimizer_);
      }
      if (ctx_.callbacks.epoch_end) ctx_.callbacks.epoch_end(seed_, run_.epochs.back());
      if (stop) break;
    }
    return run_;
  }

 private:
  void log(const std::string& s) const {
    if (ctx_.callbacks.log) ctx_.callbacks.log(s);
  }

  // What an auto-encoder reconstructs: the pixel values pixel/255 in [0, 1] (its logistic output
  // cannot reach the normalised input x; 002 Table 4.1 problem (d) reconstructs the images), i.e.
  // x * sd + mean of the (one-channel) training statistics.
  at::Tensor pixels_of(const at::Tensor& x) const {
    return x * static_cast<float>(ctx_.data.sd()[0]) + static_cast<float>(ctx_.data.mean()[0]);
  }

  // The mean loss of the model on (x, y) (the mean-square reconstruction loss for auto-encoders),
  // with the weight-decay term (lambda/2)||theta||^2 (002 L2386).
  at::Tensor loss_of(const at::Tensor& x, const at::Tensor& y) {
    const at::Tensor out = model_->forward(x);
    at::Tensor loss = ctx_.reconstructs ? at::mse_loss(out, pixels_of(x)) : at::cross_entropy_loss(out, y);
    if (ctx_.config.weight_decay > 0) {
      at::Tensor sq = at::zeros({}, loss.options());
      for (const auto& p : params_) sq = sq + p.square().sum();
      loss = loss + (ctx_.config.weight_decay / 2) * sq;
    }
    return loss;
  }

  // Forward and backward on this rank's rows of the global batch `indices` (of epoch
  // `epoch0`, 0-based), then the global mean loss and gradients over all ranks. Counts one
  // gradient evaluation.
  double backprop(std::uint64_t epoch0, const std::vector<std::int64_t>& indices) {
    const auto [lo, hi] = ctx_.group.local_rows(static_cast<std::int64_t>(indices.size()));
    for (auto& p : params_) p.mutable_grad() = at::Tensor();
    double local = 0;
    const std::int64_t count = hi - lo;
    if (count > 0) {
      const std::vector<std::int64_t> mine(indices.begin() + lo, indices.begin() + hi);
      auto [x, y] = ctx_.data.train_rows(epoch0, mine);
      x = x.to(ctx_.device);
      y = y.to(ctx_.device);
      at::Tensor loss = loss_of(x, y);
      loss.backward();
      local = loss.item<double>();
    }
    ++counters_.gradient_evaluations;
    if (ctx_.group.world_size() == 1) return local;
    return ctx_.group.average_loss_and_gradients(local, count, params_);
  }

  at::Tensor loss_tensor(double v) const { return at::scalar_tensor(v, at::TensorOptions().dtype(at::kDouble)); }

  // Returns true when training must stop (non-finite training loss).
  bool train_epoch(int epoch, const ov::gpu::data::EpochBatches& batches) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::uint64_t epoch0 = static_cast<std::uint64_t>(epoch - 1);
    EpochRecord rec;
    rec.epoch = epoch;
    model_->train();
    if (optimizer_->kind() == OptimizerKind::mbt) {
      const std::uint64_t finder_seed =
          ov::nets::data::derive_seed(ov::nets::data::derive_seed(seed_, 0x6d6274), epoch0);
      const std::int64_t before = counters_.gradient_evaluations;
      rec.extra = optimizer_->begin_epoch(
          [&](const std::vector<std::int64_t>& idx) { return loss_tensor(backprop(epoch0, idx)); },
          ctx_.data.train_count(), static_cast<std::size_t>(ctx_.config.batch_size), finder_seed);
      if (!rec.extra.empty()) rec.extra["finder_gradient_evaluations"] = counters_.gradient_evaluations - before;
    } else if (!ctx_.schedule.constant()) {
      optimizer_->set_lr(optimizer_->base_lr() * ctx_.schedule.factor(epoch));
    }
    rec.learning_rate = optimizer_->current_lr();
    model_->train();
    const auto order = batches.batches(epoch0);
    double loss_sum = 0, step_size_sum = 0;
    std::int64_t steps = 0, step_sizes = 0, rule_calls = 0;
    bool diverged = false;
    const bool closure = optimizer_->kind() == OptimizerKind::closure;
    for (std::size_t b = 0; b < order.size() && !diverged; ++b) {
      const std::vector<std::int64_t> idx(order[b].begin(), order[b].end());
      for (int r = 0; r < ctx_.config.batch_reuse; ++r) {
        double loss = 0;
        if (closure) {
          at::Tensor start = optimizer_->optimizer().step([&] { return loss_tensor(backprop(epoch0, idx)); });
          loss = start.defined() ? start.item<double>() : kNaN;
          rule_calls += optimizer_->last_rule_closure_calls();
          const double s = optimizer_->last_rule_step_size();
          if (std::isfinite(s)) {
            step_size_sum += s;
            ++step_sizes;
          }
        } else {
          loss = backprop(epoch0, idx);
        }
        loss_sum += loss;
        ++steps;
        if (!std::isfinite(loss)) {
          diverged = true;
          run_.diverged = true;
          run_.note = "the training loss became non-finite (" + std::to_string(loss) + ") at epoch " +
                      std::to_string(epoch) + ", batch " + std::to_string(b + 1) + "; stopped";
          break;
        }
        if (!closure) optimizer_->optimizer().step();
        rec.refused_steps += optimizer_->last_step_refusals();
        if (ctx_.callbacks.step) {
          StepProgress p;
          p.seed_index = seed_index_;
          p.seeds = ctx_.config.seeds.size();
          p.epoch = epoch;
          p.epochs = ctx_.config.epochs;
          p.batch = b + 1;
          p.batches = order.size();
          p.loss = loss;
          ctx_.callbacks.step(p);
        }
      }
    }
    rec.train_loss = steps > 0 ? loss_sum / static_cast<double>(steps) : kNaN;
    if (closure) {
      if (step_sizes > 0) rec.extra["mean_step_size"] = step_size_sum / static_cast<double>(step_sizes);
      rec.extra["rule_closure_calls"] = rule_calls;  // the optimizer's own count of this epoch's closure calls
    }
    if (diverged) {
      rec.validation_loss = kNaN;
      rec.validation_accuracy = kNaN;
      rec.extra["partial"] = true;
    } else {
      validate(rec);
      optimizer_->end_epoch(rec.train_loss);
    }
    rec.gradient_evaluations = counters_.gradient_evaluations;
    rec.function_evaluations = counters_.function_evaluations;
    rec.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run_.epochs.push_back(rec);
    return diverged;
  }

  // Loss and accuracy on the test split (subset), eval mode, no gradients; each rank takes its
  // block of rows and the ranks' means are combined by weight.
  void validate(EpochRecord& rec) {
    model_->eval();
    c10::NoGradGuard no_grad;
    const at::Tensor& images = ctx_.data.test_images();
    const at::Tensor& labels = ctx_.data.test_labels();
    const auto [lo, hi] = ctx_.group.local_rows(images.size(0));
    constexpr std::int64_t kChunk = 1000;
    double loss_sum = 0, correct = 0;
    for (std::int64_t s = lo; s < hi; s += kChunk) {
      const std::int64_t e = std::min(hi, s + kChunk);
      const at::Tensor x = images.slice(0, s, e).to(ctx_.device);
      const at::Tensor out = model_->forward(x);
      if (ctx_.reconstructs) {
        loss_sum += at::mse_loss(out, pixels_of(x), at::Reduction::Sum).item<double>() / static_cast<double>(x[0].numel());
      } else {
        const at::Tensor y = labels.slice(0, s, e).to(ctx_.device);
        loss_sum += at::cross_entropy_loss(out, y, {}, at::Reduction::Sum).item<double>();
        correct += out.argmax(1).eq(y).sum().item<double>();
      }
    }
    const double n = static_cast<double>(hi - lo);
    double loss = n > 0 ? loss_sum / n : 0, acc = n > 0 ? correct / n : 0;
    if (ctx_.group.world_size() > 1) {
      loss = ctx_.group.weighted_average(loss, n);
      acc = ctx_.group.weighted_average(acc, n);
    }
    rec.validation_loss = loss;
    rec.validation_accuracy = ctx_.reconstructs ? kNaN : acc;
    model_->train();
  }

  Context& ctx_;
  std::uint64_t seed_;
  std::size_t seed_index_;
  std::shared_ptr<zoo::ZooModel> model_;
  std::vector<at::Tensor> params_;
  std::unique_ptr<TrainingOptimizer> optimizer_;
  SeedRun run_;
  Counters counters_;
  std::string dir_;
};

nlohmann::json environment(const at::Device& device, const DataParallelGroup& group) {
  nlohmann::json env = {{"device", device.str()},
                        {"threads", at::get_num_threads()},
                        {"libtorch", std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) +
                                         "." + std::to_string(TORCH_VERSION_PATCH)},
                        {"world_size", group.world_size()},
                        {"rank", group.rank()},
                        {"closure_rules", closure_rules_available()}};
  if (device.is_cuda()) env["cuda_devices"] = torch::cuda::device_count();
  return env;
}

}  // namespace trainer_detail

TrainingResult run_training(const TrainingConfig& config, const TrainingCallbacks& callbacks) {
  using namespace trainer_detail;
  config.validate();
  if (!zoo::is_model_name(config.model)) {
    std::string valid;
    for (const auto& n : zoo::model_names()) valid += (valid.empty() ? "" : ", ") + n;
    throw std::invalid_argument("training config: unknown model \"" + config.model + "\"; valid: " + valid);
  }
  dataset_from_name(config.dataset);
  check_optimizer_spec(config.optimizer);
  if (config.threads > 0) at::set_num_threads(config.threads);
  const at::Device device = resolve_training_device(config.device);

  // Output directory: refuse to overwrite another run; on resume, the same run but for epochs.
  const std::string config_path = config.output_dir.empty() ? "" : config.output_dir + "/config.json";
  if (!config_path.empty() && std::filesystem::exists(config_path)) {
    if (!config.resume)
      throw std::invalid_argument("output_dir " + config.output_dir +
                                  " already holds a run (config.json): resume it (resume = true) or choose another directory");
    nlohmann::json stored;
    try {
      stored = nlohmann::json::parse(read_whole_file(config_path));
    } catch (const nlohmann::json::parse_error& e) {
      throw std::runtime_error(config_path + ": not valid JSON at byte " + std::to_string(e.byte) + ": truncated or corrupt");
    }
    const nlohmann::json a = resume_identity(TrainingConfig::from_json(stored)), b = resume_identity(config);
    if (a != b) {
      std::string diff;
      for (auto it = b.begin(); it != b.end(); ++it)
        if (!a.contains(it.key()) || a.at(it.key()) != it.value())
          diff += (diff.empty() ? "" : "; ") + it.key() + ": stored " + (a.contains(it.key()) ? a.at(it.key()).dump() : "-") +
                  ", given " + it.value().dump();
      throw std::invalid_argument("cannot resume " + config.output_dir + ": the config differs from its config.json in " +
                                  diff + " (only epochs may change on resume)");
    }
  }

  DataParallelGroup group(config.parallel, device.is_cuda());
  TrainingData data(config);
  bool reconstructs = false;
  for (const auto& info : zoo::model_catalog())
    if (info.name == config.model) reconstructs = info.reconstructs;
  if (reconstructs && !data.grayscale())
    throw std::invalid_argument("training config: model \"" + config.model + "\" reconstructs 1x28x28 images; dataset = " +
                                config.dataset + " has colour images (use mnist or fashion-mnist)");

  Context ctx{config, callbacks, data, group, device, reconstructs,
              group.rank() == 0 && !config.output_dir.empty(), LearningRateSchedule(config.lr_schedule)};
  if (ctx.writer) {
    std::filesystem::create_directories(config.output_dir);
    write_file_atomically(config_path, config.to_json().dump(1) + "\n");
  }
  if (callbacks.log) callbacks.log(data.description());

  TrainingResult result;
  result.config = config;
  result.environment = environment(device, group);
  result.environment["data"] = data.description();
  for (std::size_t i = 0; i < config.seeds.size(); ++i) {
    SeedTrainer t(ctx, config.seeds[i], i);
    result.runs.push_back(t.run());
  }
  return result;
}

}  // namespace ov::gpu::train
