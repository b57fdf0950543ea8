#include "proofs-checks/claims/backtracking_step_invariants/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/gd_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/inexact_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/mmt_nag_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/two_way_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/step_bound.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/remark_2_6.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/abs_power_step_decay.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/theorem_2_5.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/lemma_3_1.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/wolfe_comparison.hpp"

namespace ov::claims {

void register_backtracking_step_invariants_claims(Catalog& c) {
  c.add(bt_invariants::gd_step_invariants_claim());
  c.add(bt_invariants::inexact_step_invariants_claim());
  c.add(bt_invariants::two_way_step_invariants_claim());
  c.add(bt_invariants::mmt_nag_step_invariants_claim());
  c.add(bt_invariants::step_lower_bound_claim());
  c.add(bt_invariants::quadratic_step_formula_claim());
  c.add(bt_invariants::lemma_3_1_claim());
  c.add(bt_invariants::abs_power_step_decay_claim());
  c.add(bt_invariants::theorem_2_5_claim());
  c.add(bt_invariants::remark_2_6_claim());
  c.add(bt_invariants::wolfe_comparison_claim());
}

}  // namespace ov::claims
