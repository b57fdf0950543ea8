#include "proofs-checks/claims/backtracking_convergence/example_2_9_abs.hpp"

#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {

Finding check_example_2_9(const NamedRule& rule, const RunContext& ctx) {
  OutcomeStudy s;
  s.targets = {library_target("abs")};
  s.rules = {rule};
  s.starts = ctx.quick ? 20 : 1000;
  s.options.max_steps = 3000;
  s.statement_label = "every run on |x| converges to the (Clarke) critical point 0 or diverges";
  return check_outcomes(s, ctx);
}

Claim example_2_9_claim() {
  Claim c;
  c.id = "backtracking.example-2-9-nonsmooth-abs";
  c.title = "Example 2.9: Theorem 2.1 holds for the non-smooth f(x) = |x|";
  c.source = {"000_47ba9189a2c8a171.txt", "2.2, Example 2.9", "(8)", "L193"};
  c.hypotheses =
      "f(x) = |x| (directionally differentiable, derivative sign(x) locally bounded; the library returns 0 at 0); "
      "Backtracking GD (8) with delta0 = 1, alpha = beta = 1/2";
  c.statement = "the conclusions of Theorem 2.1 hold for |x|: every orbit converges to the critical point 0 (it is "
                "bounded below, so it cannot diverge)";
  c.check =
      "1000 (quick: 20) seeded uniform starts in [-2, 2], classified by outcomes.hpp with the nonsmooth criterion: "
      "converged when the last 50 steps moved <= 1e-8 in total and |z_N - 0| <= 1e-6 (the gradient is +-1 away from "
      "0, so its norm cannot be the test). Derived prediction (guide C16, not in the paper): sigma is accepted iff "
      "sigma <= 2|x|/(1+alpha), so |z_n| -> 0 geometrically; Standard GD cycles instead.";
  c.precision = {"double", {"double"}, "distances to 0 of binary64 iterates are exact in double"};
  c.run = [](const RunContext& ctx) { return check_example_2_9(library_backtracking_gd_rule(), ctx); };
  return c;
}

}  // namespace ov::claims::btconv
