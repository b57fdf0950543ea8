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

Claim inexact_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.inexact-step-invariants";
  c.title = "Inexact Backtracking GD: (4)-(5), Armijo (6), lattice, maximality, descent, proof inequality, telescoping";
  c.source = {"000_47ba9189a2c8a171.txt", "2.2", "(4)-(6), i)-iii)", "L169-L181"};
  c.hypotheses = "f C^1 (smooth polynomial library problems); A1 = 1/2, A2 = 2, mu = 1/2 (library defaults; the paper gives constraints only), delta0 > 0, 0 < alpha, beta < 1; v_n the library's perturbed-gradient direction; delta_n the largest delta0 beta^k with Armijo (6) along v_n";
  c.statement = "for every n: v_n satisfies (4)-(5); f(z_n - delta_n v_n) - f(z_n) <= -alpha delta_n <grad f(z_n), v_n>; 0 < delta_n <= delta0 on {delta0 beta^k} and every larger lattice point fails (6); f(z_{n+1}) <= f(z_n); f(z_n) - f(y_n) >= alpha mu ||grad f(z_n)|| ||y_n - z_n|| at y_n = z_n - delta_n v_n (Armijo + (5)); sum_k alpha delta_k <grad f(z_k), v_k> <= f(z_0) - f(z_{n+1})";
  c.check = gradient_rule_invariants_check();
  c.precision = {"double", {"double", "rational"},
                 "double decides when |value| > error_ulps * eps * scale; otherwise exact rational (polynomial problems)"};
  c.run = [](const RunContext& ctx) { return check_step_invariants(inexact_spec(), invariant_config(ctx, false), probe_inexact_backtracking_gd(), ctx); };
  return c;
}

}  // namespace ov::claims::bt_invariants
