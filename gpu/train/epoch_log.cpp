#include "gpu/train/epoch_log.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "gpu/train/atomic_file.hpp"

namespace ov::gpu::train {

namespace epoch_log_detail {

std::string real(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace epoch_log_detail

std::string epochs_csv(const SeedRun& run) {
  using epoch_log_detail::real;
  std::string s =
      "epoch,train_loss,validation_loss,validation_accuracy,learning_rate,seconds,gradient_evaluations,"
      "function_evaluations,refused_steps\n";
  for (const EpochRecord& r : run.epochs) {
    s += std::to_string(r.epoch) + "," + real(r.train_loss) + "," + real(r.validation_loss) + "," +
         real(r.validation_accuracy) + "," + real(r.learning_rate) + "," + real(r.seconds) + "," +
         std::to_string(r.gradient_evaluations) + "," + std::to_string(r.function_evaluations) + "," +
         std::to_string(r.refused_steps) + "\n";
  }
  return s;
}

nlohmann::json epochs_json(const SeedRun& run) {
  nlohmann::json records = nlohmann::json::array();
  for (const EpochRecord& r : run.epochs) records.push_back(to_json(r));
  return {{"seed", run.seed}, {"diverged", run.diverged}, {"note", run.note}, {"epochs", records}};
}

SeedRun seed_run_from_json(const nlohmann::json& j) {
  SeedRun run;
  if (!j.is_object() || !j.contains("seed") || !j.contains("epochs") || !j.at("epochs").is_array())
    throw std::invalid_argument("seed run: expected an object with \"seed\" and an \"epochs\" array");
  run.seed = j.at("seed").get<std::uint64_t>();
  run.diverged = j.value("diverged", false);
  run.note = j.value("note", std::string());
  for (const auto& r : j.at("epochs")) run.epochs.push_back(epoch_record_from_json(r));
  return run;
}

void write_epoch_log(const std::string& dir, const SeedRun& run) {
  write_file_atomically(dir + "/epochs.csv", epochs_csv(run));
  write_file_atomically(dir + "/epochs.json", epochs_json(run).dump(1) + "\n");
}

}  // namespace ov::gpu::train
