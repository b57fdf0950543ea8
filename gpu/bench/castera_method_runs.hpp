// One optimizer of a Castera protocol on one problem: the grid search (each grid point trained
// for the problem's grid-search epochs on the first seed; the point with the lowest final-epoch
// training loss wins, 002 L1484 and L2394), then the selected point on every seed, recording
// per seed the epoch records and the loss of every fresh mini-batch (the loss before the first
// step on it) against the gradient evaluations spent so far. docs/protocols-castera.md.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "gpu/bench/castera_checks.hpp"
#include "gpu/bench/castera_settings.hpp"
#include "gpu/bench/protocol.hpp"
#include "gpu/train/training_result.hpp"

namespace ov::gpu::bench {

struct SeedTrace {
  std::uint64_t seed = 0;
  std::vector<train::EpochRecord> epochs;
  std::vector<double> step_gradient_evaluations;  // gradient evaluations spent before each fresh-batch step
  std::vector<double> step_losses;                // the mini-batch loss before the first step on that batch
  bool diverged = false;
  std::string note;
  double final_gradient_evaluations() const;  // 0 without epochs
};

struct GridResult {
  std::string spec;
  double loss = 0;  // final-epoch training loss of the grid run (NaN: diverged)
};

struct MethodRun {
  std::string label;      // e.g. "sgd", "inna(0.5,0.1)", "adam reuse2"
  std::string method;     // the settings' method label
  std::string spec;       // the selected grid point's spec ("" when none converged or unavailable)
  std::string schedule;
  int batch_reuse = 1;
  bool available = true;  // false: this build cannot run it (closure rules in the GPU-only build)
  std::string unavailable_reason;
  std::vector<GridResult> grid;
  std::vector<SeedTrace> seeds;
  double seconds = 0;
};

// The settings of one problem's runs after ProtocolOptions' overrides (epochs, subset, seeds,
// device, data_dir, threads, output_dir): grid-search epochs become min(grid, epochs).
struct RunContext {
  CasteraProblem problem;
  CasteraCommon common;
  const ProtocolOptions* options = nullptr;
  std::string output_dir;  // "" = write nothing; else this problem's directory
};
RunContext make_run_context(const CasteraProblem& problem, const CasteraCommon& common, const ProtocolOptions& options,
                            const std::string& protocol_name);

// Runs a method (grid search, then every seed). A "rule:" spec in a build without closure
// rules gives available = false and the reason; other errors propagate.
MethodRun run_method(const RunContext& context, const CasteraMethod& method,
                     const std::vector<std::pair<std::string, double>>& fixed, const std::string& label,
                     int batch_reuse);

// The common budget of a comparison: the smallest final gradient-evaluation count over the
// non-diverged seeds of the available runs (0 when there is none).
double common_budget(const std::vector<const MethodRun*>& runs);

// A seed's training loss at budget G: the mean fresh-batch loss over the steps started in
// [G - window G, G) (window in (0, 1]); the last one before G when that range holds none; with
// no step losses at all, the training loss of the last epoch ending at or before G (the first
// epoch if none does). NaN when the seed diverged or a loss in the range is not finite.
double seed_budget_loss(const SeedTrace& trace, double budget, double window);
// The method's loss at the budget over its seeds (diverged when unavailable or without seeds).
LossSummary budget_loss(const MethodRun& run, double budget, double window);
LabeledLoss labeled_budget_loss(const MethodRun& run, double budget, double window);

// Curves: the mean over seeds of the epoch training loss (log y) and of the validation accuracy
// against the gradient evaluations at each epoch's end. Appended to `series` (null curves skipped).
void append_method_series(const MethodRun& run, const std::string& plot_prefix, nlohmann::json& series);

// A Benchmark entry (docs/report-schema.md) for the run: the selected spec, the grid, the
// budget loss (mean / min / max), the final validation accuracy, the time.
nlohmann::json method_benchmark(const MethodRun& run, const std::string& name, const RunContext& context,
                                double budget, double window);

// One line for the hypotheses of a claim: the scale, the data and what it stands in for, the
// model, batch, epochs, grid-search epochs, seeds, weight decay.
std::string describe_context(const RunContext& context, const std::string& scale);

}  // namespace ov::gpu::bench
