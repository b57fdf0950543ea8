#include "cli/experiment_command.hpp"

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/atomic_file.hpp"
#include "analysis/report/report_writer.hpp"
#include "nets/experiments/experiments.hpp"

namespace ov::cli {

namespace {

struct ExperimentArgs {
  std::string name, report_dir, json_file;
  bool full = false;
  std::uint64_t seed = 0;
  int jobs = 1;
  std::vector<int> widths, layers;  // local_minima only: a subset of the sweep (shards of --full)
  int runs = 0;                     // local_minima: starts per width; asymptotic: runs R (0: default)
};

std::string valid_names() {
  std::string s;
  for (const auto& n : nets::experiments::experiment_names()) s += (s.empty() ? "" : ", ") + n;
  return s;
}

template <class Result>
void finish(const ExperimentArgs& a, CommandContext& ctx, const Result& r) {
  namespace ex = nets::experiments;
  const nlohmann::json result = ex::to_json(r);
  if (a.json_file != "-") ex::print_text(ctx.out, r);
  if (!a.json_file.empty()) {
    if (a.json_file == "-") {
      ctx.out << result.dump(2) << "\n";
    } else {
      report::write_file_atomically(a.json_file, result.dump(2) + "\n");
      ctx.out << "result: " << a.json_file << "\n";
    }
  }
  if (!a.report_dir.empty()) {
    nlohmann::json doc = report::new_report_document();
    ex::append_report(doc, r);
    doc["experiments"] = nlohmann::json::array({result});
    const auto html = report::write_report_directory(doc, a.report_dir);
    if (a.json_file != "-") {
      for (const auto& c : doc["claims"]) {
        ctx.out << fmt::format("  [{}] {}: {}\n", c["verdict"].get<std::string>(), c["id"].get<std::string>(),
                               c["evidence"]["summary"].get<std::string>());
      }
      ctx.out << "report: " << html.string() << "\n";
    }
  }
}

void run(const ExperimentArgs& a, CommandContext& ctx) {
  namespace ex = nets::experiments;
  if (a.name == "list") {
    ctx.out << "local_minima  003 §5.1: GD minima of make-circles networks against the width (quartiles, d1 >= n/d0)\n"
               "efficiency    003 §5.2: GD, SGD, mini-batch 50 under 20 n observations, Table 5.1's tuning (synthetic "
               "regression stand-in)\n"
               "asymptotic    003 §5.3: mean (1/K) sum ||grad f||^2 against alpha and 1/|B| (Fashion-MNIST stand-in)\n";
    return;
  }
  if (a.jobs < 1 || a.jobs > 1024) {
    throw std::invalid_argument("--jobs = " + std::to_string(a.jobs) + " is outside its valid range [1, 1024]");
  }
  // Checked before the (possibly long) run, so that no result is lost at the end.
  if (!a.json_file.empty() && a.json_file != "-") {
    const auto parent = std::filesystem::path(a.json_file).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent)) {
      throw std::invalid_argument("--json = '" + a.json_file + "': the directory '" + parent.string() +
                                  "' does not exist");
    }
  }
  if (a.runs < 0) throw std::invalid_argument("--runs = " + std::to_string(a.runs) + " is outside its valid range [1, inf)");
  if ((!a.widths.empty() || !a.layers.empty()) && a.name != "local_minima") {
    throw std::invalid_argument("--widths and --layers apply to local_minima only, not to '" + a.name + "'");
  }
  if (a.runs > 0 && a.name == "efficiency") throw std::invalid_argument("--runs does not apply to efficiency");
  if (a.name == "local_minima") {
    auto o = ex::local_minima_defaults(a.full);
    o.seed = a.seed;
    o.jobs = a.jobs;
    if (!a.widths.empty()) o.widths = a.widths;
    if (!a.layers.empty()) o.hidden_layers = a.layers;
    if (a.runs > 0) o.runs_one_layer = o.runs_deep = a.runs;
    finish(a, ctx, ex::run_local_minima(o));
  } else if (a.name == "efficiency") {
    auto o = ex::efficiency_defaults(a.full);
    o.seed = a.seed;
    o.jobs = a.jobs;
    finish(a, ctx, ex::run_efficiency(o));
  } else if (a.name == "asymptotic") {
    auto o = ex::asymptotic_defaults(a.full);
    o.seed = a.seed;
    o.jobs = a.jobs;
    if (a.runs > 0) o.runs = a.runs;
    finish(a, ctx, ex::run_asymptotic(o));
  } else {
    throw std::invalid_argument("experiment NAME = '" + a.name + "' is not one of list, " + valid_names());
  }
}

}  // namespace

void add_experiment_command(CLI::App& app, CommandContext& ctx) {
  auto a = std::make_shared<ExperimentArgs>();
  auto* cmd = app.add_subcommand("experiment", "The 003 §5 experiments at CPU scale (list, local_minima, efficiency, "
                                               "asymptotic); docs/experiments.md");
  cmd->add_option("name", a->name, "list, or one of " + valid_names())->required();
  cmd->add_flag("--full", a->full, "The document's full protocol (hours; the default is a CPU-sized shortened run)");
  cmd->add_option("--seed", a->seed, "Seed of the data and of every run (same seed, same numbers)")->capture_default_str();
  cmd->add_option("--jobs", a->jobs, "Worker threads, 1 to 1024 (the numbers do not depend on it)")->capture_default_str();
  cmd->add_option("--widths", a->widths, "local_minima: the widths to run (default: the mode's sweep)")->delimiter(',');
  cmd->add_option("--layers", a->layers, "local_minima: the numbers of hidden layers to run, in {1,2,3}")->delimiter(',');
  cmd->add_option("--runs", a->runs, "local_minima: starts per width; asymptotic: runs R (default: the mode's)");
  cmd->add_option("--report", a->report_dir, "Write DIR/report.json, DIR/index.html (claims with plots)");
  cmd->add_option("--json", a->json_file, "Write the result document to FILE ('-': stdout instead of the tables)");
  cmd->callback([&ctx, a] { run(*a, ctx); });
}

}  // namespace ov::cli
