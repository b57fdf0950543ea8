#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

#include "optim/rules/backtracking_gd.hpp"

namespace ov::claims::btconv {

NamedRule library_backtracking_gd_rule() {
  return {"backtracking_gd(delta0=1, alpha=1/2, beta=1/2)", [](std::uint64_t) {
            return std::unique_ptr<optim::Optimizer<double>>(
                std::make_unique<optim::BacktrackingGd<double>>(1.0, 0.5, 0.5));
          }};
}

std::vector<Target> theorem_2_1_targets(bool quick) {
  const std::vector<std::string> names =
      quick ? std::vector<std::string>{"double_well", "nesterov_example", "ring", "abs_power", "smoothed_abs",
                                       "cubic_linear", "exp"}
            : std::vector<std::string>{"double_well", "nesterov_example", "himmelblau", "three_hump_camel",
                                       "styblinski_tang", "rosenbrock", "ring", "abs_power", "smoothed_abs",
                                       "cubic_linear", "exp"};
  std::vector<Target> t;
  for (const auto& n : names) t.push_back(library_target(n));
  return t;
}

OutcomeStudy theorem_2_1_study(const std::vector<NamedRule>& rules, bool quick) {
  OutcomeStudy s;
  s.targets = theorem_2_1_targets(quick);
  s.rules = rules;
  s.starts = quick ? 6 : 100;
  s.options.max_steps = quick ? 3000 : 20000;
  return s;
}

Finding check_theorem_2_1(const std::vector<NamedRule>& rules, const RunContext& ctx) {
  return check_outcomes(theorem_2_1_study(rules, ctx.quick), ctx);
}

Claim theorem_2_1_outcomes_claim() {
  Claim c;
  c.id = "backtracking.theorem-2-1-outcomes";
  c.title = "Theorem 2.1: every Backtracking GD orbit diverges or converges to a critical point (outcome classifier)";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1, Theorem 2.1 (1)-(3)", "(8)", "L107-L113, L119"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Main Theorem 1)-3)", "", "S-L581-S-L594"}};
  c.hypotheses =
      "f C^1; z_{n+1} = z_n - delta(f, delta0, z_n) grad f(z_n) (8) with delta0 = 1, alpha = beta = 1/2 (the "
      "proofs' alpha, L444); (2): at most countably many critical points; (3): compact critical components";
  c.statement =
      "(1) ||z_n|| -> infinity or ||z_{n+1} - z_n|| -> 0; (2) with countably many critical points, ||z_n|| -> "
      "infinity or z_n converges to a critical point; (3) with compact critical components, ||z_n|| -> infinity or "
      "{z_n} is bounded with a connected cluster set; with no critical point (e^t, L119) the orbit diverges. "
      "Measured: no run ends 'other'";
  c.check =
      "Run optim::BacktrackingGd<double> from 100 (quick: 6) seeded uniform starts in the box of each function (Morse polynomials, "
      "ring (x^2+y^2-1)^2, |x|^(3/2), Huber |x|, x^3 - 3x, e^t) for up to 20000 steps (quick: 3000) and classify each "
      "run: diverged (||z|| > 1e6, non-finite, or below every critical value and moving outward over the last half: "
      "then no cluster point can exist), converged (moved <= 1e-8 over the last 50 steps and ||grad f(z_N)|| <= 1e-6 (1 + |f(z_N)|) "
      "evaluated in mp50 at the binary64 z_N), else other (non-vanishing steps, stalled away from the critical set, "
      "refused: refute; unresolved: inconclusive). On the ring every bounded run's limit lies on the unit circle "
      "(part 3; a single limit point is a connected cluster set). Evidence from a finite sample, not a proof.";
  c.precision = {"double", {"double", "mp50"},
                 "the gradient norm at the final iterate is confirmed in mp50 (exact embedding of the binary64 "
                 "iterate), where double's cancellation (e.g. r^2 - 1 on the ring) cannot decide"};
  c.run = [](const RunContext& ctx) { return check_theorem_2_1({library_backtracking_gd_rule()}, ctx); };
  return c;
}

}  // namespace ov::claims::btconv
