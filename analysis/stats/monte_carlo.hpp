// The seeded, parallel, resumable Monte-Carlo runner and its aggregation
// (docs/statistics.md).
//
// Run i (0 <= i < runs) is a pure function of (i, run_seed(master, i)); workers
// (std::thread, `jobs` of them) take the pending indices from a shared counter, so
// which worker does which run changes nothing in the result. Finished runs are
// appended to the checkpoint (checkpoint.hpp) as they finish; on a restart with
// the same checkpoint the runs found there are not redone. The records are
// returned sorted by index, so the result is identical for every `jobs` and
// after any interruption.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/stats/binomial_interval.hpp"
#include "analysis/stats/run_record.hpp"

namespace ov::stats {

// Computes run `index` from its seed. Called concurrently from several threads.
using RunFunction = std::function<RunRecord(std::uint64_t index, std::uint64_t seed)>;

struct MonteCarloPlan {
  std::uint64_t runs = 0;         // >= 1
  std::uint64_t master_seed = 0;
  unsigned jobs = 1;              // >= 1
  std::string checkpoint;         // empty: no checkpoint
  nlohmann::json experiment;      // what is run (stored in, and checked against, the checkpoint)
  std::vector<std::string> outcome_labels;
};

struct MonteCarloRun {
  std::vector<RunRecord> records;  // runs, sorted by index
  std::uint64_t resumed = 0;       // read back from the checkpoint
  double seconds = 0;              // wall time of this invocation
};

MonteCarloRun run_monte_carlo(const MonteCarloPlan& plan, const RunFunction& run, std::ostream* warnings = nullptr);

struct OutcomeCount {
  std::string label;
  std::uint64_t count = 0;
  double proportion = 0;
  ProportionInterval wilson, clopper_pearson;
};

// Counts per label (in the order of `labels`; every record's outcome must be one)
// with both intervals at `confidence`.
std::vector<OutcomeCount> count_outcomes(const std::vector<RunRecord>& records,
                                         const std::vector<std::string>& labels, double confidence = 0.95);

struct EscapeSummary {
  std::uint64_t escaped = 0;      // runs with escape_iteration >= 0
  double mean_iterations = 0;     // over the escaped runs (0 if none)
  std::int64_t min_iterations = -1, max_iterations = -1;
};
EscapeSummary summarize_escape(const std::vector<RunRecord>& records);

}  // namespace ov::stats
