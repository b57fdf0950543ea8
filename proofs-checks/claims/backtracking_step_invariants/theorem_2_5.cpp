#include "proofs-checks/claims/backtracking_step_invariants/theorem_2_5.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/problems/problem.hpp"
#include "analysis/problems/problem_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/step_invariants_common.hpp"

namespace ov::claims::bt_invariants {

Finding check_theorem_2_5(const std::vector<std::string>& problems, const RunContext& ctx) {
  Finding out;
  optim::SplitMix64 rng(ctx.seed);
  const int N = ctx.quick ? 200 : 800, starts = ctx.quick ? 2 : 5;
  const double beta = 0.5;
  int runs = 0, bounded = 0, diverged = 0, max_tail_values = 0, truncated = 0;
  double global_min = 1e300;
  std::optional<nlohmann::json> cex;
  for (const auto& name : problems) {
    if (cex) break;
    const problems::Problem p = problems::make_problem(name);
    problems::ProblemObjective<double> obj(p);
    for (int s = 0; s < starts && !cex; ++s) {
      DVec x(p.dim());
      for (int i = 0; i < p.dim(); ++i)
        x[i] = p.info().box_lo.at(i) + (p.info().box_hi.at(i) - p.info().box_lo.at(i)) * rng.uniform();
      const DVec x0 = x;
      optim::BacktrackingGd<double> bt(1.0, 0.5, beta);
      optim::Oracle<double> oracle(obj);
      std::vector<double> d;
      bool stationary = false;
      double maxnorm = 0;
      for (int n = 0; n < N; ++n) {
        // The rounding floor: once alpha delta0 ||g||^2 <= 1e4 eps (|f| + sum |g_i||z_i|), the double Armijo test is
        // decided by rounding noise (the search then collapses and refuses); the theorem is about exact arithmetic,
        // so the measurement stops there.
        DVec g;
        const double fz = obj.value_and_gradient(x, g);
        if (0.5 * g.squaredNorm() <= 1e4 * 0x1p-52 * (std::abs(fz) + g.cwiseAbs().dot(x.cwiseAbs()))) {
          ++truncated;
          break;
        }
        const auto rep = bt.step(oracle, x);
        if (rep.status == optim::StepStatus::stationary) {
          stationary = true;
          break;
        }
        if (!rep.step_size || rep.refused()) break;
        d.push_back(*rep.step_size);
        maxnorm = std::max(maxnorm, x.norm());
      }
      ++runs;
      if (maxnorm > 1e6) {
        ++diverged;
        continue;
      }
      ++bounded;
      if (d.size() < 8) continue;  // reached a critical point exactly: nothing to measure
      const std::size_t q = d.size() / 4;
      const double m_early = *std::min_element(d.begin() + q, d.begin() + 2 * q);
      const double m_late = *std::min_element(d.begin() + 3 * q, d.end());
      const double m_all = *std::min_element(d.begin(), d.end());
      global_min = std::min(global_min, m_all);
      const std::set<double> tail(d.begin() + 2 * q, d.end());
      max_tail_values = std::max<int>(max_tail_values, static_cast<int>(tail.size()));
      if (runs <= 3) {
        std::vector<double> ns;
        for (std::size_t n = 0; n < d.size(); ++n) ns.push_back(static_cast<double>(n));
        out.evidence.series.push_back(series(fmt::format("{} start {}", name, s), "Theorem 2.5: delta_n of Backtracking GD",
                                             "measured", ns, d, "n", "delta_n", false, true));
      }
      // inf delta_n > 0 as measured: the minimum over the last quarter is not more than one lattice step below the
      // minimum over the second quarter (a sequence with delta_n -> 0 keeps dropping).
      if (m_late < beta * beta * m_early && !stationary) {
        cex = nlohmann::json{{"problem", name},           {"start", {x0[0], x0.size() > 1 ? x0[1] : 0.0}},
                             {"min_delta_second_quarter", m_early}, {"min_delta_last_quarter", m_late},
                             {"steps", d.size()},          {"seed", ctx.seed}};
      }
    }
  }
  out.precision = "double";
  out.evidence.figures = {{"runs", runs},         {"bounded_runs", bounded},   {"diverged_runs", diverged},
                          {"min_delta_n", global_min}, {"max_distinct_tail_values", max_tail_values}, {"N", N},
                          {"runs_stopped_at_the_rounding_floor", truncated}};
  if (cex) {
    out.verdict = Verdict::refuted;
    out.evidence.counterexample = *cex;
    out.evidence.summary = fmt::format("delta_n keeps decreasing on {}: min over the last quarter {:.3g} < beta^2 x min "
                                       "over the second quarter {:.3g}: no positive infimum in sight",
                                       (*cex)["problem"].get<std::string>(), (*cex)["min_delta_last_quarter"].get<double>(),
                                       (*cex)["min_delta_second_quarter"].get<double>());
  } else if (bounded == 0) {
    out.verdict = Verdict::inconclusive;
    out.evidence.summary = "no bounded run";
  } else {
    out.verdict = Verdict::holds;
    out.evidence.summary = fmt::format(
        "evidence: {} bounded Backtracking GD runs ({} steps, delta0 = 1, alpha = beta = 1/2) on Morse problems: the "
        "minimum of delta_n over the last quarter is never below beta^2 times the minimum over the second quarter, the "
        "smallest delta_n is {:.4g} > 0, and the last half takes at most {} distinct lattice values (the finite set of "
        "the Section 2.4 heuristic); {} runs diverged; {} runs stopped at the double rounding floor (alpha delta0 ||g||^2 <= "
        "1e4 eps (|f| + sum |g_i z_i|), where the double Armijo test is rounding noise)",
        bounded, N, global_min, max_tail_values, diverged, truncated);
  }
  return out;
}

Claim theorem_2_5_claim() {
  Claim c;
  c.id = "backtracking.theorem-2-5-inf-step-positive";
  c.title = "Theorem 2.5(1): a bounded Backtracking GD orbit has inf_n delta_n > 0 when grad f is locally Lipschitz";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1, Theorem 2.5(1)", "(8)", "L149-L157"};
  c.hypotheses = "f C^1 with countably many critical points, grad f locally Lipschitz near each (here: Morse polynomials "
                 "double_well, rosenbrock, himmelblau, three_hump_camel, nesterov_example); delta0 = 1, alpha = beta = 1/2";
  c.statement = "either ||z_n|| -> infinity or inf_n delta(f, delta0, z_n) > 0";
  c.check = "Seeded starts in each box, N steps (quick 200, full 800) of optim::BacktrackingGd<double>; a bounded run "
            "whose minimum delta_n over the last quarter is below beta^2 times the minimum over the second quarter "
            "(still falling) refutes; a run stops at the double rounding floor (alpha delta0 ||g||^2 <= 1e4 eps (|f| + "
            "sum |g_i z_i|)), where the double test cannot resolve (7); otherwise the measured minimum and the number of distinct tail values are the "
            "evidence (a finite run cannot prove an infimum). The test's false variant drops the hypothesis: abs_power.";
  c.precision = {"double", {"double"}, "step sizes are exact lattice points; only comparisons of them"};
  c.run = [](const RunContext& ctx) {
    return check_theorem_2_5({"double_well", "rosenbrock", "himmelblau", "three_hump_camel", "nesterov_example"}, ctx);
  };
  return c;
}

}  // namespace ov::claims::bt_invariants
