// castera_step_tuned_problems (protocol_runners.hpp): Castera's Chapter 4 experiments
// (002_dc929347c6f8ce02.txt §4.5, L2380-L2470, Table 4.1; guide seed-002-castera-thesis.md
// §6.3): each problem's methods (Step-Tuned SGD, SGD, INNA, RMSprop, Adam) grid-searched and
// trained on every seed, optionally again with every mini-batch used for two consecutive steps
// (Fig. 4.5), and the checks the settings list (Fig. 4.4, 4.5, 4.6, Remark 4.5). Settings:
// castera_settings.hpp; docs/protocols-castera.md.
#include <chrono>
#include <string>
#include <vector>

#include "gpu/bench/castera_checks.hpp"
#include "gpu/bench/castera_method_runs.hpp"
#include "gpu/bench/castera_settings.hpp"
#include "gpu/bench/protocol_runners.hpp"

namespace ov::gpu::bench {

namespace castera_step_tuned_problems_detail {

struct ProblemRuns {
  RunContext context;
  std::vector<MethodRun> runs;  // batch_reuse 1 first, then the reuse-2 reruns
  double budget = 0;
  const MethodRun* find(const std::string& method, int reuse) const {
    for (const auto& r : runs)
      if (r.method == method && r.batch_reuse == reuse) return &r;
    return nullptr;
  }
};

}  // namespace castera_step_tuned_problems_detail

ProtocolResult run_castera_step_tuned_problems(const ProtocolFile& file, const nlohmann::json& settings,
                                               const ProtocolOptions& options) {
  using namespace castera_step_tuned_problems_detail;
  const auto start = std::chrono::steady_clock::now();
  const StepTunedProblemsSettings s =
      parse_step_tuned_problems_settings(settings, file.path + ": \"" + options.scale + "\"");
  ProtocolResult result;
  result.name = file.name;
  result.kind = file.kind;
  const double window = s.common.budget_window, tol = s.common.tie_tolerance;

  std::vector<ProblemRuns> problems;
  std::string hypotheses;
  for (const auto& p : s.problems) {
    ProblemRuns pr;
    pr.context = make_run_context(p, s.common, options, file.name);
    if (!p.stands_in_for.empty())
      result.notes.push_back("problem (" + p.id + "): " + p.dataset + " with " + p.model + " stood in for " + p.stands_in_for);
    for (int reuse : s.batch_reuse)
      for (const auto& m : s.methods) {
        if (reuse != 1 && !m.batch_reuse_ablation) continue;
        MethodRun r = run_method(pr.context, m, {}, reuse == 1 ? m.label : m.label + " reuse" + std::to_string(reuse), reuse);
        if (!r.available && reuse == 1)
          result.notes.push_back("problem (" + p.id + "): method " + m.label + " NOT RUN: " + r.unavailable_reason);
        pr.runs.push_back(std::move(r));
      }
    std::vector<const MethodRun*> all;
    for (const auto& r : pr.runs) all.push_back(&r);
    pr.budget = common_budget(all);
    result.notes.push_back("problem (" + p.id + "): losses compared at " + shortest_decimal(pr.budget) +
                           " gradient evaluations (mean fresh mini-batch loss over the last " + shortest_decimal(window) +
                           " of them)");
    hypotheses += (hypotheses.empty() ? "" : "; ") + std::string("problem (") + p.id + ") " +
                  describe_context(pr.context, options.scale);
    problems.push_back(std::move(pr));
  }

  // The batch_reuse-1 losses of each problem (the methods that ran).
  std::vector<ProblemLosses> losses;
  for (const auto& pr : problems) {
    ProblemLosses pl;
    pl.problem = pr.context.problem.id;
    for (const auto& r : pr.runs)
      if (r.batch_reuse == 1 && r.available) pl.methods.push_back(labeled_budget_loss(r, pr.budget, window));
    losses.push_back(std::move(pl));
  }
  std::string unavailable;
  for (const auto& pr : problems)
    for (const auto& r : pr.runs)
      if (!r.available && r.batch_reuse == 1 && unavailable.find(r.method) == std::string::npos)
        unavailable += (unavailable.empty() ? "" : "; ") + r.method + " unavailable: " + r.unavailable_reason;

  auto finish = [&](QualitativeCheck c, const std::vector<const ProblemRuns*>& curves, bool reuse_curves) {
    c.id = "bench." + file.name + "." + c.id;
    c.hypotheses = hypotheses;
    if (!unavailable.empty()) c.summary += " [" + unavailable + "]";
    nlohmann::json budgets = nlohmann::json::object();
    for (const auto& pr : problems) budgets[pr.context.problem.id] = pr.budget;
    c.parameters = {{"budget_gradient_evaluations", budgets}, {"budget_window", window}, {"tie_tolerance", tol}};
    for (const ProblemRuns* pr : curves)
      for (const auto& r : pr->runs)
        if (reuse_curves || r.batch_reuse == 1)
          append_method_series(r, "problem (" + pr->context.problem.id + ")", c.series);
    c.seed = problems.front().context.common.seeds.front();
    c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json claim = to_claim_json(c);
    if (c.verdict == "refuted") {  // to_claim_json gave the measurements; add the run that reproduces them
      auto& counterexample = claim["evidence"]["counterexample"];
      counterexample["protocol"] = file.path;
      counterexample["scale"] = options.scale;
      counterexample["seeds"] = problems.front().context.common.seeds;
    }
    result.claims.push_back(claim);
  };
  auto problem_runs = [&](const std::string& id) -> const ProblemRuns* {
    for (const auto& pr : problems)
      if (pr.context.problem.id == id) return &pr;
    return nullptr;
  };
  auto problem_losses = [&](const std::string& id) -> const ProblemLosses* {
    for (const auto& pl : losses)
      if (pl.problem == id) return &pl;
    return nullptr;
  };
  std::vector<const ProblemRuns*> every;
  for (const auto& pr : problems) every.push_back(&pr);
  const std::string& st = s.labels.at("step_tuned");

  for (const auto& check : s.checks) {
    if (check == "step-tuned-beats-sgd") {
      finish(check_step_tuned_beats_sgd_on_most(losses, st, s.labels.at("sgd"), tol), every, false);
    } else if (check == "autoencoder-adaptive-beat-scalar") {
      finish(check_adaptive_beat_scalar_on_autoencoder(*problem_losses("d"), s.labels.at("adam"), s.labels.at("rmsprop"),
                                                       s.labels.at("sgd"), st, tol),
             {problem_runs("d")}, false);
    } else if (check == "batch-reuse-usually-hurts") {
      std::vector<PairOutcome> pairs;
      for (const auto& pr : problems)
        for (const auto& m : s.methods) {
          const MethodRun* once = pr.find(m.label, 1);
          const MethodRun* twice = pr.find(m.label, 2);
          if (!once || !twice || !once->available || !twice->available) continue;
          pairs.push_back({"(" + pr.context.problem.id + ") " + m.label, budget_loss(*once, pr.budget, window),
                           budget_loss(*twice, pr.budget, window)});
        }
      finish(check_batch_reuse_usually_hurts(pairs, tol), every, true);
    } else if (check == "batch-norm-helps-step-tuned") {
      auto get = [&](const std::string& id) {
        const LabeledLoss* l = problem_losses(id)->find(st);
        LabeledLoss out = l ? *l : LabeledLoss{st, summarize_losses({})};
        out.label = st + " (" + id + ")";
        return out;
      };
      if (!problem_losses("f")->find(st) || !problem_losses("e")->find(st)) {
        QualitativeCheck c = check_batch_norm_helps_step_tuned({}, {}, tol);
        c.verdict = "inconclusive";
        c.figures = nlohmann::json::object();
        c.summary = st + " was not measured on both (e) and (f)";
        finish(c, {problem_runs("e"), problem_runs("f")}, false);
      } else {
        finish(check_batch_norm_helps_step_tuned(get("f"), get("e"), tol), {problem_runs("e"), problem_runs("f")}, false);
      }
    } else if (check == "inna-among-top-three") {
      finish(check_inna_among_top(losses, s.labels.at("inna"), 3, {"e"}, tol), every, false);
    }
  }

  for (const auto& pr : problems)
    for (const auto& r : pr.runs) {
      auto b = method_benchmark(r, "bench." + file.name + ".(" + pr.context.problem.id + ")." + r.label,
                                pr.context, pr.budget, window);
      nlohmann::json series = nlohmann::json::array();
      append_method_series(r, "problem (" + pr.context.problem.id + ") " + r.label, series);
      b["series"] = series;
      result.benchmarks.push_back(b);
    }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace ov::gpu::bench
