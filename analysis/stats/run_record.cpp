#include "analysis/stats/run_record.hpp"

#include <stdexcept>

namespace ov::stats {

bool RunRecord::operator==(const RunRecord& o) const {
  return index == o.index && seed == o.seed && x0 == o.x0 && x == o.x && value == o.value &&
         grad_norm == o.grad_norm && iterations == o.iterations && stop_reason == o.stop_reason &&
         outcome == o.outcome && escape_iteration == o.escape_iteration;
}

nlohmann::json to_json(const RunRecord& r) {
  return {{"index", r.index},   {"seed", r.seed},           {"x0", r.x0},
          {"x", r.x},           {"value", r.value},         {"grad_norm", r.grad_norm},
          {"iterations", r.iterations}, {"stop_reason", r.stop_reason}, {"outcome", r.outcome},
          {"escape_iteration", r.escape_iteration}};
}

namespace {

const nlohmann::json& field(const nlohmann::json& j, const char* name) {
  if (!j.is_object() || !j.contains(name)) throw std::invalid_argument(std::string("missing field \"") + name + "\"");
  return j.at(name);
}

std::vector<std::string> strings(const nlohmann::json& j, const char* name) {
  const auto& a = field(j, name);
  if (!a.is_array()) throw std::invalid_argument(std::string("field \"") + name + "\" is not an array");
  std::vector<std::string> out;
  for (const auto& v : a) {
    if (!v.is_string()) throw std::invalid_argument(std::string("field \"") + name + "\" has a non-string entry");
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string string(const nlohmann::json& j, const char* name) {
  const auto& v = field(j, name);
  if (!v.is_string()) throw std::invalid_argument(std::string("field \"") + name + "\" is not a string");
  return v.get<std::string>();
}

}  // namespace

RunRecord run_record_from_json(const nlohmann::json& j) {
  RunRecord r;
  const auto& index = field(j, "index");
  const auto& seed = field(j, "seed");
  const auto& iters = field(j, "iterations");
  if (!index.is_number_unsigned() && !(index.is_number_integer() && index.get<std::int64_t>() >= 0)) {
    throw std::invalid_argument("field \"index\" is not a non-negative integer");
  }
  if (!seed.is_number_unsigned() && !(seed.is_number_integer() && seed.get<std::int64_t>() >= 0)) {
    throw std::invalid_argument("field \"seed\" is not a non-negative integer");
  }
  if (!iters.is_number_integer()) throw std::invalid_argument("field \"iterations\" is not an integer");
  const auto& escape = field(j, "escape_iteration");
  if (!escape.is_number_integer()) throw std::invalid_argument("field \"escape_iteration\" is not an integer");
  r.escape_iteration = escape.get<std::int64_t>();
  r.index = index.get<std::uint64_t>();
  r.seed = seed.get<std::uint64_t>();
  r.iterations = iters.get<std::int64_t>();
  r.x0 = strings(j, "x0");
  r.x = strings(j, "x");
  r.value = string(j, "value");
  r.grad_norm = string(j, "grad_norm");
  r.stop_reason = string(j, "stop_reason");
  r.outcome = string(j, "outcome");
  return r;
}

}  // namespace ov::stats
