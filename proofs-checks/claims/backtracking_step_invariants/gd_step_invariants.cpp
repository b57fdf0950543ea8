#include "proofs-checks/claims/backtracking_step_invariants/gd_step_invariants.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec gd_spec() {
  InvariantSpec s;
  s.rule_label = "Backtracking GD (A3)";
  s.full_maximality = true;
  return s;
}

Claim gd_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.gd-step-invariants";
  c.title = "Backtracking GD: lattice, cap, maximality, descent, proof inequality and telescoping at every step";
  c.source = {"000_47ba9189a2c8a171.txt", "2.1; 3 (proof of Thm 2.1)", "(7)-(8), L452", "L89-L101, L448-L452"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Part 4: Armijo's condition (Backtracking GD)", "", "S-L536-L544"}};
  c.hypotheses = "f C^1 (here smooth polynomial library problems); delta0 > 0, 0 < alpha, beta < 1; z_{n+1} = z_n - delta_n grad f(z_n) with delta_n = delta(f, delta0, z_n) the largest delta0 beta^k satisfying (7)";
  c.statement = "for every n: 0 < delta_n <= delta0 and delta_n in {delta0 beta^k}; (7) holds at delta_n and fails at every larger lattice point (maximality); f(z_{n+1}) <= f(z_n); f(z_n) - f(y_n) >= alpha ||grad f(z_n)|| ||y_n - z_n|| at y_n = z_n - delta_n grad f(z_n) (L452, written there for alpha = 1/2); sum_{k<=n} alpha delta_k ||grad f(z_k)||^2 <= f(z_0) - f(z_{n+1})";
  c.check = gradient_rule_invariants_check();
  c.precision = {"double", {"double", "rational"},
                 "double decides when |value| > error_ulps * eps * scale; otherwise exact rational (polynomial problems)"};
  c.run = [](const RunContext& ctx) { return check_step_invariants(gd_spec(), invariant_config(ctx, false), probe_backtracking_gd(), ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
