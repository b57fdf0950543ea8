#include "proofs-checks/claims/backtracking_step_invariants/inexact_step_invariants.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec inexact_spec() {
  InvariantSpec s;
  s.rule_label = "Inexact Backtracking GD (A4)";
  s.full_maximality = true;
  s.mu = 0.5;
  s.direction_conditions = true;
  return s;
}

InvariantConfig inexact_config(const RunContext& ctx) {
  InvariantConfig c;
  c.problems = invariant_problems(ctx.quick);
  c.params = draw_params(ctx.seed, ctx.quick ? 1 : 4, false);
  c.starts = ctx.quick ? 1 : 2;
  c.steps = ctx.quick ? 30 : 120;
  return c;
}

Claim inexact_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.inexact-step-invariants";
  c.title = "Inexact Backtracking GD: (4)-(5), Armijo (6), lattice, maximality, descent, proof inequality, telescoping";
  c.source = {"000_47ba9189a2c8a171.txt", "2.2", "(4)-(6), i)-iii)", "L169-L181"};
  c.hypotheses = "f C^1 (smooth polynomial library problems); A1 = 1/2, A2 = 2, mu = 1/2 (library defaults; the paper gives constraints only), delta0 > 0, 0 < alpha, beta < 1; v_n the library's perturbed-gradient direction; delta_n the largest delta0 beta^k with Armijo (6) along v_n";
  c.statement = "for every n: v_n satisfies (4)-(5); f(z_n - delta_n v_n) - f(z_n) <= -alpha delta_n <grad f(z_n), v_n>; 0 < delta_n <= delta0 on {delta0 beta^k} and every larger lattice point fails (6); f(z_{n+1}) <= f(z_n); f(z_n) - f(y_n) >= alpha mu ||grad f(z_n)|| ||y_n - z_n|| at y_n = z_n - delta_n v_n (Armijo + (5)); sum_k alpha delta_k <grad f(z_k), v_k> <= f(z_0) - f(z_{n+1})";
  c.check =
      "Run the library rule in double from seeded uniform starts in each problem's box (quick: rosenbrock, double_well, "
      "himmelblau; full: + beale, styblinski_tang, three_hump_camel, nesterov_example, ring, wood) with (delta0, alpha, "
      "beta) = (1, 1/2, 1/2) (the proofs, L356), (1/100, 1/10000, 1/2) (the experiments, L580, L626) and seeded dyadic "
      "draws alpha = a/1024, beta = b/64 in [1/8, 15/16], delta0 = 2^j (j in [-6, 2]), exactly representable. At each "
      "accepted step every invariant is decided at the exact binary64 data: lattice membership bit for bit against the "
      "rule's binary64 lattice fl(beta fl(beta ... delta0)) and in rational against delta0 beta^k; Armijo, maximality, "
      "descent and the proof inequality (squared, no root) on the ladder double -> rational; Armijo, maximality and "
      "the proof inequality at the ideal point z_n - sigma_n w_n (exact gradient), descent and the telescoping sums at "
      "the actual iterates. A violation decided by the double rung (beyond its margin) refutes only when the exact "
      "rational value confirms it; one within the double margin is a floating-point artefact of the double rule, "
      "counted in the figures.";
  c.precision = {"double", {"double", "rational"},
                 "double decides when |value| > error_ulps * eps * scale; otherwise exact rational (polynomial problems)"};
  c.run = [](const RunContext& ctx) { return check_step_invariants(inexact_spec(), inexact_config(ctx), probe_inexact_backtracking_gd(), ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
