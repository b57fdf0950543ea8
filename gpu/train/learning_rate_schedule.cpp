#include "gpu/train/learning_rate_schedule.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <vector>

namespace ov::gpu::train {

namespace learning_rate_schedule_detail {

double number(const std::string& spec, const std::string& key, const std::string& text) {
  auto one = [&](const std::string& s) {
    const char* b = s.c_str();
    char* e = nullptr;
    const double v = std::strtod(b, &e);
    if (s.empty() || e != b + s.size() || !std::isfinite(v))
      throw std::invalid_argument("learning-rate schedule \"" + spec + "\": " + key + " = \"" + text +
                                  "\" is not a finite number");
    return v;
  };
  const auto slash = text.find('/');
  if (slash == std::string::npos) return one(text);
  const double d = one(text.substr(slash + 1));
  if (d == 0) throw std::invalid_argument("learning-rate schedule \"" + spec + "\": " + key + " divides by zero");
  return one(text.substr(0, slash)) / d;
}

}  // namespace learning_rate_schedule_detail

LearningRateSchedule::LearningRateSchedule(const std::string& spec) : spec_(spec) {
  using learning_rate_schedule_detail::number;
  const auto colon = spec.find(':');
  const std::string name = spec.substr(0, colon);
  std::vector<std::string> keys;
  if (name == "constant") {
    kind_ = Kind::constant;
  } else if (name == "inverse_sqrt_epoch") {
    kind_ = Kind::inverse_sqrt_epoch;
    keys = {"delta"};
  } else if (name == "power") {
    kind_ = Kind::power;
    keys = {"q"};
  } else if (name == "step") {
    kind_ = Kind::step;
    keys = {"factor", "every"};
  } else {
    throw std::invalid_argument("learning-rate schedule \"" + spec +
                                "\": unknown name; valid: constant, inverse_sqrt_epoch[:delta=D], power[:q=Q], "
                                "step[:factor=F,every=N]");
  }
  std::map<std::string, std::string> given;
  if (colon != std::string::npos) {
    const std::string rest = spec.substr(colon + 1);
    std::size_t pos = 0;
    while (true) {
      const auto comma = rest.find(',', pos);
      const std::string item = rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
        throw std::invalid_argument("learning-rate schedule \"" + spec + "\": \"" + item + "\" is not key=value");
      const std::string key = item.substr(0, eq);
      bool known = false;
      std::string valid;
      for (const auto& k : keys) {
        known = known || k == key;
        valid += (valid.empty() ? "" : ", ") + k;
      }
      if (!known)
        throw std::invalid_argument("learning-rate schedule \"" + spec + "\": " + name + " has no key \"" + key +
                                    "\"; valid keys: " + (valid.empty() ? "none" : valid));
      if (given.count(key)) throw std::invalid_argument("learning-rate schedule \"" + spec + "\": key \"" + key + "\" given twice");
      given[key] = item.substr(eq + 1);
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  auto range = [&](const char* key, double v, bool ok, const char* valid) {
    if (!ok)
      throw std::invalid_argument("learning-rate schedule \"" + spec + "\": " + key + " = " + given.at(key) +
                                  " is outside its valid range " + valid);
    return v;
  };
  if (given.count("delta")) {
    const double v = number(spec, "delta", given["delta"]);
    delta_ = range("delta", v, v >= -0.5 && v <= 100, "[-1/2, 100]");
  }
  if (given.count("q")) {
    const double v = number(spec, "q", given["q"]);
    q_ = range("q", v, v >= 0 && v <= 100, "[0, 100]");
  }
  if (given.count("factor")) {
    const double v = number(spec, "factor", given["factor"]);
    factor_ = range("factor", v, v > 0 && v <= 1, "(0, 1]");
  }
  if (given.count("every")) {
    const double v = number(spec, "every", given["every"]);
    every_ = static_cast<int>(range("every", v, v >= 1 && v <= 1e9 && std::floor(v) == v, "(integers in [1, 1e9])"));
  }
}

double LearningRateSchedule::factor(int epoch) const {
  if (epoch < 1) throw std::invalid_argument("learning-rate schedule: epoch = " + std::to_string(epoch) + " is outside [1, inf)");
  const double e = epoch;
  switch (kind_) {
    case Kind::constant: return 1;
    case Kind::inverse_sqrt_epoch: return 1 / std::pow(e, 0.5 + delta_);
    case Kind::power: return std::pow(e, -q_);  // (k + 1)^-q, k = e - 1
    case Kind::step: return std::pow(factor_, (epoch - 1) / every_);
  }
  return 1;
}

}  // namespace ov::gpu::train
