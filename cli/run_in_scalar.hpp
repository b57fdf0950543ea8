// The body of `optverify run` for one scalar S: build the problem's objective
// (deterministic, or a finite sum sampled in mini-batches), the optimizer from the
// registry (parameters parsed exactly with ov::constant<S>), the start point, and
// minimise. Included by cli/run_<scalar>.cpp only.
#pragma once

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "cli/comma_list.hpp"
#include "cli/dataset_by_name.hpp"
#include "cli/number_text.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "cli/run_request.hpp"
#include "optim/core/callbacks.hpp"
#include "optim/core/minimize.hpp"
#include "optim/core/random.hpp"
#include "optim/registry/all_entries.hpp"

namespace ov::cli {

namespace run_detail {

template <class S>
std::string text(const S& x) {
  return optim::ops::to_string(x);
}

template <class S>
std::string text(const std::optional<S>& x) {
  return x ? optim::ops::to_string(*x) : std::string();
}

}  // namespace run_detail

namespace run_detail {

// Minimise with the request's options and render the outcome in text.
template <class S>
RunOutcome minimize_and_report(const RunRequest& q, optim::Optimizer<S>& opt, optim::Oracle<S>& oracle,
                               optim::Vector<S>& x) {
  optim::RunOptions<S> options;
  options.max_iterations = q.iters;
  options.monitor_every = q.monitor_every;
  if (q.gradient_tolerance) options.gradient_tolerance = constant<S>(*q.gradient_tolerance);

  RunOutcome out;
  out.optimizer_name = opt.name();
  for (const auto& h : opt.hyperparameters()) out.hyperparameters.emplace_back(h.name, h.value);
  for (Eigen::Index i = 0; i < x.size(); ++i) out.x0.push_back(text(x[i]));
  optim::ProgressBar<S> bar(std::cerr);
  std::vector<optim::Callback<S>*> callbacks;
  if (q.progress) callbacks.push_back(&bar);
  const auto r = optim::minimize(opt, oracle, x, options, callbacks);
  for (Eigen::Index i = 0; i < x.size(); ++i) out.x.push_back(text(x[i]));
  out.value = text(r.value);
  out.grad_norm = text(r.grad_norm);
  out.iterations = r.iterations;
  out.values = r.evaluations.values;
  out.gradients = r.evaluations.gradients;
  out.sample_gradients = r.evaluations.sample_gradients;
  out.full_values = r.evaluations.full_values;
  out.full_gradients = r.evaluations.full_gradients;
  out.hessian_vectors = r.evaluations.hessian_vectors;
  out.stop_reason = optim::to_string(r.reason);
  out.message = r.message;
  out.seconds = r.seconds;
  for (const auto& t : r.trace) {
    RunRow row;
    row.iteration = t.iteration;
    row.value = text(t.value);
    row.grad_norm = text(t.grad_norm);
    row.step_size = text(t.step_size);
    row.trials = t.trials;
    row.values = t.evaluations.values;
    row.gradients = t.evaluations.gradients;
    row.epoch = t.epoch;
    row.seconds = t.seconds;
    row.status = optim::to_string(t.status);
    out.trace.push_back(std::move(row));
  }
  return out;
}

}  // namespace run_detail

namespace run_detail {

// The start point of a network: "glorot" or "uniform:R" (nets/core/initialization.hpp).
inline Vec<double> network_start(const nets::Architecture& a, const std::string& init, std::uint64_t seed) {
  if (init == "glorot") return nets::glorot_uniform_initialization(a, seed);
  if (init.rfind("uniform:", 0) == 0) {
    const auto r = whole_double(init.substr(8));
    if (!r) throw std::invalid_argument("--init \"" + init + "\": R is not a number");
    return nets::uniform_initialization(a, *r, seed);
  }
  throw std::invalid_argument("--init \"" + init + "\": expected glorot or uniform:R");
}

}  // namespace run_detail

template <class S>
RunOutcome run_in(const RunRequest& q);

// A network on a data set: the same driver as for problems, on a nets::NetworkObjective<S>.
template <class S>
RunOutcome run_network_in(const RunRequest& q) {
  using namespace run_detail;
  if constexpr (std::is_same_v<S, float>) {
    throw std::invalid_argument("--network: networks run in double, float128, mp50 or mp100 (not float)");
  } else {
    const nets::Architecture a = nets::parse_architecture(q.network, q.loss);
    const nets::Dataset data = dataset_by_name(q.data);
    auto f = std::make_unique<nets::NetworkObjective<S>>(a, data);
    const Vec<double> start = network_start(a, q.init, q.seed);
    optim::Vector<S> x(start.size());
    for (Eigen::Index i = 0; i < start.size(); ++i) x[i] = nets::data_as<S>(start[i]);
    const auto registry = optim::make_registry<S>();
    auto opt = registry.make(q.optimizer, [](const std::string& t) { return constant<S>(t); });
    std::unique_ptr<optim::BatchSampler> sampler;
    std::unique_ptr<optim::Oracle<S>> oracle;
    if (q.batch_size > 0) {
      sampler = std::make_unique<optim::BatchSampler>(f->num_samples(), q.batch_size,
                                                      optim::sampling_from_string(q.sampling), q.seed);
      oracle = std::make_unique<optim::Oracle<S>>(*f, *sampler);
    } else {
      oracle = std::make_unique<optim::Oracle<S>>(*f);
    }
    RunOutcome out = run_detail::minimize_and_report<S>(q, *opt, *oracle, x);
    if (const auto nf = f->last_non_finite()) out.message += "; " + nf->message();
    out.problem_description = a.describe() + " on " + data.name + " (" + std::to_string(data.size()) + " samples)";
    return out;
  }
}

template <class S>
RunOutcome run_in(const RunRequest& q) {
  using namespace run_detail;
  if (!q.network.empty()) return run_network_in<S>(q);
  problems::Params params;
  for (const auto& kv : q.problem_params) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == kv.size()) {
      throw std::invalid_argument("--param \"" + kv + "\": expected KEY=VALUE");
    }
    params.set(kv.substr(0, eq), kv.substr(eq + 1));
  }
  const problems::Problem p = problems::make_problem(q.problem, params);
  const int n = p.dim();

  optim::Vector<S> x(n);
  if (q.x0) {
    const auto coords = split_top_level_commas(*q.x0);
    if (static_cast<int>(coords.size()) != n) {
      throw std::invalid_argument("--x0 \"" + *q.x0 + "\": " + std::to_string(coords.size()) +
                                  " coordinate(s) given, problem '" + q.problem + "' has dimension " +
                                  std::to_string(n));
    }
    for (int i = 0; i < n; ++i) {
      try {
        x[i] = constant<S>(coords[i]);
      } catch (const std::exception& e) {
        throw std::invalid_argument("--x0 coordinate " + std::to_string(i + 1) + " \"" + coords[i] + "\": " + e.what());
      }
    }
  } else {
    // Seeded uniform point of the problem's box on a dyadic grid (exact in every S):
    // lo + (hi - lo) k / 2^20.
    optim::SplitMix64 rng(q.seed);
    const auto& info = p.info();
    for (int i = 0; i < n; ++i) {
      const S lo(info.box_lo[static_cast<std::size_t>(i)]), hi(info.box_hi[static_cast<std::size_t>(i)]);
      const S k(static_cast<long>(rng.below(std::uint64_t{1} << 20)));
      x[i] = lo + (hi - lo) * k / S(1L << 20);
    }
  }

  const auto registry = optim::make_registry<S>();
  auto opt = registry.make(q.optimizer, [](const std::string& t) { return constant<S>(t); });

  std::unique_ptr<optim::Objective<S>> objective;
  std::unique_ptr<optim::BatchSampler> sampler;
  std::unique_ptr<optim::Oracle<S>> oracle;
  if (q.batch_size > 0) {
    auto sum = std::make_unique<problems::ProblemFiniteSum<S>>(p);
    sampler = std::make_unique<optim::BatchSampler>(sum->num_samples(), q.batch_size,
                                                    optim::sampling_from_string(q.sampling), q.seed);
    oracle = std::make_unique<optim::Oracle<S>>(*sum, *sampler);
    objective = std::move(sum);
  } else {
    objective = std::make_unique<problems::ProblemObjective<S>>(p);
    oracle = std::make_unique<optim::Oracle<S>>(*objective);
  }

  return run_detail::minimize_and_report<S>(q, *opt, *oracle, x);
}

}  // namespace ov::cli
