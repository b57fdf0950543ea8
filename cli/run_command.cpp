#include "cli/run_command.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "analysis/report/provenance.hpp"
#include "cli/run_request.hpp"

namespace ov::cli {

namespace {

RunOutcome dispatch(const RunRequest& q) {
  if (q.precision == "float") return run_float(q);
  if (q.precision == "double") return run_double(q);
  if (q.precision == "float128") return run_float128(q);
  if (q.precision == "mp50") return run_mp50(q);
  if (q.precision == "mp100") return run_mp100(q);
  throw std::invalid_argument("--precision \"" + q.precision +
                              "\": expected one of float, double, float128, mp50, mp100 (interval and rational "
                              "runs are for the claim checks: most rules need a square root or comparisons "
                              "that intervals cannot decide)");
}

// Writes the trace as CSV to `path` atomically: a temporary file in the same
// directory, renamed over the target only when complete.
void write_csv(const std::string& path, const RunOutcome& o) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp);
    if (!f) throw std::invalid_argument("--csv \"" + path + "\": cannot open \"" + tmp + "\" for writing");
    f << "iteration,value,grad_norm,step_size,trials,values,gradients,epoch,seconds,status\n";
    for (const auto& r : o.trace) {
      f << r.iteration << ',' << r.value << ',' << r.grad_norm << ',' << r.step_size << ',' << r.trials << ','
        << r.values << ',' << r.gradients << ',' << r.epoch << ',' << fmt::format("{:.6f}", r.seconds) << ",\""
        << r.status << "\"\n";
    }
    if (!f.flush()) throw std::runtime_error("--csv \"" + path + "\": write failed");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("--csv \"" + path + "\": cannot rename \"" + tmp + "\" to it");
  }
}

nlohmann::json to_json(const RunRequest& q, const RunOutcome& o) {
  nlohmann::json hyper = nlohmann::json::object();
  for (const auto& [k, v] : o.hyperparameters) hyper[k] = v;
  nlohmann::json trace = nlohmann::json::array();
  auto opt = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  for (const auto& r : o.trace) {
    trace.push_back({{"iteration", r.iteration}, {"value", opt(r.value)}, {"grad_norm", opt(r.grad_norm)},
                     {"step_size", opt(r.step_size)}, {"trials", r.trials}, {"values", r.values},
                     {"gradients", r.gradients}, {"epoch", r.epoch}, {"seconds", r.seconds}, {"status", r.status}});
  }
  return {{"command", "run"},
          {"provenance", report::to_json(report::provenance())},
          {"request",
           {{"problem", q.network.empty() ? nlohmann::json(q.problem) : nlohmann::json(nullptr)},
            {"problem_params", q.problem_params},
            {"network", q.network.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.problem_description)},
            {"data", q.data.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.data)},
            {"init", q.network.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.init)},
            {"optimizer", o.optimizer_name},
            {"hyperparameters", hyper},
            {"precision", q.precision},
            {"iters", q.iters},
            {"seed", q.seed},
            {"batch_size", q.batch_size},
            {"sampling", q.batch_size > 0 ? nlohmann::json(q.sampling) : nlohmann::json(nullptr)},
            {"x0", o.x0}}},
          {"summary",
           {{"x", o.x},
            {"value", opt(o.value)},
            {"grad_norm", opt(o.grad_norm)},
            {"iterations", o.iterations},
            {"values", o.values},
            {"gradients", o.gradients},
            {"sample_gradients", o.sample_gradients},
            {"full_values", o.full_values},
            {"full_gradients", o.full_gradients},
            {"hessian_vectors", o.hessian_vectors},
            {"stop_reason", o.stop_reason},
            {"message", o.message},
            {"seconds", o.seconds}}},
          {"trace", trace}};
}

// All coordinates up to 12; beyond, the first 6, an ellipsis and the count (--json has all).
std::string join(const std::vector<std::string>& v) {
  std::string s;
  const bool cut = v.size() > 12;
  for (std::size_t i = 0; i < v.size() && (!cut || i < 6); ++i) s += (s.empty() ? "" : ", ") + v[i];
  if (cut) s += fmt::format(", ... ({} coordinates; --json lists all)", v.size());
  return s;
}

void print_text(std::ostream& os, const RunRequest& q, const RunOutcome& o) {
  std::string hyper;
  for (const auto& [k, v] : o.hyperparameters) hyper += (hyper.empty() ? "" : ", ") + k + "=" + v;
  os << fmt::format("run: {} on {} in {}, {} iteration(s), seed {}{}\n", o.optimizer_name,
                    q.network.empty() ? q.problem : o.problem_description, q.precision,
                    q.iters, q.seed, q.batch_size > 0 ? fmt::format(", batches of {} ({})", q.batch_size, q.sampling) : "");
  os << "hyper-parameters: " << (hyper.empty() ? "none" : hyper) << "\n";
  os << "x0 = (" << join(o.x0) << ")\n";
  os << fmt::format("{:>8} {:>24} {:>12} {:>12} {:>6} {:>8} {:>8}  {}\n", "iter", "f", "|g|", "step", "trials",
                    "f-evals", "g-evals", "status");
  const std::size_t rows = o.trace.size();
  const std::size_t every = rows <= 40 ? 1 : rows / 20;
  auto cut = [](const std::string& s, std::size_t w) { return s.size() <= w ? s : s.substr(0, w); };
  for (std::size_t i = 0; i < rows; ++i) {
    const auto& r = o.trace[i];
    if (i % every != 0 && i + 1 != rows && r.status == "taken") continue;
    os << fmt::format("{:>8} {:>24} {:>12} {:>12} {:>6} {:>8} {:>8}  {}\n", r.iteration, cut(r.value, 24),
                      cut(r.grad_norm, 12), cut(r.step_size, 12), r.trials, r.values, r.gradients, r.status);
  }
  os << "stop: " << o.stop_reason << " (" << o.message << ")\n";
  os << "x = (" << join(o.x) << ")\n";
  os << "f(x) = " << o.value << "\n";
  os << "|grad f(x)| = " << (o.grad_norm.empty() ? "(not computed)" : o.grad_norm) << "\n";
  os << fmt::format("evaluations: {} value(s), {} gradient(s){}{}{}; {:.3f} s\n", o.values, o.gradients,
                    o.sample_gradients > 0 ? fmt::format(", {} sample gradient(s)", o.sample_gradients) : "",
                    o.full_values + o.full_gradients > 0
                        ? fmt::format(", {} full value(s) and {} full gradient(s)", o.full_values, o.full_gradients)
                        : "",
                    o.hessian_vectors > 0 ? fmt::format(", {} Hessian-vector product(s)", o.hessian_vectors) : "",
                    o.seconds);
}

}  // namespace

void add_run_command(CLI::App& app, CommandContext& ctx) {
  auto q = std::make_shared<RunRequest>();
  auto json_flag = std::make_shared<bool>(false);
  auto csv = std::make_shared<std::string>();
  auto x0 = std::make_shared<std::string>();
  auto tol = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("run", "Run one optimizer on one problem and print the trace and a summary");
  auto* problem = cmd->add_option("--problem", q->problem, "Problem name (optverify problems list)");
  auto* network = cmd->add_option("--network", q->network,
                                  "Instead of --problem: a network D0-W1[:ACT]-...-WL[:ACT], e.g. 2-20:leaky_relu-1:logistic "
                                  "(docs/networks.md)");
  problem->excludes(network);
  cmd->add_option("--data", q->data,
                  "The network's data set: regression_toy, circles, make_circles, standardized_regression, "
                  "fashion_mnist[:key=value,...] (docs/data.md)");
  cmd->add_option("--loss", q->loss, "The network's loss (default: log_loss for a logistic output, square otherwise)");
  cmd->add_option("--init", q->init, "The network's start point: glorot or uniform:R (seeded by --seed)")
      ->capture_default_str();
  cmd->add_option("--param", q->problem_params, "Problem parameter KEY=VALUE (repeatable)");
  cmd->add_option("--optimizer", q->optimizer, "NAME or NAME:k=v,k=v (optverify optimizers list)")->required();
  cmd->add_option("--precision", q->precision, "float, double, float128, mp50 or mp100")->capture_default_str();
  cmd->add_option("--iters", q->iters, "Number of iterations")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--x0", *x0, "Start point: comma-separated constants (1/3, sqrt(2)); default: seeded in the box");
  cmd->add_option("--seed", q->seed, "Seed of the start point and of the mini-batches")->capture_default_str();
  cmd->add_option("--batch-size", q->batch_size, "Mini-batch size for finite-sum problems (0: whole objective)")
      ->capture_default_str();
  cmd->add_option("--sampling", q->sampling, "with_replacement, reshuffle_each_epoch or shuffle_once")
      ->capture_default_str();
  cmd->add_option("--gradient-tolerance", *tol, "Stop when |grad f| <= this (a constant expression)");
  cmd->add_option("--monitor-every", q->monitor_every, "Record f and |grad f| every N iterations (0: only at the end)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--progress", q->progress, "Show a progress bar on stderr (stdout stays clean for --json)");
  auto* j = cmd->add_flag("--json", *json_flag, "One JSON document on stdout (docs/cli.md)");
  cmd->add_option("--csv", *csv, "Also write the trace as CSV to FILE (atomically)")->excludes(j);
  cmd->callback([&ctx, q, json_flag, csv, x0, tol] {
    if (q->problem.empty() && q->network.empty())
      throw std::invalid_argument("run: give --problem NAME, or --network SPEC with --data NAME");
    if (!q->network.empty() && q->data.empty()) throw std::invalid_argument("--network needs --data NAME");
    if (q->network.empty() && (!q->data.empty() || !q->loss.empty()))
      throw std::invalid_argument("--data and --loss go with --network");
    if (!q->network.empty() && !x0->empty())
      throw std::invalid_argument("--x0 is for problems; a network starts from --init (glorot or uniform:R)");
    if (!x0->empty()) q->x0 = *x0;
    if (!tol->empty()) q->gradient_tolerance = *tol;
    const RunOutcome o = dispatch(*q);
    if (!csv->empty()) write_csv(*csv, o);
    if (*json_flag) {
      ctx.out << to_json(*q, o).dump(2) << "\n";
    } else {
      print_text(ctx.out, *q, o);
    }
    // A refused step is a result, not an error of the program: exit 0, the
    // stop reason says it. Bad input was rejected before (exit 2).
  });
}

}  // namespace ov::cli
