#include "proofs-checks/claims/backtracking_step_invariants/mmt_nag_step_invariants.hpp"

#include <fmt/core.h>

namespace ov::claims::bt_invariants {

InvariantSpec mmt_nag_spec(const std::string& label) {
  InvariantSpec s;
  s.rule_label = label;
  s.full_maximality = true;
  s.top_is_one = true;
  s.mu = 0.5;
  s.direction_conditions = true;
  return s;
}

Finding check_mmt_nag(const ProbedRuleFactory& mmt, const ProbedRuleFactory& nag, const RunContext& ctx) {
  const InvariantConfig cfg = invariant_config(ctx, true);
  Finding a = check_step_invariants(mmt_nag_spec("Backtracking MMT (A7)"), cfg, mmt, ctx);
  if (a.verdict == Verdict::refuted) return a;
  Finding b = check_step_invariants(mmt_nag_spec("Backtracking NAG (A8)"), cfg, nag, ctx);
  if (b.verdict == Verdict::refuted) return b;
  Finding out = a;
  out.verdict = (a.verdict == Verdict::holds && b.verdict == Verdict::holds) ? Verdict::holds : Verdict::inconclusive;
  if (b.precision == "rational") out.precision = "rational";
  for (const auto& e : b.escalations) out.escalations.push_back(e);
  nlohmann::json fig = nlohmann::json::object();
  for (auto it = a.evidence.figures.begin(); it != a.evidence.figures.end(); ++it) fig["mmt_" + it.key()] = it.value();
  for (auto it = b.evidence.figures.begin(); it != b.evidence.figures.end(); ++it) fig["nag_" + it.key()] = it.value();
  out.evidence.figures = fig;
  for (const auto& s : b.evidence.series) out.evidence.series.push_back(s);
  out.parameters = {{"mmt", a.parameters}, {"nag", b.parameters}};
  out.evidence.summary = "MMT: " + a.evidence.summary + " | NAG: " + b.evidence.summary;
  return out;
}

Claim mmt_nag_step_invariants_claim() {
  Claim c;
  c.id = "backtracking.mmt-nag-step-invariants";
  c.title = "Backtracking MMT and NAG: (4)-(5) for w_n, Armijo (6), lattice, maximality, descent, proof inequality, telescoping";
  c.source = {"000_47ba9189a2c8a171.txt", "2.3", "Backtracking MMT / NAG, Thm 2.11", "L213-L225"};
  c.hypotheses =
      "f C^1 (smooth polynomial library problems); 0 < A1 = 1/2 < 1 < A2 = 2, mu = 1/2 (library defaults, the paper gives "
      "constraints only), delta0 in {1/2, 1, 2} within [A1, A2] (stage 1 terminates only then; not stated in 000), "
      "gamma0 = 9/10 or c/16, 0 < alpha, beta < 1; v_{-1} = 0; stage 2 searches sigma in {beta^k} from 1 along "
      "w_n = gamma'_n v_{n-1} + delta0 grad f(z_n) (MMT; L219 prints the NAG gradient, guide erratum 7.2) or "
      "gamma'_n v_{n-1} + delta0 grad f(z_n - gamma'_n v_{n-1}) (NAG: the library's reading of 'similar', L223)";
  c.statement =
      "for every n: w_n satisfies (4)-(5) against grad f(z_n) (condition i), which the proof of Thm 2.11 uses); "
      "f(z_n - sigma_n w_n) - f(z_n) <= -alpha sigma_n <grad f(z_n), w_n>; 0 < sigma_n <= 1 on {beta^k} (so "
      "delta_n = sigma_n delta0 <= delta0 and gamma_n <= gamma0) and every larger lattice point fails (6); "
      "f(z_{n+1}) <= f(z_n); f(z_n) - f(y_n) >= alpha mu ||grad f(z_n)|| ||y_n - z_n|| at y_n = z_n - sigma_n w_n; "
      "sum_k alpha sigma_k <grad f(z_k), w_k> <= f(z_0) - f(z_{n+1})";
  c.check =
      "Run optim::BacktrackingMomentum<double> and BacktrackingNesterov<double> (recording the accepted w_n through "
      "stage1_direction) from seeded starts on rosenbrock, double_well, himmelblau (full: 9 problems) with "
      "(delta0, alpha, beta) = (1, 1/2, 1/2) and seeded dyadic draws; (4)-(5) decided exactly in rational (squared form) "
      "against the rule's double gradient; the other invariants at the exact binary64 data on the ladder double -> "
      "rational, as for Backtracking GD (a double-decided violation refutes only when the exact rational value confirms it; "
      "one within the double margin is counted, not a counterexample).";
  c.precision = {"double", {"double", "rational"},
                 "double decides when |value| > error_ulps * eps * scale; otherwise exact rational; (4)-(5) always rational"};
  c.run = [](const RunContext& ctx) {
    return check_mmt_nag(probe_backtracking_momentum(), probe_backtracking_nesterov(), ctx);
  };
  return c;
}

}  // namespace ov::claims::bt_invariants
