// Claim "backtracking.ex-2-17-map-discontinuous" (000_47ba9189a2c8a171.txt, Section 2.6, Example 2.17,
// L310-L318): for f(x) = x^3 and delta0 a root of p(t) = 6t^2 - 6t + 1 (alpha = 1/2, implicit in L312),
// the Backtracking GD map g(x) = x - delta(f, delta0, x) f'(x) is not continuous at x = 1.
//
// Check (exact, in Q(sqrt 3)): at x = 1 find the accepted lattice index k* (Armijo slack
// s_k(1) = f(1 - sigma_k f'(1)) - f(1) + alpha sigma_k f'(1)^2, sigma_k = delta0 beta^k). The map is
// discontinuous at 1 iff the accepted slack is an exact equality s_{k*}(1) = 0 with a nonzero
// x-derivative (then s_{k*} > 0 on one side of 1, where delta drops below delta0 beta^{k*}, while
// delta(1) = delta0 beta^{k*}: a jump of at least (1 - beta) delta0 beta^{k*} f'(1) in g); it is
// continuous at 1 iff every slack s_k(1), k <= k*, is nonzero (delta is then locally constant).
// Both conditions are decided exactly, so either verdict is a proof (holds-certified / refuted).
// The evidence adds delta(f, delta0, x) on both sides (exact), and what double precision decides at
// x = 1 (the library's BacktrackingGd<double> with delta0 rounded to double): it rejects delta0.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::ex217 {

using bt_cex::QS3;

struct Ex217Input {
  std::string label;  // e.g. "delta0 = (3 - sqrt 3)/6"
  QS3 delta0;
  rational alpha, beta;
};

// The paper's two roots of 6t^2 - 6t + 1 (alpha = 1/2, beta = 1/2).
std::vector<Ex217Input> paper_inputs();

// Armijo slack of f(x) = x^3 at rational x with step sigma: f(x - sigma f'(x)) - f(x) + alpha sigma f'(x)^2.
QS3 cube_slack(const rational& x, const QS3& sigma, const rational& alpha);
// The backtracking index k of delta(f, delta0, x) = delta0 beta^k (first k with slack <= 0); -1 if none
// below max_k.
int cube_backtracking_index(const rational& x, const QS3& delta0, const rational& alpha, const rational& beta,
                            int max_k = 200);

Finding check_ex217_discontinuity(const std::vector<Ex217Input>& inputs, const RunContext& ctx);
Claim ex217_discontinuity_claim();

}  // namespace ov::claims::ex217
