// Running one optimizer of a Castera protocol (castera_method_runs.hpp).
#include "gpu/bench/castera_method_runs.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>

#include "gpu/train/trainer.hpp"
#include "gpu/train/training_optimizer.hpp"

namespace ov::gpu::bench {

namespace castera_method_runs_detail {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A directory name from a label: letters, digits, '.', '-', '_' kept, the rest '_'.
std::string directory_name(const std::string& label) {
  std::string out;
  for (char c : label) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  return out.empty() ? "_" : out;
}

// The steps of one seed as the step callback saw them.
struct StepLog {
  std::vector<int> epoch;
  std::vector<std::size_t> batch;
  std::vector<double> loss;
};

// Fresh-batch losses against gradient evaluations: within epoch e the steps share the epoch's
// gradient evaluations evenly (G_{e-1} + j (G_e - G_{e-1}) / n_e before the j-th of its n_e
// steps); a step on the same batch as the step before it (batch reuse) is not fresh.
void fill_steps(const StepLog& log, SeedTrace& trace) {
  std::map<int, std::size_t> steps_in_epoch;
  for (int e : log.epoch) ++steps_in_epoch[e];
  std::map<int, std::size_t> seen;
  for (std::size_t i = 0; i < log.loss.size(); ++i) {
    const int e = log.epoch[i];
    const std::size_t j = seen[e]++;
    if (e < 1 || static_cast<std::size_t>(e) > trace.epochs.size()) continue;  // an epoch without record (stopped)
    const bool fresh = i == 0 || log.epoch[i - 1] != e || log.batch[i - 1] != log.batch[i];
    if (!fresh) continue;
    const double before = e == 1 ? 0.0 : static_cast<double>(trace.epochs[e - 2].gradient_evaluations);
    const double after = static_cast<double>(trace.epochs[e - 1].gradient_evaluations);
    trace.step_gradient_evaluations.push_back(before + static_cast<double>(j) * (after - before) /
                                                           static_cast<double>(steps_in_epoch[e]));
    trace.step_losses.push_back(log.loss[i]);
  }
}

train::TrainingConfig base_config(const RunContext& c) {
  const ProtocolOptions& o = *c.options;
  train::TrainingConfig t;
  t.model = c.problem.model;
  t.dataset = c.problem.dataset;
  t.data_dir = o.data_dir;
  t.epochs = c.problem.epochs;
  t.batch_size = c.common.batch_size;
  t.seeds = c.common.seeds;
  t.device = o.device;
  t.subset = c.problem.subset;
  t.test_subset = c.problem.test_subset;
  t.weight_decay = c.common.weight_decay;
  t.threads = o.threads;
  return t;
}

// Trains `config`, collecting the step losses; returns one trace per seed.
std::vector<SeedTrace> train_traces(const train::TrainingConfig& config, const ProtocolOptions& options) {
  std::vector<StepLog> logs(config.seeds.size());
  train::TrainingCallbacks callbacks = options.callbacks;
  callbacks.step = [&](const train::StepProgress& p) {
    if (options.callbacks.step) options.callbacks.step(p);
    if (p.seed_index >= logs.size()) return;
    logs[p.seed_index].epoch.push_back(p.epoch);
    logs[p.seed_index].batch.push_back(p.batch);
    logs[p.seed_index].loss.push_back(p.loss);
  };
  const train::TrainingResult result = train::run_training(config, callbacks);
  std::vector<SeedTrace> traces;
  for (std::size_t i = 0; i < result.runs.size(); ++i) {
    SeedTrace t;
    t.seed = result.runs[i].seed;
    t.epochs = result.runs[i].epochs;
    t.diverged = result.runs[i].diverged || static_cast<int>(t.epochs.size()) < config.epochs;
    t.note = result.runs[i].note;
    if (i < logs.size()) fill_steps(logs[i], t);
    traces.push_back(std::move(t));
  }
  return traces;
}

std::string join_values(const std::vector<std::pair<std::string, double>>& v) {
  std::string s;
  for (const auto& [k, x] : v) s += (s.empty() ? "" : ",") + k + "=" + shortest_decimal(x);
  return s;
}

double mean_of(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? kNaN : s / static_cast<double>(v.size());
}

}  // namespace castera_method_runs_detail

double SeedTrace::final_gradient_evaluations() const {
  return epochs.empty() ? 0.0 : static_cast<double>(epochs.back().gradient_evaluations);
}

RunContext make_run_context(const CasteraProblem& problem, const CasteraCommon& common, const ProtocolOptions& options,
                            const std::string& protocol_name) {
  RunContext c;
  c.problem = problem;
  c.common = common;
  c.options = &options;
  if (options.epochs > 0) c.problem.epochs = options.epochs;
  c.problem.grid_search_epochs = std::min(c.problem.grid_search_epochs, c.problem.epochs);
  if (options.subset >= 0) c.problem.subset = options.subset;
  if (!options.seeds.empty()) c.common.seeds = options.seeds;
  if (!options.output_dir.empty())
    c.output_dir = (std::filesystem::path(options.output_dir) / castera_method_runs_detail::directory_name(protocol_name) /
                    castera_method_runs_detail::directory_name(problem.id))
                       .string();
  return c;
}

MethodRun run_method(const RunContext& context, const CasteraMethod& method,
                     const std::vector<std::pair<std::string, double>>& fixed, const std::string& label,
                     int batch_reuse) {
  using namespace castera_method_runs_detail;
  const auto start = std::chrono::steady_clock::now();
  MethodRun run;
  run.label = label;
  run.method = method.label;
  run.schedule = method.schedule;
  run.batch_reuse = batch_reuse;
  const std::vector<GridPoint> points = expand_grid(method, fixed);
  if (!points.empty() && train::is_closure_rule_spec(points.front().spec) && !train::closure_rules_available()) {
    run.available = false;
    run.unavailable_reason = "\"" + points.front().spec +
                             "\" is a closure rule of the core registry, which this build does not have (the GPU-only "
                             "build, OPTVERIFY_RIGOROUS_CORE=OFF); build with the rigorous core to run it";
    return run;
  }
  train::TrainingConfig config = base_config(context);
  config.lr_schedule = method.schedule;
  config.batch_reuse = batch_reuse;
  const std::string method_dir =
      context.output_dir.empty() ? "" : (std::filesystem::path(context.output_dir) / directory_name(label)).string();

  // Grid search on the first seed.
  const std::uint64_t grid_seed = context.common.seeds.front();
  std::size_t best = points.size();
  std::vector<SeedTrace> best_traces;
  for (std::size_t i = 0; i < points.size(); ++i) {
    train::TrainingConfig g = config;
    g.optimizer = points[i].spec;
    g.epochs = context.problem.grid_search_epochs;
    g.seeds = {grid_seed};
    if (!method_dir.empty())
      g.output_dir = (std::filesystem::path(method_dir) / ("grid-" + directory_name(join_values(points[i].values)))).string();
    std::vector<SeedTrace> traces = train_traces(g, *context.options);
    const SeedTrace& t = traces.front();
    const double loss = t.diverged || t.epochs.empty() ? kNaN : t.epochs.back().train_loss;
    run.grid.push_back({points[i].spec, std::isfinite(loss) ? loss : kNaN});
    if (std::isfinite(loss) && (best == points.size() || loss < run.grid[best].loss)) {
      best = i;
      best_traces = std::move(traces);
    }
  }
  if (best == points.size()) {
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;  // no grid point converged: no spec, no seeds (its loss summary is "diverged")
  }
  run.spec = points[best].spec;

  // The selected point on every seed (the grid run is reused when it is the first seed's full run).
  train::TrainingConfig f = config;
  f.optimizer = run.spec;
  if (!method_dir.empty()) f.output_dir = (std::filesystem::path(method_dir) / "final").string();
  const bool reuse_grid_run = context.problem.grid_search_epochs == context.problem.epochs;
  f.seeds.clear();
  for (auto s : context.common.seeds)
    if (!(reuse_grid_run && s == grid_seed)) f.seeds.push_back(s);
  std::vector<SeedTrace> finals;
  if (!f.seeds.empty()) finals = train_traces(f, *context.options);
  for (auto s : context.common.seeds) {
    if (reuse_grid_run && s == grid_seed) {
      run.seeds.push_back(best_traces.front());
      continue;
    }
    for (auto& t : finals)
      if (t.seed == s) run.seeds.push_back(t);
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

double common_budget(const std::vector<const MethodRun*>& runs) {
  double budget = std::numeric_limits<double>::infinity();
  for (const MethodRun* r : runs) {
    if (!r || !r->available) continue;
    for (const auto& s : r->seeds)
      if (!s.diverged && !s.epochs.empty()) budget = std::min(budget, s.final_gradient_evaluations());
  }
  return std::isfinite(budget) ? budget : 0.0;
}

double seed_budget_loss(const SeedTrace& trace, double budget, double window) {
  using castera_method_runs_detail::kNaN;
  if (!(window > 0 && window <= 1)) throw std::invalid_argument("seed_budget_loss: window must be in (0, 1]");
  if (trace.diverged) return kNaN;
  if (trace.step_losses.empty()) {
    if (trace.epochs.empty()) return kNaN;
    const train::EpochRecord* chosen = &trace.epochs.front();
    for (const auto& e : trace.epochs)
      if (static_cast<double>(e.gradient_evaluations) <= budget) chosen = &e;
    return chosen->train_loss;
  }
  const double from = budget - window * budget;
  std::vector<double> in;
  double last_before = kNaN;
  for (std::size_t i = 0; i < trace.step_losses.size(); ++i) {
    const double g = trace.step_gradient_evaluations[i];
    if (g >= budget) break;
    last_before = trace.step_losses[i];
    if (g >= from) in.push_back(trace.step_losses[i]);
  }
  if (in.empty()) return last_before;
  for (double x : in)
    if (!std::isfinite(x)) return kNaN;
  return castera_method_runs_detail::mean_of(in);
}

LossSummary budget_loss(const MethodRun& run, double budget, double window) {
  if (!run.available || run.seeds.empty()) return summarize_losses({});
  std::vector<double> losses;
  for (const auto& s : run.seeds) losses.push_back(seed_budget_loss(s, budget, window));
  return summarize_losses(losses);
}

LabeledLoss labeled_budget_loss(const MethodRun& run, double budget, double window) {
  return {run.label, budget_loss(run, budget, window)};
}

void append_method_series(const MethodRun& run, const std::string& plot_prefix, nlohmann::json& series) {
  if (run.seeds.empty()) return;
  std::size_t epochs = std::numeric_limits<std::size_t>::max();
  for (const auto& s : run.seeds) epochs = std::min(epochs, s.epochs.size());
  std::vector<double> x, loss, accuracy;
  for (std::size_t e = 0; e < epochs; ++e) {
    double l = 0, a = 0;
    for (const auto& s : run.seeds) {
      l += s.epochs[e].train_loss;
      a += s.epochs[e].validation_accuracy;
    }
    const double n = static_cast<double>(run.seeds.size());
    x.push_back(static_cast<double>(run.seeds.front().epochs[e].gradient_evaluations));
    loss.push_back(l / n);
    accuracy.push_back(a / n);
  }
  auto a = make_series(run.label, plot_prefix + ": training loss (mean over seeds)", x, loss, "gradient evaluations",
                       "training loss", true);
  if (!a.is_null()) series.push_back(a);
  auto b = make_series(run.label, plot_prefix + ": test accuracy (mean over seeds)", x, accuracy,
                       "gradient evaluations", "test accuracy");
  if (!b.is_null()) series.push_back(b);
}

nlohmann::json method_benchmark(const MethodRun& run, const std::string& name, const RunContext& context,
                                double budget, double window) {
  const LossSummary s = budget_loss(run, budget, window);
  auto real = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  nlohmann::json grid = nlohmann::json::array();
  for (const auto& g : run.grid) grid.push_back({{"spec", g.spec}, {"loss", real(g.loss)}});
  double accuracy = 0;
  int counted = 0;
  for (const auto& seed : run.seeds)
    if (!seed.epochs.empty() && std::isfinite(seed.epochs.back().validation_accuracy)) {
      accuracy += seed.epochs.back().validation_accuracy;
      ++counted;
    }
  nlohmann::json seeds = nlohmann::json::array();
  for (const auto& seed : run.seeds) seeds.push_back(seed.seed);
  nlohmann::json j = {{"name", name},
                      {"problem", context.problem.id},
                      {"model", context.problem.model},
                      {"dataset", context.problem.dataset},
                      {"stands_in_for", context.problem.stands_in_for},
                      {"method", run.label},
                      {"available", run.available},
                      {"optimizer", run.spec},
                      {"schedule", run.schedule},
                      {"batch_reuse", run.batch_reuse},
                      {"epochs", context.problem.epochs},
                      {"grid_search_epochs", context.problem.grid_search_epochs},
                      {"seeds", seeds},
                      {"budget_gradient_evaluations", budget},
                      {"loss_at_budget_mean", real(s.mean)},
                      {"loss_at_budget_min", real(s.min)},
                      {"loss_at_budget_max", real(s.max)},
                      {"diverged", s.diverged},
                      {"final_test_accuracy_mean", counted ? nlohmann::json(accuracy / counted) : nlohmann::json(nullptr)},
                      {"seconds", run.seconds},
                      {"grid", grid}};
  if (!run.available) j["unavailable"] = run.unavailable_reason;
  return j;
}

std::string describe_context(const RunContext& c, const std::string& scale) {
  std::ostringstream o;
  o << "scale " << scale << ": " << c.problem.dataset;
  o << (c.problem.subset > 0 ? " (first " + std::to_string(c.problem.subset) + " training samples)" : " (all training samples)");
  if (c.problem.test_subset > 0) o << ", test on the first " << c.problem.test_subset;
  o << ", model " << c.problem.model;
  if (!c.problem.stands_in_for.empty()) o << " (standing in for " << c.problem.stands_in_for << ")";
  o << ", batch " << c.common.batch_size << ", " << c.problem.epochs << " epochs, grid search "
    << c.problem.grid_search_epochs << " epochs on seed " << c.common.seeds.front() << ", seeds [";
  for (std::size_t i = 0; i < c.common.seeds.size(); ++i) o << (i ? ", " : "") << c.common.seeds[i];
  o << "], weight decay " << shortest_decimal(c.common.weight_decay) << ", losses at the common gradient budget over the last "
    << shortest_decimal(c.common.budget_window) << " of it";
  return o.str();
}

}  // namespace ov::gpu::bench
