// TrainingConfig: validation and JSON (docs/benchmarks.md "Configuration").
#include "gpu/train/training_config.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <type_traits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "gpu/train/learning_rate_schedule.hpp"

namespace ov::gpu::train {

namespace training_config_detail {

[[noreturn]] void bad(const std::string& field, const std::string& value, const std::string& valid) {
  throw std::invalid_argument("training config: " + field + " = " + value + " is outside its valid range " + valid);
}

bool valid_device(const std::string& d) {
  if (d == "auto" || d == "cpu" || d == "cuda") return true;
  if (d.rfind("cuda:", 0) != 0 || d.size() == 5 || d.size() > 8) return false;
  for (std::size_t i = 5; i < d.size(); ++i)
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

bool valid_master(const std::string& m) {
  const auto colon = m.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == m.size() || m.size() - colon - 1 > 5) return false;
  long port = 0;
  for (std::size_t i = colon + 1; i < m.size(); ++i) {
    if (m[i] < '0' || m[i] > '9') return false;
    port = port * 10 + (m[i] - '0');
  }
  return port >= 1 && port <= 65535;
}

template <class T>
void take(const nlohmann::json& j, const char* key, T& out, const char* type, const char* prefix = "") {
  if (!j.contains(key)) return;
  const auto& v = j.at(key);
  bool ok = false;
  if constexpr (std::is_same_v<T, std::string>) ok = v.is_string();
  else if constexpr (std::is_same_v<T, bool>) ok = v.is_boolean();
  else if constexpr (std::is_same_v<T, double>) ok = v.is_number();
  else if constexpr (std::is_unsigned_v<T>) ok = v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
  else ok = v.is_number_integer();
  if (!ok) throw std::invalid_argument(std::string("training config: field \"") + prefix + key + "\" must be " + type);
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_unsigned_v<T>) {
    const auto x = v.get<std::int64_t>();
    if (x < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        x > static_cast<std::int64_t>(std::numeric_limits<T>::max()))
      throw std::invalid_argument(std::string("training config: field \"") + prefix + key + "\" = " + v.dump() +
                                  " does not fit");
  }
  out = v.get<T>();
}

void refuse_unknown(const nlohmann::json& j, const std::set<std::string>& known, const std::string& where) {
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known.count(it.key())) {
      std::string valid;
      for (const auto& k : known) valid += (valid.empty() ? "" : ", ") + k;
      throw std::invalid_argument("training config: unknown field \"" + where + it.key() + "\"; valid: " + valid);
    }
}

}  // namespace training_config_detail

void TrainingConfig::validate() const {
  using training_config_detail::bad;
  if (model.empty()) bad("model", "\"\"", "(a model name, nets/torch model_names())");
  static const std::set<std::string> datasets{"mnist", "fashion-mnist", "cifar10", "cifar100"};
  if (!datasets.count(dataset)) bad("dataset", "\"" + dataset + "\"", "{mnist, fashion-mnist, cifar10, cifar100}");
  if (optimizer.empty()) bad("optimizer", "\"\"", "(an optimizer spec NAME[:k=v,...])");
  if (epochs < 1 || epochs > 1000000) bad("epochs", std::to_string(epochs), "[1, 1000000]");
  if (batch_size < 1) bad("batch_size", std::to_string(batch_size), "[1, inf)");
  if (seeds.empty()) bad("seeds", "[]", "(at least one seed)");
  std::set<std::uint64_t> distinct(seeds.begin(), seeds.end());
  if (distinct.size() != seeds.size()) bad("seeds", "(a list with a repeated seed)", "(distinct seeds)");
  if (!training_config_detail::valid_device(device)) bad("device", "\"" + device + "\"", "{auto, cpu, cuda, cuda:N}");
  if (subset < 0) bad("subset", std::to_string(subset), "[0, inf) (0: the whole training split)");
  if (test_subset < 0) bad("test_subset", std::to_string(test_subset), "[0, inf) (0: the whole test split)");
  if (!std::isfinite(weight_decay) || weight_decay < 0) bad("weight_decay", std::to_string(weight_decay), "[0, inf)");
  try {
    LearningRateSchedule check(lr_schedule);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("training config: lr_schedule: ") + e.what());
  }
  if (batch_reuse < 1 || batch_reuse > 1000000) bad("batch_reuse", std::to_string(batch_reuse), "[1, 1000000]");
  if (threads < 0 || threads > 4096) bad("threads", std::to_string(threads), "[0, 4096] (0: LibTorch's default)");
  if (resume && output_dir.empty()) bad("resume", "true", "(resume needs output_dir: the checkpoints live there)");
  if (parallel.world_size < 1) bad("parallel.world_size", std::to_string(parallel.world_size), "[1, inf)");
  if (parallel.rank < 0 || parallel.rank >= parallel.world_size)
    bad("parallel.rank", std::to_string(parallel.rank), "[0, world_size - 1] = [0, " + std::to_string(parallel.world_size - 1) + "]");
  if (!training_config_detail::valid_master(parallel.master))
    bad("parallel.master", "\"" + parallel.master + "\"", "(\"ADDR:PORT\" with PORT in [1, 65535])");
}

nlohmann::json TrainingConfig::to_json() const {
  return {{"model", model},
          {"dataset", dataset},
          {"data_dir", data_dir},
          {"optimizer", optimizer},
          {"epochs", epochs},
          {"batch_size", batch_size},
          {"seeds", seeds},
          {"device", device},
          {"subset", subset},
          {"test_subset", test_subset},
          {"weight_decay", weight_decay},
          {"lr_schedule", lr_schedule},
          {"batch_reuse", batch_reuse},
          {"augment", augment},
          {"threads", threads},
          {"output_dir", output_dir},
          {"resume", resume},
          {"parallel", {{"world_size", parallel.world_size}, {"rank", parallel.rank}, {"master", parallel.master}}}};
}

TrainingConfig TrainingConfig::from_json(const nlohmann::json& j) {
  using training_config_detail::take;
  if (!j.is_object()) throw std::invalid_argument("training config: expected a JSON object");
  training_config_detail::refuse_unknown(
      j,
      {"model", "dataset", "data_dir", "optimizer", "epochs", "batch_size", "seeds", "device", "subset", "test_subset",
       "weight_decay", "lr_schedule", "batch_reuse", "augment", "threads", "output_dir", "resume", "parallel"},
      "");
  TrainingConfig c;
  take(j, "model", c.model, "a string");
  take(j, "dataset", c.dataset, "a string");
  take(j, "data_dir", c.data_dir, "a string");
  take(j, "optimizer", c.optimizer, "a string");
  take(j, "epochs", c.epochs, "an integer");
  take(j, "batch_size", c.batch_size, "an integer");
  if (j.contains("seeds")) {
    const auto& s = j.at("seeds");
    if (!s.is_array()) throw std::invalid_argument("training config: field \"seeds\" must be an array of integers >= 0");
    c.seeds.clear();
    for (const auto& x : s) {
      if (!(x.is_number_unsigned() || (x.is_number_integer() && x.get<std::int64_t>() >= 0)))
        throw std::invalid_argument("training config: field \"seeds\" must be an array of integers >= 0 (got " + x.dump() + ")");
      c.seeds.push_back(x.get<std::uint64_t>());
    }
  }
  take(j, "device", c.device, "a string");
  take(j, "subset", c.subset, "an integer");
  take(j, "test_subset", c.test_subset, "an integer");
  take(j, "weight_decay", c.weight_decay, "a number");
  take(j, "lr_schedule", c.lr_schedule, "a string");
  take(j, "batch_reuse", c.batch_reuse, "an integer");
  take(j, "augment", c.augment, "a boolean");
  take(j, "threads", c.threads, "an integer");
  take(j, "output_dir", c.output_dir, "a string");
  take(j, "resume", c.resume, "a boolean");
  if (j.contains("parallel")) {
    const auto& p = j.at("parallel");
    if (!p.is_object()) throw std::invalid_argument("training config: field \"parallel\" must be an object");
    training_config_detail::refuse_unknown(p, {"world_size", "rank", "master"}, "parallel.");
    take(p, "world_size", c.parallel.world_size, "an integer", "parallel.");
    take(p, "rank", c.parallel.rank, "an integer", "parallel.");
    take(p, "master", c.parallel.master, "a string", "parallel.");
  }
  return c;
}

}  // namespace ov::gpu::train
