// MbtSettingsReader (mbt_settings_reader.hpp).
#include "gpu/bench/mbt_settings_reader.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ov::gpu::bench {

namespace mbt_settings_reader_detail {

std::string range_text(double lo, double hi) {
  std::ostringstream s;
  s << "[" << lo << ", " << hi << "]";
  return s.str();
}

}  // namespace mbt_settings_reader_detail

MbtSettingsReader::MbtSettingsReader(const nlohmann::json& block, std::string where)
    : block_(block), where_(std::move(where)) {
  if (!block_.is_object()) throw std::invalid_argument(where_ + ": the settings block must be a JSON object");
}

void MbtSettingsReader::fail(const std::string& key, const std::string& message) const {
  throw std::invalid_argument(where_ + ": key \"" + key + "\": " + message);
}

const nlohmann::json* MbtSettingsReader::find(const std::string& key, bool required) {
  known_.insert(key);
  auto it = block_.find(key);
  if (it == block_.end()) {
    if (required) fail(key, "missing (required)");
    return nullptr;
  }
  return &*it;
}

std::string MbtSettingsReader::text(const std::string& key, const std::optional<std::string>& fallback,
                                    const std::vector<std::string>& valid) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_string()) fail(key, "must be a string");
  std::string s = v->get<std::string>();
  if (!valid.empty()) {
    bool ok = false;
    std::string list;
    for (const auto& x : valid) {
      ok = ok || x == s;
      list += (list.empty() ? "" : ", ") + x;
    }
    if (!ok) fail(key, "\"" + s + "\" is not one of: " + list);
  }
  return s;
}

double MbtSettingsReader::number(const std::string& key, std::optional<double> fallback, double lo, double hi) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_number()) fail(key, "must be a number in " + mbt_settings_reader_detail::range_text(lo, hi));
  const double x = v->get<double>();
  if (!std::isfinite(x) || x < lo || x > hi)
    fail(key, "value " + v->dump() + " outside " + mbt_settings_reader_detail::range_text(lo, hi));
  return x;
}

std::int64_t MbtSettingsReader::integer(const std::string& key, std::optional<std::int64_t> fallback, std::int64_t lo,
                                        std::int64_t hi) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_number_integer())
    fail(key, "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  const std::int64_t x = v->get<std::int64_t>();
  if (x < lo || x > hi)
    fail(key, "value " + v->dump() + " outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return x;
}

bool MbtSettingsReader::flag(const std::string& key, std::optional<bool> fallback) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_boolean()) fail(key, "must be true or false");
  return v->get<bool>();
}

std::vector<double> MbtSettingsReader::numbers(const std::string& key,
                                               const std::optional<std::vector<double>>& fallback, double lo,
                                               double hi) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_array() || v->empty()) fail(key, "must be a non-empty array of numbers");
  std::vector<double> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& e = (*v)[i];
    if (!e.is_number() || !std::isfinite(e.get<double>()) || e.get<double>() < lo || e.get<double>() > hi)
      fail(key, "element " + std::to_string(i) + " (" + e.dump() + ") is not a number in " +
                    mbt_settings_reader_detail::range_text(lo, hi));
    out.push_back(e.get<double>());
  }
  return out;
}

std::vector<std::int64_t> MbtSettingsReader::integers(const std::string& key,
                                                      const std::optional<std::vector<std::int64_t>>& fallback,
                                                      std::int64_t lo, std::int64_t hi) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_array() || v->empty()) fail(key, "must be a non-empty array of integers");
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const auto& e = (*v)[i];
    if (!e.is_number_integer() || e.get<std::int64_t>() < lo || e.get<std::int64_t>() > hi)
      fail(key, "element " + std::to_string(i) + " (" + e.dump() + ") is not an integer in [" + std::to_string(lo) +
                    ", " + std::to_string(hi) + "]");
    out.push_back(e.get<std::int64_t>());
  }
  return out;
}

std::vector<std::string> MbtSettingsReader::texts(const std::string& key,
                                                  const std::optional<std::vector<std::string>>& fallback) {
  const nlohmann::json* v = find(key, !fallback);
  if (!v) return *fallback;
  if (!v->is_array() || v->empty()) fail(key, "must be a non-empty array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string() || (*v)[i].get<std::string>().empty())
      fail(key, "element " + std::to_string(i) + " must be a non-empty string");
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

nlohmann::json MbtSettingsReader::raw(const std::string& key, bool required) {
  const nlohmann::json* v = find(key, required);
  return v ? *v : nlohmann::json();
}

void MbtSettingsReader::finish() const {
  for (auto it = block_.begin(); it != block_.end(); ++it) {
    if (!known_.count(it.key())) {
      std::string list;
      for (const auto& k : known_) list += (list.empty() ? "" : ", ") + k;
      throw std::invalid_argument(where_ + ": unknown key \"" + it.key() + "\" (known: " + list + ")");
    }
  }
}

}  // namespace ov::gpu::bench
