#include "proofs-checks/figures.hpp"

#include <string>

namespace ov::claims {

namespace {

void flatten_into(const nlohmann::json& j, const std::string& key, nlohmann::json& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) flatten_into(it.value(), key.empty() ? it.key() : key + "." + it.key(), out);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) flatten_into(j[i], (key.empty() ? "" : key + ".") + std::to_string(i), out);
  } else {
    out[key] = j;
  }
}

}  // namespace

nlohmann::json flatten_figures(const nlohmann::json& figures) {
  nlohmann::json out = nlohmann::json::object();
  flatten_into(figures, "", out);
  return out;
}

}  // namespace ov::claims
