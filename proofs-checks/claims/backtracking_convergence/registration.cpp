#include "proofs-checks/claims/backtracking_convergence/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/backtracking_convergence/capture.hpp"
#include "proofs-checks/claims/backtracking_convergence/conjecture_5_1.hpp"
#include "proofs-checks/claims/backtracking_convergence/example_2_8_cost_sequence.hpp"
#include "proofs-checks/claims/backtracking_convergence/example_2_9_abs.hpp"
#include "proofs-checks/claims/backtracking_convergence/morse_tilt.hpp"
#include "proofs-checks/claims/backtracking_convergence/saddle_escape.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_11_momentum.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_7_inexact.hpp"

namespace ov::claims {

void register_backtracking_convergence_claims(Catalog& c) {
  c.add(btconv::theorem_2_1_outcomes_claim());
  c.add(btconv::theorem_2_3_saddle_escape_claim());
  c.add(btconv::conjecture_5_1_claim());
  c.add(btconv::capture_claim());
  c.add(btconv::theorem_2_7_inexact_claim());
  c.add(btconv::example_2_8_claim());
  c.add(btconv::example_2_9_claim());
  c.add(btconv::theorem_2_11_momentum_claim());
  c.add(btconv::morse_tilt_claim());
}

}  // namespace ov::claims
