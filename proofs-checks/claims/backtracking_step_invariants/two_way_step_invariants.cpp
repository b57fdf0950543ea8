#include "proofs-checks/claims/backtracking_step_invariants/two_way_step_invariants.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec two_way_spec() {
  InvariantSpec s;
  s.rule_label = "Two-way Backtracking GD (A9)";
  s.full_maximality = false;
  s.compare_with_backtracking = true;
  return s;
}

InvariantConfig two_way_config(const RunContext& ctx) {
  InvariantConfig c;
  c.problems = invariant_problems(ctx.quick);
  c.params = draw_params(ctx.seed, ctx.quick ? 1 : 4, false);
  c.starts = ctx.quick ? 1 : 2;
  c.steps = ctx.quick ? 30 : 120;
  return c;
}

Claim two_way_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.two-way-step-invariants";
  c.title = "Two-way Backtracking GD: Armijo, cap delta0, lattice, one-step maximality, descent, proof inequality, telescoping";
  c.source = {"000_47ba9189a2c8a171.txt", "2.5", "(7), Two-way Backtracking GD", "L241"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Two-way Backtracking GD", "", "S-L650-L664"}};
  c.hypotheses = "f C^1 (smooth polynomial library problems); the paper's cap delta0 (L241; the slides say 'say 100', S-L664) and delta_{-1} = delta0 (not stated in 000; the library's default); 0 < alpha, beta < 1";
  c.statement = "for every n: (7) at delta_n; 0 < delta_n <= delta0 and delta_n in {delta0 beta^k}; maximality as the paper's algorithm defines it: delta_n = delta0 or (7) fails at delta_n / beta (the shrink stops at the first success after a failure, the growth before a failure or at the cap) - not the global maximality of Backtracking GD; f(z_{n+1}) <= f(z_n); the proof inequality and the telescoping bound of Backtracking GD";
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
  c.run = [](const RunContext& ctx) { return check_step_invariants(two_way_spec(), two_way_config(ctx), probe_two_way_backtracking_gd(), ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
