// EpochRecord <-> JSON (epochs.json, checkpoints, reports). Non-finite numbers (a NaN
// accuracy for reconstruction models, a diverged loss) are written as null, as JSON has no
// such numbers, and read back as NaN.
#include "gpu/train/training_result.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace ov::gpu::train {

namespace training_result_detail {

nlohmann::json real(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

double real_from(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) throw std::invalid_argument(std::string("epoch record: missing field \"") + key + "\"");
  const auto& v = j.at(key);
  if (v.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!v.is_number()) throw std::invalid_argument(std::string("epoch record: field \"") + key + "\" is not a number");
  return v.get<double>();
}

std::int64_t count_from(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) throw std::invalid_argument(std::string("epoch record: missing field \"") + key + "\"");
  const auto& v = j.at(key);
  if (!v.is_number_integer()) {
    throw std::invalid_argument(std::string("epoch record: field \"") + key + "\" is not an integer");
  }
  return v.get<std::int64_t>();
}

}  // namespace training_result_detail

nlohmann::json to_json(const EpochRecord& r) {
  using training_result_detail::real;
  return {{"epoch", r.epoch},
          {"train_loss", real(r.train_loss)},
          {"validation_loss", real(r.validation_loss)},
          {"validation_accuracy", real(r.validation_accuracy)},
          {"learning_rate", real(r.learning_rate)},
          {"seconds", real(r.seconds)},
          {"gradient_evaluations", r.gradient_evaluations},
          {"function_evaluations", r.function_evaluations},
          {"refused_steps", r.refused_steps},
          {"extra", r.extra}};
}

EpochRecord epoch_record_from_json(const nlohmann::json& j) {
  using namespace training_result_detail;
  if (!j.is_object()) throw std::invalid_argument("epoch record: expected a JSON object");
  EpochRecord r;
  r.epoch = static_cast<int>(count_from(j, "epoch"));
  r.train_loss = real_from(j, "train_loss");
  r.validation_loss = real_from(j, "validation_loss");
  r.validation_accuracy = real_from(j, "validation_accuracy");
  r.learning_rate = real_from(j, "learning_rate");
  r.seconds = real_from(j, "seconds");
  r.gradient_evaluations = count_from(j, "gradient_evaluations");
  r.function_evaluations = count_from(j, "function_evaluations");
  r.refused_steps = count_from(j, "refused_steps");
  if (j.contains("extra")) r.extra = j.at("extra");
  return r;
}

}  // namespace ov::gpu::train
