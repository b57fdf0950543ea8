#include "proofs-checks/claims/backtracking_step_invariants/two_way_step_invariants.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec two_way_spec() {
  InvariantSpec s;
  s.rule_label = "Two-way Backtracking GD (A9)";
  s.full_maximality = false;
  s.compare_with_backtracking = true;
  return s;
}

Claim two_way_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.two-way-step-invariants";
  c.title = "Two-way Backtracking GD: Armijo, cap delta0, lattice, one-step maximality, descent, proof inequality, telescoping";
  c.source = {"000_47ba9189a2c8a171.txt", "2.5", "(7), Two-way Backtracking GD", "L241"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Two-way Backtracking GD", "", "S-L650-L664"}};
  c.hypotheses = "f C^1 (smooth polynomial library problems); the paper's cap delta0 (L241; the slides say 'say 100', S-L664) and delta_{-1} = delta0 (not stated in 000; the library's default); 0 < alpha, beta < 1";
  c.statement = "for every n: (7) at delta_n; 0 < delta_n <= delta0 and delta_n in {delta0 beta^k}; maximality as the paper's algorithm defines it: delta_n = delta0 or (7) fails at delta_n / beta (the shrink stops at the first success after a failure, the growth before a failure or at the cap) - not the global maximality of Backtracking GD; f(z_{n+1}) <= f(z_n); the proof inequality and the telescoping bound of Backtracking GD";
  c.check = gradient_rule_invariants_check();
  c.precision = {"double", {"double", "rational"},
                 "double decides when |value| > error_ulps * eps * scale; otherwise exact rational (polynomial problems)"};
  c.run = [](const RunContext& ctx) { return check_step_invariants(two_way_spec(), invariant_config(ctx, false), probe_two_way_backtracking_gd(), ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
