#include "proofs-checks/claims/castera_dynamics/lyapunov_din_decrease.hpp"

#include <fmt/core.h>

#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"

namespace ov::claims::castera_dyn {

Finding check_din_energy_decrease(const DinField& field, const RunContext& ctx) {
  Finding out;
  out.precision = "mp50";
  optim::SplitMix64 rng(ctx.seed);
  std::optional<nlohmann::json> cex;
  const std::vector<std::string> names = ctx.quick ? std::vector<std::string>{"castera_quartic", "himmelblau"}
                                                   : std::vector<std::string>{"castera_quartic", "himmelblau",
                                                                              "rosenbrock"};
  // (alpha, beta): the thesis's default (1/2, 1/10), Fig. 2.1's (13/10, 1/10), Fig. 3.2's (2, 1), and (1/2, 1).
  const std::vector<std::pair<long, long>> ab10 = {{5, 1}, {13, 1}, {20, 10}, {5, 10}};
  const int starts = ctx.quick ? 1 : 2;
  const mp50 tol = ctx.quick ? mp50("1e-12") : mp50("1e-16");
  const int samples = 51;
  const mp50 T(4);
  std::vector<mp50> times;
  for (int k = 0; k < samples; ++k) times.push_back(T * k / (samples - 1));
  int runs = 0, failed = 0;
  std::string first_failure;
  double worst_increase = -1e300, min_total_decrease = 1e300;
  for (const auto& name : names) {
    if (cex) break;
    const problems::Problem problem = problems::make_problem(name);
    problems::ProblemObjective<mp50> J(problem);
    const int p = problem.dim();
    for (int s = 0; s < starts && !cex; ++s) {
      const auto [a10, b10] = ab10[rng.below(ab10.size())];
      const mp50 alpha = mp50(a10) / 10, beta = mp50(b10) / 10;
      Vec<mp50> th0(p);
      for (int i = 0; i < p; ++i) th0[i] = mp50(static_cast<long>(rng.below(17)) - 8) / 4;
      const Vec<mp50> g0 = J.gradient(th0);
      if (g0.isZero()) continue;
      Vec<mp50> z0(2 * p);
      z0 << th0, Vec<mp50>((mp50(1) - alpha * beta) * th0 - (beta * beta - beta) * g0);  // L1481
      std::string failure;
      const auto zs = integrate_samples(field.m, J, alpha, beta, z0, times, tol, 5000000, &failure);
      ++runs;
      if (!failure.empty()) {
        ++failed;
        if (first_failure.empty()) first_failure = name + ": " + failure;
      }
      const int got = static_cast<int>(zs.size());
      std::vector<double> tx, ex, jx;
      std::vector<mp50> E;
      for (int k = 0; k < got; ++k) {
        E.push_back(energy(J, alpha, beta, zs[k]));
        tx.push_back(to_double(times[k]));
        ex.push_back(to_double(E.back()));
        jx.push_back(to_double(J.value(Vec<mp50>(zs[k].head(p)))));
      }
      for (int k = 1; k < got; ++k) {
        const mp50 inc = E[k] - E[k - 1];
        const mp50 thr = mp50(10000) * tol * (mp50(1) + abs(E[k - 1]));
        worst_increase = std::max(worst_increase, to_double(mp50(inc / (mp50(1) + abs(E[k - 1])))));
        if (inc > thr && !cex)
          cex = nlohmann::json{{"problem", name}, {"alpha", ov::to_string(alpha)}, {"beta", ov::to_string(beta)},
                               {"theta_0", {to_double(th0[0]), to_double(th0[p - 1])}},
                               {"t0", to_double(times[k - 1])}, {"t1", to_double(times[k])},
                               {"E_t0", ov::to_string(E[k - 1])}, {"E_t1", ov::to_string(E[k])},
                               {"threshold", ov::to_string(thr)}, {"seed", ctx.seed}};
      }
      if (got < samples) continue;  // the integration stopped early: no total to compare
      const mp50 total = E.front() - E.back();
      min_total_decrease = std::min(min_total_decrease, to_double(total));
      if (!(total > 0) && !cex)
        cex = nlohmann::json{{"problem", name}, {"alpha", ov::to_string(alpha)}, {"beta", ov::to_string(beta)},
                             {"E_0", ov::to_string(E.front())}, {"E_T", ov::to_string(E.back())},
                             {"meaning", "no strict decrease from a start outside S"}, {"seed", ctx.seed}};
      if (runs <= 2) {
        const std::string plot = fmt::format("DIN on {}: E(t) and J(theta(t)) (alpha = {}, beta = {}, mp50)", name,
                                             to_double(alpha), to_double(beta));
        out.evidence.series.push_back(series(plot, "E(t)", "measured", tx, ex, "t", "value", false, false));
        out.evidence.series.push_back(series(plot, "J(theta(t))", "measured", tx, jx, "t", "value", false, false));
      }
    }
  }
  out.parameters = {{"problems", names}, {"starts_per_problem", starts}, {"tolerance", ov::to_string(tol)},
                    {"horizon", 4}, {"samples", samples}, {"field", field.name}};
  out.evidence.figures = {{"runs", runs},
                          {"integrations_failed", failed},
                          {"max_relative_increase_between_samples", worst_increase},
                          {"min_total_decrease", min_total_decrease}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("E increases along DIN on {} beyond the integration tolerance (mp50)",
                                       (*cex)["problem"].get<std::string>());
  } else if (failed > 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = fmt::format("{} of {} integrations stopped early (first: {}); no increase of E before",
                                       failed, runs, first_failure);
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "E is non-increasing along {} DIN trajectories integrated in mp50 (largest relative change between samples "
        "{:.3g}, i.e. a decrease) and strictly smaller at t = 4 (smallest total decrease {:.4g})",
        runs, worst_increase, min_total_decrease);
  }
  return out;
}

Claim din_energy_decrease_claim() {
  Claim c;
  c.id = "castera.lyapunov.decrease-along-din";
  c.title = "E = 2(1 + alpha beta) J + ||w||^2 decreases along DIN trajectories (Lemma 2.6), measured in mp50";
  c.source = {"002_dc929347c6f8ce02.txt", "2.4.4, Definition 2.3, Lemma 2.6", "(2.17), (2.21)", "L1191-L1236"};
  c.hypotheses = "J in C^1 (castera_quartic, himmelblau, rosenbrock); (alpha, beta) in {(1/2, 1/10), (13/10, 1/10), "
                 "(2, 1), (1/2, 1)}; (theta_0, psi_0) not in S";
  c.statement = "E(theta(t), psi(t)) is non-increasing and E(theta(t), psi(t)) < E(theta_0, psi_0) for t > 0";
  c.check = "(2.6) integrated in mp50 by Dormand-Prince 5(4) (tolerance 1e-16; quick 1e-12) from seeded theta_0 with "
            "the thesis's psi_0 (initial velocity -grad J(theta_0)); E at 51 times in [0, 4]: no increase beyond "
            "1e4 x tolerance x (1 + |E|) between samples, and E(4) < E(0)";
  c.precision = {"mp50", {"mp50"}, "integration in mp50; threshold from the integrator tolerance"};
  c.run = [](const RunContext& ctx) { return check_din_energy_decrease(library_din_field(), ctx); };
  return c;
}

}  // namespace ov::claims::castera_dyn
