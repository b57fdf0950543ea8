// One finished Monte-Carlo run as stored in the checkpoint and aggregated: all
// numbers rendered as text in the run's scalar type (round-trip digits).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ov::stats {

struct RunRecord {
  std::uint64_t index = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> x0, x;
  std::string value, grad_norm;  // f and ||grad f|| at the final iterate
  std::int64_t iterations = 0;
  std::string stop_reason;
  std::string outcome;  // an outcome label (outcome.hpp)
  // First iteration count k (1-based) after which ||x_k - centre|| >= the escape
  // radius; -1 if the run never got that far.
  std::int64_t escape_iteration = -1;
  bool operator==(const RunRecord& o) const;
};

nlohmann::json to_json(const RunRecord& r);
// Throws std::invalid_argument with the missing/mistyped field.
RunRecord run_record_from_json(const nlohmann::json& j);

}  // namespace ov::stats
