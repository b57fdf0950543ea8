// A Monte-Carlo experiment on a problem of the library, in scalar S: start points
// uniform in a ball (or box) of radius r around a centre (default: the problem's
// first listed saddle point, else the origin), one optimizer for K iterations,
// and the outcome of each run classified against the problem's known critical
// points (outcome.hpp). Header-only template; the CLI instantiates it in one
// translation unit per scalar (cli/saddle_<scalar>.cpp).
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "analysis/stats/monte_carlo.hpp"
#include "analysis/stats/outcome.hpp"
#include "analysis/stats/start_point.hpp"
#include "optim/core/callbacks.hpp"
#include "optim/core/minimize.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/random.hpp"

namespace ov::stats {

struct ProblemExperimentSpec {
  std::string problem;
  std::string optimizer;                          // registry spec NAME[:k=v,...] (recorded only)
  std::optional<std::vector<std::string>> centre; // constant expressions; default: saddle or origin
  std::string radius = "1e-3";                    // constant expression, > 0
  StartRegion region = StartRegion::ball;
  std::int64_t iters = 1000;                      // >= 0
  std::uint64_t master_seed = 0;
  ClassifyOptions classify;
  // A run has escaped after the first iteration that puts it at distance >= this
  // from the centre (constant expression, > 0); 002 Table 3.1 counts "iterations to
  // escape a saddle point" without defining it, this is our definition.
  std::string escape_radius = "1/10";
};

struct PreparedExperiment {
  RunFunction run;
  std::string optimizer_name;
  std::vector<std::pair<std::string, std::string>> hyperparameters;
  std::vector<std::string> centre;  // as constant expressions
  std::string centre_source;        // e.g. "strict_saddle (0, 0) of the problem"
  std::vector<std::string> labels;
  nlohmann::json experiment;        // the description stored in the checkpoint
};

// The default centre: the first listed saddle (strict or degenerate), else the origin.
std::pair<std::vector<std::string>, std::string> default_centre(const problems::ProblemInfo& info);

// Records the first iteration count k after which ||x_k - centre||^2 >= radius^2.
template <class S>
class EscapeWatch : public optim::Callback<S> {
 public:
  EscapeWatch(optim::Vector<S> centre, const S& radius) : centre_(std::move(centre)), r2_(radius * radius) {}
  bool step_taken(const optim::TraceRow<S>& row, const optim::Vector<S>& x) override {
    if (first_ < 0) {
      S d2(0);
      for (Eigen::Index i = 0; i < x.size(); ++i) d2 += (x[i] - centre_[i]) * (x[i] - centre_[i]);
      if (d2 >= r2_) first_ = row.iteration + 1;
    }
    return false;
  }
  std::int64_t first_exit() const { return first_; }

 private:
  optim::Vector<S> centre_;
  S r2_;
  std::int64_t first_ = -1;
};

template <class S>
using OptimizerFactory = std::function<std::unique_ptr<optim::Optimizer<S>>()>;

// `make_optimizer` is called once here (so bad optimizer specs fail before any
// run) and once per run, under a mutex.
template <class S>
PreparedExperiment prepare_problem_experiment(const ProblemExperimentSpec& spec, OptimizerFactory<S> make_optimizer) {
  if (spec.iters < 0) {
    throw std::invalid_argument("--iters = " + std::to_string(spec.iters) + " is outside its valid range [0, inf)");
  }
  validate(spec.classify);
  const problems::Problem p = problems::make_problem(spec.problem);
  const int n = p.dim();
  PreparedExperiment out;
  if (spec.centre) {
    if (static_cast<int>(spec.centre->size()) != n) {
      throw std::invalid_argument("--center: " + std::to_string(spec.centre->size()) + " coordinate(s) given, problem '" +
                                  spec.problem + "' has dimension " + std::to_string(n));
    }
    out.centre = *spec.centre;
    out.centre_source = "--center";
  } else {
    std::tie(out.centre, out.centre_source) = default_centre(p.info());
  }
  Vec<S> centre(n);
  for (int i = 0; i < n; ++i) {
    try {
      centre[i] = constant<S>(out.centre[static_cast<std::size_t>(i)]);
    } catch (const std::exception& e) {
      throw std::invalid_argument("--center coordinate " + std::to_string(i + 1) + " \"" +
                                  out.centre[static_cast<std::size_t>(i)] + "\": " + e.what());
    }
  }
  double radius_d = 0;
  S radius;
  try {
    radius_d = constant<double>(spec.radius);
    radius = constant<S>(spec.radius);
  } catch (const std::exception& e) {
    throw std::invalid_argument("--radius \"" + spec.radius + "\": " + e.what());
  }
  if (!(std::isfinite(radius_d) && radius_d > 0)) {
    throw std::invalid_argument("--radius = " + spec.radius + " is outside its valid range (0, inf)");
  }
  S escape_radius;
  try {
    const double e = constant<double>(spec.escape_radius);
    if (!(std::isfinite(e) && e > 0)) {
      throw std::invalid_argument("--escape-radius = " + spec.escape_radius + " is outside its valid range (0, inf)");
    }
    escape_radius = constant<S>(spec.escape_radius);
  } catch (const constant_error& e) {
    throw std::invalid_argument("--escape-radius \"" + spec.escape_radius + "\": " + e.what());
  }

  const auto points = known_points(p.info());
  check_radius_separates(points, spec.classify.radius);
  out.labels = outcome_labels(points);

  {
    const auto probe = make_optimizer();
    out.optimizer_name = probe->name();
    for (const auto& h : probe->hyperparameters()) out.hyperparameters.emplace_back(h.name, h.value);
  }
  nlohmann::json hyper = nlohmann::json::object();
  for (const auto& [k, v] : out.hyperparameters) hyper[k] = v;
  out.experiment = {{"problem", spec.problem},
                    {"optimizer", {{"name", out.optimizer_name}, {"hyperparameters", hyper}}},
                    {"precision", scalar_name<S>()},
                    {"iters", spec.iters},
                    {"seed", spec.master_seed},
                    {"centre", out.centre},
                    {"radius", spec.radius},
                    {"region", to_string(spec.region)},
                    {"escape_radius", spec.escape_radius},
                    {"classification",
                     {{"radius", spec.classify.radius},
                      {"gradient_tolerance", spec.classify.gradient_tolerance},
                      {"divergence_norm", spec.classify.divergence_norm}}}};

  struct Shared {
    explicit Shared(problems::Problem q) : problem(std::move(q)) {}
    problems::Problem problem;
    Vec<S> centre;
    S radius;
    S escape_radius;
    StartRegion region;
    std::int64_t iters;
    std::vector<KnownPoint> points;
    ClassifyOptions classify;
    OptimizerFactory<S> make;
    std::mutex mutex;
  };
  auto sh = std::make_shared<Shared>(p);
  sh->centre = centre;
  sh->radius = radius;
  sh->escape_radius = escape_radius;
  sh->region = spec.region;
  sh->iters = spec.iters;
  sh->points = points;
  sh->classify = spec.classify;
  sh->make = std::move(make_optimizer);
  out.run = [sh, n](std::uint64_t index, std::uint64_t seed) {
    optim::SplitMix64 rng(seed);
    const std::vector<double> u = unit_region_point(rng, n, sh->region);
    optim::Vector<S> x = sh->centre;
    for (int i = 0; i < n; ++i) x[i] += sh->radius * S(u[static_cast<std::size_t>(i)]);
    std::unique_ptr<optim::Optimizer<S>> opt;
    {
      std::lock_guard<std::mutex> lock(sh->mutex);
      opt = sh->make();
    }
    problems::ProblemObjective<S> objective(sh->problem);
    optim::Oracle<S> oracle(objective);
    optim::RunOptions<S> options;
    options.max_iterations = sh->iters;
    options.monitor_every = 0;  // only the final point is classified
    options.record_trace = false;
    RunRecord rec;
    rec.index = index;
    rec.seed = seed;
    for (int i = 0; i < n; ++i) rec.x0.push_back(optim::ops::to_string(x[i]));
    EscapeWatch<S> watch(sh->centre, sh->escape_radius);
    const auto r = optim::minimize(*opt, oracle, x, options, {&watch});
    rec.escape_iteration = watch.first_exit();
    std::vector<double> xd(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      rec.x.push_back(optim::ops::to_string(x[i]));
      xd[static_cast<std::size_t>(i)] = static_cast<double>(x[i]);
    }
    rec.value = r.value ? optim::ops::to_string(*r.value) : "";
    double g = std::numeric_limits<double>::quiet_NaN();
    if (r.grad_norm) {
      rec.grad_norm = optim::ops::to_string(*r.grad_norm);
      g = static_cast<double>(*r.grad_norm);
    }
    rec.iterations = r.iterations;
    rec.stop_reason = optim::to_string(r.reason);
    rec.outcome = classify_outcome(sh->points, xd, g, sh->classify).label;
    return rec;
  };
  return out;
}

}  // namespace ov::stats
