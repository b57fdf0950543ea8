// Reads one settings block of an MBT protocol file (protocol.hpp: the "cpu" or "full"
// object) with typed, range-checked getters. Every error is std::invalid_argument naming the
// file, the block and the key, with the valid range; finish() refuses keys no getter asked
// for (a misspelt key is an error, not a silently ignored one), listing the known keys.
// Torch-free.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::gpu::bench {

class MbtSettingsReader {
 public:
  // where: e.g. "bench/protocols/mbt_table1.json: \"cpu\"" (prefix of every message).
  MbtSettingsReader(const nlohmann::json& block, std::string where);

  // Without a default the key is required.
  std::string text(const std::string& key, const std::optional<std::string>& fallback = std::nullopt,
                   const std::vector<std::string>& valid = {});
  double number(const std::string& key, std::optional<double> fallback, double lo, double hi);
  std::int64_t integer(const std::string& key, std::optional<std::int64_t> fallback, std::int64_t lo,
                       std::int64_t hi);
  bool flag(const std::string& key, std::optional<bool> fallback);
  // Non-empty arrays.
  std::vector<double> numbers(const std::string& key, const std::optional<std::vector<double>>& fallback, double lo,
                              double hi);
  std::vector<std::int64_t> integers(const std::string& key,
                                     const std::optional<std::vector<std::int64_t>>& fallback, std::int64_t lo,
                                     std::int64_t hi);
  std::vector<std::string> texts(const std::string& key, const std::optional<std::vector<std::string>>& fallback);
  // A nested object or array as is (its reader checks it); null when absent and optional.
  nlohmann::json raw(const std::string& key, bool required);

  const std::string& where() const { return where_; }
  // Throws for keys of the block that no getter asked for.
  void finish() const;

 private:
  const nlohmann::json* find(const std::string& key, bool required);
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

  const nlohmann::json& block_;
  std::string where_;
  std::set<std::string> known_;
};

}  // namespace ov::gpu::bench
