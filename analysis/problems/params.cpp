#include "analysis/problems/params.hpp"

namespace ov::problems {

long Params::get_int(const std::string& key) const {
  const std::string& s = text(key);
  std::size_t used = 0;
  long v = 0;
  try {
    v = std::stol(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != s.size() || s.empty()) {
    throw std::invalid_argument("problem parameter '" + key + "' must be an integer, got \"" + s + "\"");
  }
  return v;
}

Params Params::merged(const Params& overrides, const std::string& problem) const {
  Params out = *this;
  for (const auto& [k, v] : overrides.values_) {
    if (!has(k)) {
      std::string valid;
      for (const auto& [dk, _] : values_) valid += (valid.empty() ? "" : ", ") + dk;
      throw std::invalid_argument("problem '" + problem + "' has no parameter '" + k + "'" +
                                  (valid.empty() ? std::string(" (it takes none)") : " (valid: " + valid + ")"));
    }
    out.values_[k] = v;
  }
  return out;
}

}  // namespace ov::problems
