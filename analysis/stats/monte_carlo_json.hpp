// The MonteCarlo object of the report schema (optverify-report/1,
// docs/report-schema.md): outcomes with Wilson and Clopper-Pearson intervals and
// a "proportion" series for the plot.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/stats/monte_carlo.hpp"

namespace ov::stats {

struct MonteCarloSummary {
  std::string name;
  std::string problem;
  nlohmann::json optimizer;  // {"name", "hyperparameters"}
  std::uint64_t runs = 0;
  std::uint64_t seed = 0;
  double confidence = 0.95;
  nlohmann::json parameters;  // precision, iters, centre, radius, region, classification
  std::vector<OutcomeCount> outcomes;
  EscapeSummary escape;
};

nlohmann::json to_json(const MonteCarloSummary& s);

}  // namespace ov::stats
