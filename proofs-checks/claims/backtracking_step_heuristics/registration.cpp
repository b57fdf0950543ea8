#include "proofs-checks/claims/backtracking_step_heuristics/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/cubic_oscillation.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/lr_finder_stability.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_convergence.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_curve.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/nesterov_start.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/small_alpha.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/step_tail.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/two_way_comparison.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/two_way_stabilisation.hpp"

namespace ov::claims {

void register_backtracking_step_heuristics_claims(Catalog& c) {
  c.add(step_tail::step_tail_claim());
  c.add(two_way_stabilisation::two_way_stabilisation_claim());
  c.add(two_way_comparison::two_way_comparison_claim());
  c.add(mexican_hat_convergence::mexican_hat_convergence_claim());
  c.add(mexican_hat_curve::curve_escape_claim());
  c.add(nesterov_start::nesterov_start_claim());
  c.add(cubic_oscillation::not_c11_claim());
  c.add(small_alpha::small_alpha_claim());
  c.add(lr_finder_stability::finder_stability_claim());
}

}  // namespace ov::claims
