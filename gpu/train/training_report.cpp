// TrainingResult -> report-schema Benchmark entry (training_report.hpp).
#include "gpu/train/training_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace ov::gpu::train {

namespace training_report_detail {

// Mean, min and max of the finite values (count 0 when there is none).
struct Spread {
  std::size_t count = 0;
  double mean = std::numeric_limits<double>::quiet_NaN();
  double min = std::numeric_limits<double>::quiet_NaN();
  double max = std::numeric_limits<double>::quiet_NaN();
};

Spread spread(const std::vector<double>& values) {
  Spread s;
  double sum = 0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    if (s.count == 0) {
      s.min = s.max = v;
    } else {
      s.min = std::min(s.min, v);
      s.max = std::max(s.max, v);
    }
    sum += v;
    ++s.count;
  }
  if (s.count > 0) s.mean = sum / static_cast<double>(s.count);
  return s;
}

nlohmann::json real_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

// One convergence series; points with a non-finite coordinate (or y <= 0 on a logarithmic y
// axis, which cannot be drawn) are dropped; null when no point is left.
nlohmann::json series(const std::string& name, const std::string& plot, const std::vector<double>& x,
                      const std::vector<double>& y, const std::string& x_label, const std::string& y_label,
                      bool log_y) {
  nlohmann::json xs = nlohmann::json::array(), ys = nlohmann::json::array();
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || (log_y && y[i] <= 0)) continue;
    xs.push_back(x[i]);
    ys.push_back(y[i]);
  }
  if (xs.empty()) return nullptr;
  return {{"name", name},     {"plot", plot}, {"kind", "convergence"}, {"role", "measured"},
          {"x", xs},          {"y", ys},      {"x_label", x_label},    {"y_label", y_label},
          {"log_y", log_y}};
}

void add(nlohmann::json& list, nlohmann::json s) {
  if (!s.is_null()) list.push_back(std::move(s));
}

// The values of one field of epoch `epoch` (1-based) over the seeds that reached it.
template <class Field>
std::vector<double> at_epoch(const TrainingResult& r, int epoch, Field field) {
  std::vector<double> v;
  for (const auto& run : r.runs) {
    if (static_cast<std::size_t>(epoch) <= run.epochs.size()) v.push_back(field(run.epochs[epoch - 1]));
  }
  return v;
}

void check_shape(const TrainingResult& r) {
  if (r.runs.size() != r.config.seeds.size()) {
    throw std::invalid_argument("training result: " + std::to_string(r.runs.size()) + " run(s) for " +
                                std::to_string(r.config.seeds.size()) + " seed(s) in the config");
  }
  for (std::size_t i = 0; i < r.runs.size(); ++i) {
    const auto& run = r.runs[i];
    if (run.seed != r.config.seeds[i]) {
      throw std::invalid_argument("training result: run " + std::to_string(i) + " has seed " +
                                  std::to_string(run.seed) + " but config.seeds[" + std::to_string(i) +
                                  "] = " + std::to_string(r.config.seeds[i]));
    }
    for (std::size_t e = 0; e < run.epochs.size(); ++e) {
      if (run.epochs[e].epoch != static_cast<int>(e) + 1) {
        throw std::invalid_argument("training result: seed " + std::to_string(run.seed) + ": record " +
                                    std::to_string(e) + " has epoch " + std::to_string(run.epochs[e].epoch) +
                                    ", expected " + std::to_string(e + 1));
      }
    }
  }
}

}  // namespace training_report_detail

std::string training_run_name(const TrainingConfig& config) {
  return config.model + "/" + config.dataset + " " + config.optimizer + " batch " + std::to_string(config.batch_size);
}

nlohmann::json training_benchmark(const TrainingResult& result, const std::string& name) {
  using namespace training_report_detail;
  check_shape(result);
  const TrainingConfig& c = result.config;
  const std::string entry = name.empty() ? training_run_name(c) : name;

  std::size_t longest = 0, finished = 0, diverged = 0;
  std::int64_t refused = 0;
  double seconds = 0;
  nlohmann::json notes = nlohmann::json::array();
  std::vector<double> last_loss, last_acc, last_vloss, last_grads, last_funcs;
  for (const auto& run : result.runs) {
    longest = std::max(longest, run.epochs.size());
    if (static_cast<int>(run.epochs.size()) >= c.epochs && !run.diverged) ++finished;
    if (run.diverged) ++diverged;
    if (run.diverged || !run.note.empty()) {
      notes.push_back("seed " + std::to_string(run.seed) + (run.diverged ? " diverged" : "") + " after " +
                      std::to_string(run.epochs.size()) + " epoch(s)" + (run.note.empty() ? "" : ": " + run.note));
    }
    for (const auto& e : run.epochs) {
      refused += e.refused_steps;
      if (std::isfinite(e.seconds)) seconds += e.seconds;
    }
    if (!run.epochs.empty()) {
      const EpochRecord& last = run.epochs.back();
      last_loss.push_back(last.train_loss);
      last_acc.push_back(last.validation_accuracy);
      last_vloss.push_back(last.validation_loss);
      last_grads.push_back(static_cast<double>(last.gradient_evaluations));
      last_funcs.push_back(static_cast<double>(last.function_evaluations));
    }
  }
  const Spread acc = spread(last_acc);

  nlohmann::json seeds = nlohmann::json::array();
  for (auto s : c.seeds) seeds.push_back(s);
  nlohmann::json b = {{"name", entry},
                      {"model", c.model},
                      {"dataset", c.dataset},
                      {"optimizer", c.optimizer},
                      {"epochs", c.epochs},
                      {"batch_size", c.batch_size},
                      {"seeds", seeds},
                      {"device", result.environment.value("device", c.device)},
                      {"lr_schedule", c.lr_schedule},
                      {"weight_decay", c.weight_decay},
                      {"subset", c.subset},
                      {"test_subset", c.test_subset},
                      {"batch_reuse", c.batch_reuse},
                      {"augment", c.augment},
                      {"world_size", c.parallel.world_size},
                      {"seeds_finished", finished},
                      {"seeds_diverged", diverged},
                      {"final_train_loss_mean", real_or_null(spread(last_loss).mean)},
                      {"final_validation_accuracy_mean", real_or_null(acc.mean)},
                      {"final_validation_accuracy_min", real_or_null(acc.min)},
                      {"final_validation_accuracy_max", real_or_null(acc.max)},
                      {"final_validation_loss_mean", real_or_null(spread(last_vloss).mean)},
                      {"gradient_evaluations", real_or_null(spread(last_grads).mean)},
                      {"function_evaluations", real_or_null(spread(last_funcs).mean)},
                      {"refused_steps", refused},
                      {"seconds", seconds},
                      {"notes", notes},
                      {"config", c.to_json()},
                      {"environment", result.environment}};

  // Per-epoch statistics over the seeds that reached the epoch.
  std::vector<double> epoch_x, grads_x, loss_mean, loss_min, loss_max, acc_mean, acc_min, acc_max, vloss_mean;
  for (std::size_t e = 1; e <= longest; ++e) {
    const int k = static_cast<int>(e);
    epoch_x.push_back(static_cast<double>(e));
    grads_x.push_back(spread(at_epoch(result, k, [](const EpochRecord& r) {
                        return static_cast<double>(r.gradient_evaluations);
                      })).mean);
    const Spread l = spread(at_epoch(result, k, [](const EpochRecord& r) { return r.train_loss; }));
    loss_mean.push_back(l.mean);
    loss_min.push_back(l.min);
    loss_max.push_back(l.max);
    const Spread a = spread(at_epoch(result, k, [](const EpochRecord& r) { return r.validation_accuracy; }));
    acc_mean.push_back(a.mean);
    acc_min.push_back(a.min);
    acc_max.push_back(a.max);
    vloss_mean.push_back(spread(at_epoch(result, k, [](const EpochRecord& r) { return r.validation_loss; })).mean);
  }
  nlohmann::json list = nlohmann::json::array();
  const std::string loss_plot = entry + ": training loss";
  add(list, series("mean over seeds", loss_plot, grads_x, loss_mean, "gradient evaluations", "training loss", true));
  add(list, series("min over seeds", loss_plot, grads_x, loss_min, "gradient evaluations", "training loss", true));
  add(list, series("max over seeds", loss_plot, grads_x, loss_max, "gradient evaluations", "training loss", true));
  const std::string acc_plot = entry + ": validation accuracy";
  add(list, series("mean over seeds", acc_plot, epoch_x, acc_mean, "epoch", "validation accuracy", false));
  add(list, series("min over seeds", acc_plot, epoch_x, acc_min, "epoch", "validation accuracy", false));
  add(list, series("max over seeds", acc_plot, epoch_x, acc_max, "epoch", "validation accuracy", false));
  add(list, series("mean over seeds", entry + ": validation loss", epoch_x, vloss_mean, "epoch", "validation loss",
                   false));
  for (const auto& run : result.runs) {
    std::vector<double> x, y;
    for (const auto& e : run.epochs) {
      x.push_back(static_cast<double>(e.epoch));
      y.push_back(e.learning_rate);
    }
    add(list, series("seed " + std::to_string(run.seed), entry + ": learning rate", x, y, "epoch", "learning rate",
                     true));
  }
  b["series"] = list;
  return b;
}

}  // namespace ov::gpu::train
