// castera_inna_comparison (protocol_runners.hpp): Castera's Chapter 2 experiments
// (002_dc929347c6f8ce02.txt §2.6.2, L1469-L1520; guide seed-002-castera-thesis.md §6.2):
// INNA with each (alpha, beta) configuration (Fig. 2.2), the best one against SGD, Adagrad and
// Adam (Fig. 2.3), and INNA with the decays gamma_0 (k+1)^-q against Adam (Fig. 2.4). Settings:
// castera_settings.hpp; what runs and how it is judged: docs/protocols-castera.md.
#include <chrono>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "gpu/bench/castera_checks.hpp"
#include "gpu/bench/castera_method_runs.hpp"
#include "gpu/bench/castera_settings.hpp"
#include "gpu/bench/protocol_runners.hpp"

namespace ov::gpu::bench {

namespace castera_inna_comparison_detail {

std::string config_label(const std::pair<double, double>& c) {
  return "inna(" + shortest_decimal(c.first) + "," + shortest_decimal(c.second) + ")";
}

std::string q_label(double q) {
  // 1/16, 1/8, 1/4, 1/2 as fractions when they are; else the decimal.
  for (int d : {2, 4, 8, 16, 32})
    for (int n = 1; n < d; ++n)
      if (q * d == n && std::gcd(n, d) == 1) return "inna k^-" + std::to_string(n) + "/" + std::to_string(d);
  return "inna k^-" + shortest_decimal(q);
}

const MethodRun* find_run(const std::vector<MethodRun>& runs, const std::string& label) {
  for (const auto& r : runs)
    if (r.label == label) return &r;
  return nullptr;
}

}  // namespace castera_inna_comparison_detail

ProtocolResult run_castera_inna_comparison(const ProtocolFile& file, const nlohmann::json& settings,
                                           const ProtocolOptions& options) {
  using namespace castera_inna_comparison_detail;
  const auto start = std::chrono::steady_clock::now();
  const InnaComparisonSettings s = parse_inna_comparison_settings(settings, file.path + ": \"" + options.scale + "\"");
  const RunContext context = make_run_context(s.problem, s.common, options, file.name);
  ProtocolResult result;
  result.name = file.name;
  result.kind = file.kind;
  const std::string hypotheses = describe_context(context, options.scale);
  if (!s.problem.stands_in_for.empty())
    result.notes.push_back(s.problem.dataset + " with " + s.problem.model + " stood in for " + s.problem.stands_in_for);
  const double window = s.common.budget_window, tol = s.common.tie_tolerance;

  // Fig. 2.2: INNA per (alpha, beta), gamma_0 grid-searched for each.
  std::vector<MethodRun> configs;
  for (const auto& c : s.configs)
    configs.push_back(run_method(context, s.inna, {{"alpha", c.first}, {"beta", c.second}, {"q", s.inna_decay_q}},
                                 config_label(c), 1));
  // Fig. 2.3: the baselines.
  std::vector<MethodRun> baselines;
  for (const auto& m : s.baselines) baselines.push_back(run_method(context, m, {}, m.label, 1));

  std::vector<const MethodRun*> all;
  for (const auto& r : configs) all.push_back(&r);
  for (const auto& r : baselines) all.push_back(&r);
  const double budget = common_budget(all);
  std::vector<LabeledLoss> config_losses;
  for (const auto& r : configs) config_losses.push_back(labeled_budget_loss(r, budget, window));
  const LabeledLoss* best = nullptr;
  for (const auto& l : config_losses)
    if (!l.loss.diverged && (!best || l.loss.mean < best->loss.mean)) best = &l;
  result.notes.push_back("losses compared at " + shortest_decimal(budget) + " gradient evaluations (mean fresh mini-batch "
                         "loss over the last " + shortest_decimal(window) + " of them)");

  auto finish = [&](QualitativeCheck c, const std::vector<const MethodRun*>& curves, const std::string& plot) {
    c.id = "bench." + file.name + "." + c.id;
    c.hypotheses = hypotheses;
    for (const MethodRun* r : curves)
      if (r) append_method_series(*r, plot, c.series);
    c.parameters = {{"budget_gradient_evaluations", budget}, {"budget_window", window}, {"tie_tolerance", tol}};
    c.seed = context.common.seeds.front();
    c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json claim = to_claim_json(c);
    if (c.verdict == "refuted") {  // to_claim_json gave the measurements; add the run that reproduces them
      auto& counterexample = claim["evidence"]["counterexample"];
      counterexample["protocol"] = file.path;
      counterexample["scale"] = options.scale;
      counterexample["seeds"] = context.common.seeds;
    }
    result.claims.push_back(claim);
  };
  std::vector<const MethodRun*> config_runs;
  for (const auto& r : configs) config_runs.push_back(&r);

  {
    auto c = check_alpha_beta_mostly_speed(config_losses, s.alpha_beta_factor);
    c.parameters = {{"factor", s.alpha_beta_factor}};
    finish(c, config_runs, "Fig. 2.2 (alpha, beta)");
  }
  finish(check_default_config_near_best(config_losses, config_label(s.default_config), s.default_margin), config_runs,
         "Fig. 2.2 (alpha, beta)");
  {
    auto get = [&](const std::string& label) {
      const MethodRun* r = find_run(baselines, label);
      return r ? labeled_budget_loss(*r, budget, window) : LabeledLoss{label, summarize_losses({})};
    };
    const LabeledLoss inna = best ? *best : LabeledLoss{"inna (every configuration diverged)", summarize_losses({})};
    std::vector<const MethodRun*> curves{best ? find_run(configs, best->label) : nullptr};
    for (const auto& r : baselines) curves.push_back(&r);
    finish(check_inna_adam_beat_sgd_adagrad(inna, get("adam"), get("sgd"), get("adagrad"), tol), curves,
           "Fig. 2.3 INNA vs baselines");
  }

  // Fig. 2.4: INNA (the best configuration) with the decays gamma_0 (k+1)^-q, against Adam.
  std::vector<MethodRun> decays;
  if (s.has_decay_study) {
    const std::pair<double, double> chosen =
        best ? s.configs[static_cast<std::size_t>(best - config_losses.data())] : s.default_config;
    for (double q : s.decay_q)
      decays.push_back(run_method(context, s.decay, {{"alpha", chosen.first}, {"beta", chosen.second}, {"q", q}},
                                  q_label(q), 1));
    const MethodRun* adam = find_run(baselines, "adam");
    std::vector<const MethodRun*> runs{adam};
    for (const auto& r : decays) runs.push_back(&r);
    const double decay_budget = common_budget(runs);
    auto loss_of = [&](double q) { return labeled_budget_loss(*find_run(decays, q_label(q)), decay_budget, window); };
    const LabeledLoss adam_loss =
        adam ? labeled_budget_loss(*adam, decay_budget, window) : LabeledLoss{"adam", summarize_losses({})};
    result.notes.push_back("Fig. 2.4 decays on " + config_label(chosen) + ", compared at " +
                           shortest_decimal(decay_budget) + " gradient evaluations");
    const std::string plot = "Fig. 2.4 decays " + config_label(chosen);
    finish(check_quarter_decay_beats_half(loss_of(0.25), loss_of(0.5), tol), runs, plot);
    finish(check_sixteenth_decay_too_slow(loss_of(0.0625), loss_of(0.25), tol), runs, plot);
    finish(check_inna_quarter_decay_beats_adam(loss_of(0.25), adam_loss, tol), runs, plot);
  }

  for (const auto* group : {&configs, &baselines, &decays})
    for (const auto& r : *group) {
      auto b = method_benchmark(r, "bench." + file.name + "." + r.label, context, budget, window);
      nlohmann::json series = nlohmann::json::array();
      append_method_series(r, r.label, series);
      b["series"] = series;
      result.benchmarks.push_back(b);
    }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ov::gpu::bench
