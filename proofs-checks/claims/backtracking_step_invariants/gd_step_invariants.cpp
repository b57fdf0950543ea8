#include "proofs-checks/claims/backtracking_step_invariants/gd_step_invariants.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec gd_spec() {
  InvariantSpec s;
  s.rule_label = "Backtracking GD (A3)";
  s.full_maximality = true;
  return s;
}

InvariantConfig gd_config(const RunContext& ctx) {
  InvariantConfig c;
  c.problems = invariant_problems(ctx.quick);
  c.params = draw_params(ctx.seed, ctx.quick ? 1 : 4, false);
  c.starts = ctx.quick ? 1 : 2;
  c.steps = ctx.quick ? 30 : 120;
  return c;
}

Claim gd_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.gd-step-invariants";
  c.title = "Backtracking GD: lattice, cap, maximality, descent, proof inequality and telescoping at every step";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1; 3 (proof of Thm 2.1)", "(7)-(8), L452", "L89-L101, L448-L452"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Part 4: Armijo's condition (Backtracking GD)", "", "S-L536-L544"}};
  c.hypotheses = "f C^1 (here smooth polynomial library problems); delta0 > 0, 0 < alpha, beta < 1; z_{n+1} = z_n - delta_n grad f(z_n) with delta_n = delta(f, delta0, z_n) the largest delta0 beta^k satisfying (7)";
  c.statement = "for every n: 0 < delta_n <= delta0 and delta_n in {delta0 beta^k}; (7) holds at delta_n and fails at every larger lattice point (maximality); f(z_{n+1}) <= f(z_n); f(z_n) - f(y_n) >= alpha ||grad f(z_n)|| ||y_n - z_n|| at y_n = z_n - delta_n grad f(z_n) (L452, written there for alpha = 1/2); sum_{k<=n} alpha delta_k ||grad f(z_k)||^2 <= f(z_0) - f(z_{n+1})";
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
  c.run = [](const RunContext& ctx) { return check_step_invariants(gd_spec(), gd_config(ctx), probe_backtracking_gd(), ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
