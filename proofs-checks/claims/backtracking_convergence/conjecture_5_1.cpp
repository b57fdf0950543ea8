#include "proofs-checks/claims/backtracking_convergence/conjecture_5_1.hpp"

#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {

EscapeStudy conjecture_5_1_study(bool quick) {
  EscapeStudy s;
  s.targets = {nesterov_saddle(), double_well_saddle()};
  s.radii = {0.5, 2.0};
  s.runs_per_radius = quick ? 60 : 2000;
  s.threshold = 0.9;
  s.options.max_steps = 3000;
  s.statement_label =
      "P(the orbit accumulates at the saddle | z_0 uniform in a ball of radius 1/2 or 2 around it) <= 0.1";
  return s;
}

Claim conjecture_5_1_claim() {
  Claim c;
  c.id = "backtracking.conjecture-5-1-evidence";
  c.title = "Conjecture 5.1 (open): starts whose Backtracking GD orbit accumulates at a saddle are rare (Monte-Carlo evidence)";
  c.source = {"000_47ba9189a2c8a171.txt", "5, Conjecture 5.1", "", "L652-L658"};
  c.also_in = {{"001_ca0824e53e7404e9.txt", "Main Theorem: comments; open questions", "", "S-L611-S-L613"}};
  c.hypotheses =
      "f C^1 and C^2 near its critical points; Backtracking GD (8), delta0 = 1, alpha = beta = 1/2; functions with a "
      "single saddle (nesterov_example, double_well)";
  c.statement =
      "document (a conjecture): the set of z_0 whose cluster points contain a saddle point has Lebesgue measure 0. "
      "Measured statement: for z_0 uniform in balls of radius 1/2 and 2 around the saddle, the proportion of orbits "
      "accumulating at the saddle is <= 0.1 (Clopper-Pearson 95%)";
  c.check =
      "2000 (quick: 60) seeded uniform starts per ball, each run classified (outcomes.hpp), escape proportions with "
      "Clopper-Pearson and Wilson intervals; control starts on the stable manifold {x2 = 0} converge to the saddle. "
      "Evidence for an open conjecture, never a proof: 'holds' means the measurement is consistent with it.";
  c.precision = {"double", {"double", "mp50"}, "as backtracking.theorem-2-3-saddle-escape"};
  c.run = [](const RunContext& ctx) {
    return check_saddle_escape(conjecture_5_1_study(ctx.quick), library_backtracking_gd_rule(), ctx);
  };
  return c;
}

}  // namespace ov::claims::btconv
