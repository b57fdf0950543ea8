#include "cli/saddle_command.hpp"

#include <fmt/core.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "analysis/report/provenance.hpp"
#include "analysis/stats/monte_carlo.hpp"
#include "analysis/stats/monte_carlo_json.hpp"
#include "cli/comma_list.hpp"

namespace ov::cli {

namespace {

struct SaddleArgs {
  std::string problem, optimizer, radius, precision = "double", center, region = "ball", checkpoint,
      escape_radius = "1/10";
  std::int64_t runs = 0, iters = 0, jobs = 1;
  std::uint64_t seed = 0;
  double confidence = 0.95;
  stats::ClassifyOptions classify;
  bool json = false;
};

std::string num(double x) { return fmt::format("{:.6g}", x); }

void check_ranges(const SaddleArgs& a) {
  if (a.runs < 1) throw std::invalid_argument("--runs = " + std::to_string(a.runs) + " is outside its valid range [1, inf)");
  if (a.iters < 0) throw std::invalid_argument("--iters = " + std::to_string(a.iters) + " is outside its valid range [0, inf)");
  if (a.jobs < 1 || a.jobs > 1024) {
    throw std::invalid_argument("--jobs = " + std::to_string(a.jobs) + " is outside its valid range [1, 1024]");
  }
  if (!(a.confidence > 0 && a.confidence < 1)) {
    throw std::invalid_argument("--confidence = " + num(a.confidence) + " is outside its valid range (0, 1)");
  }
  auto positive = [](const char* name, double v) {
    if (!(std::isfinite(v) && v > 0)) throw std::invalid_argument(std::string(name) + " = " + num(v) + " is outside its valid range (0, inf)");
  };
  positive("--classify-radius", a.classify.radius);
  positive("--gradient-tolerance", a.classify.gradient_tolerance);
  positive("--divergence-norm", a.classify.divergence_norm);
  if (a.precision != "double" && a.precision != "mp50") {
    throw std::invalid_argument("--precision \"" + a.precision + "\": expected one of double, mp50");
  }
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

void print_text(std::ostream& os, const SaddleArgs& a, const stats::PreparedExperiment& e,
                const stats::MonteCarloRun& run, const std::vector<stats::OutcomeCount>& counts) {
  std::string hyper;
  for (const auto& [k, v] : e.hyperparameters) hyper += (hyper.empty() ? "" : ", ") + k + "=" + v;
  os << fmt::format("saddle: {} on {} in {}, {} run(s) x {} iteration(s), seed {}, {} job(s)\n", e.optimizer_name,
                    a.problem, a.precision, a.runs, a.iters, a.seed, a.jobs);
  os << "hyper-parameters: " << (hyper.empty() ? "none" : hyper) << "\n";
  os << fmt::format("start: uniform in the {} of radius {} around ({}) [{}]\n", a.region, a.radius, join(e.centre),
                    e.centre_source);
  os << fmt::format("outcome: converged if within {} of a known critical point with |grad f| <= {}; diverged if not "
                    "finite or |x| > {}; else undecided\n",
                    num(a.classify.radius), num(a.classify.gradient_tolerance), num(a.classify.divergence_norm));
  const int pct = static_cast<int>(std::lround(a.confidence * 100));
  os << fmt::format("{:<36} {:>7} {:>10}  {:<22} {:<22}\n", "outcome", "count", "proportion",
                    fmt::format("Wilson {}%", pct), fmt::format("Clopper-Pearson {}%", pct));
  for (const auto& c : counts) {
    os << fmt::format("{:<36} {:>7} {:>10.4f}  [{:.4f}, {:.4f}]       [{:.4f}, {:.4f}]\n", c.label, c.count,
                      c.proportion, c.wilson.lo, c.wilson.hi, c.clopper_pearson.lo, c.clopper_pearson.hi);
  }
  const auto esc = stats::summarize_escape(run.records);
  if (esc.escaped > 0) {
    os << fmt::format("escape (distance >= {} from the centre): {} run(s), after {:.2f} iterations on average "
                      "(min {}, max {})\n",
                      a.escape_radius, esc.escaped, esc.mean_iterations, esc.min_iterations, esc.max_iterations);
  } else {
    os << fmt::format("escape (distance >= {} from the centre): no run\n", a.escape_radius);
  }
  os << fmt::format("{} run(s) read back from the checkpoint, {} computed; {:.2f} s\n", run.resumed,
                    run.records.size() - run.resumed, run.seconds);
}

}  // namespace

void add_saddle_command(CLI::App& app, CommandContext& ctx) {
  auto a = std::make_shared<SaddleArgs>();
  auto* cmd = app.add_subcommand(
      "saddle", "Monte-Carlo: runs of one optimizer from random starts near a point (default: the problem's saddle), "
                "with the proportion reaching each known critical point");
  cmd->add_option("--problem", a->problem, "Problem name (optverify problems list)")->required();
  cmd->add_option("--optimizer", a->optimizer, "NAME or NAME:k=v,k=v (optverify optimizers list)")->required();
  cmd->add_option("--runs", a->runs, "Number of runs N >= 1")->required();
  cmd->add_option("--radius", a->radius, "Radius r > 0 of the start region (a constant expression, e.g. 1e-12)")
      ->required();
  cmd->add_option("--iters", a->iters, "Iterations K >= 0 per run")->required();
  cmd->add_option("--seed", a->seed, "Master seed; run i uses run_seed(seed, i)")->capture_default_str();
  cmd->add_option("--jobs", a->jobs, "Worker threads, 1 to 1024 (the result does not depend on it)")
      ->capture_default_str();
  cmd->add_option("--precision", a->precision, "double or mp50")->capture_default_str();
  cmd->add_option("--center", a->center, "Centre x1,x2,... (constant expressions); default: the problem's saddle, "
                                         "else the origin");
  cmd->add_option("--region", a->region, "ball (Euclidean) or box")->capture_default_str();
  cmd->add_option("--escape-radius", a->escape_radius,
                  "A run has escaped at the first iteration at distance >= this from the centre (constant)")
      ->capture_default_str();
  cmd->add_option("--checkpoint", a->checkpoint, "JSON-lines file of finished runs; resumed if it exists");
  cmd->add_option("--confidence", a->confidence, "Level 1 - a of the intervals, in (0, 1)")->capture_default_str();
  cmd->add_option("--classify-radius", a->classify.radius, "Distance to a known critical point for 'converged'")
      ->capture_default_str();
  cmd->add_option("--gradient-tolerance", a->classify.gradient_tolerance, "|grad f| at the end for 'converged'")
      ->capture_default_str();
  cmd->add_option("--divergence-norm", a->classify.divergence_norm, "|x| beyond which a run has 'diverged'")
      ->capture_default_str();
  cmd->add_flag("--json", a->json, "Print the MonteCarlo object (docs/report-schema.md) as JSON");
  cmd->callback([&ctx, a] {
    check_ranges(*a);
    stats::ProblemExperimentSpec spec;
    spec.problem = a->problem;
    spec.optimizer = a->optimizer;
    if (!a->center.empty()) spec.centre = split_top_level_commas(a->center);
    spec.radius = a->radius;
    spec.region = stats::start_region_from_string(a->region);
    spec.iters = a->iters;
    spec.master_seed = a->seed;
    spec.classify = a->classify;
    spec.escape_radius = a->escape_radius;
    const stats::PreparedExperiment e =
        a->precision == "mp50" ? prepare_saddle_mp50(spec) : prepare_saddle_double(spec);

    stats::MonteCarloPlan plan;
    plan.runs = static_cast<std::uint64_t>(a->runs);
    plan.master_seed = a->seed;
    plan.jobs = static_cast<unsigned>(a->jobs);
    plan.checkpoint = a->checkpoint;
    plan.experiment = e.experiment;
    plan.outcome_labels = e.labels;
    const stats::MonteCarloRun run = stats::run_monte_carlo(plan, e.run, &ctx.err);
    const auto counts = stats::count_outcomes(run.records, e.labels, a->confidence);

    if (a->json) {
      stats::MonteCarloSummary s;
      s.name = "saddle: " + e.optimizer_name + " on " + a->problem;
      s.problem = a->problem;
      s.optimizer = e.experiment["optimizer"];
      s.runs = plan.runs;
      s.seed = a->seed;
      s.confidence = a->confidence;
      s.parameters = e.experiment;
      s.parameters.erase("problem");
      s.parameters.erase("optimizer");
      s.parameters.erase("seed");
      s.parameters["centre_source"] = e.centre_source;
      s.outcomes = counts;
      s.escape = stats::summarize_escape(run.records);
      nlohmann::json j = stats::to_json(s);
      j["command"] = "saddle";
      j["provenance"] = report::to_json(report::provenance());
      // Everything above is a function of the inputs; the timing is not.
      j["timing"] = {{"seconds", run.seconds}, {"jobs", a->jobs}, {"resumed_runs", run.resumed}};
      ctx.out << j.dump(2) << "\n";
    } else {
      print_text(ctx.out, *a, e, run, counts);
    }
  });
}

}  // namespace ov::cli
