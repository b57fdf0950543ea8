// Claim "backtracking.armijo-every-step": every step accepted by Backtracking GD satisfies
// Armijo's condition (000_47ba9189a2c8a171.txt, Section 2.1, (7)-(8), L89-L101;
// guide seed-000-001-backtracking.md A3 and invariant I1):
//
//   f(z_n - delta_n grad f(z_n)) - f(z_n) <= -alpha delta_n ||grad f(z_n)||^2.
//
// Check: run the rule (in double, as deployed) on several polynomial problems of the
// library from seeded starts in each problem's box; at every accepted step n take the
// iterate z_n and the step delta_n (exact binary64 numbers) and decide the sign of the
// slack  s_n = f(z_n - delta_n g) - f(z_n) + alpha delta_n ||g||^2,  g = grad f(z_n), in real
// arithmetic with the precision ladder double -> mp50 -> mp100 -> interval -> rational
// (the problems are polynomials, so the rational rung is exact and always decides).
// s_n > 0 beyond the double rounding margin (decided positive already by the double rung) is
// a counterexample (verdict refuted). s_n > 0 within the double margin (decided positive only by
// mp50 or above) is a floating-point acceptance: the rule tests (7) in double and cannot tell such
// an s_n from 0; it is not evidence against (7) in exact arithmetic, and is counted and shown in the
// evidence ("accepted_within_double_rounding"). Otherwise holds (the runs are a sample, not a
// proof); an undecided s_n gives inconclusive.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::backtracking {

struct ArmijoCheckConfig {
  std::vector<std::string> problems;  // registry names of rational-exact problems
  int starts = 3;                     // seeded starts per problem
  int steps = 60;                     // iterations per run (fewer if the rule stops)
  // The rule's hyper-parameters as exact constants; the decision uses alpha exactly.
  std::string delta0 = "1", alpha = "1/2", beta = "1/2";
};

// The rule under test, made from (delta0, alpha, beta) rounded to double.
using RuleFactory =
    std::function<std::unique_ptr<optim::Optimizer<double>>(double delta0, double alpha, double beta)>;

// The library's rule: optim::BacktrackingGd<double>.
RuleFactory library_backtracking_gd();

// The configurations the claim runs (the paper's proofs use alpha = 1/2, L356; its
// experiments alpha = 1e-4, beta = 1/2, L580); `quick` gives a smaller search.
std::vector<ArmijoCheckConfig> armijo_configs(bool quick);

// Runs the check for each configuration with `rule`; the verdict is refuted at the first
// counterexample.
Finding check_armijo_every_step(const std::vector<ArmijoCheckConfig>& configs, const RuleFactory& rule,
                                const RunContext& ctx);

Claim armijo_every_step_claim();

}  // namespace ov::claims::backtracking
