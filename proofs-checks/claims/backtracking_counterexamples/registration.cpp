#include "proofs-checks/claims/backtracking_counterexamples/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_l241_limit_armijo.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_l419_lemma32_proof.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_l47_regularisation.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_mmt_termination.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_table2_margin.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_table3_slides.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex214_abs_power_cycle.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex215_smoothed_abs_period2.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex217_discontinuity.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex217_erratum_hprime.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex217_erratum_root.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/lemma32_dist.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/thm213_standard_gd.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/thm216_gd_jacobian.hpp"

namespace ov::claims {

void register_backtracking_counterexamples_claims(Catalog& c) {
  c.add(ex214::ex214_claim());
  c.add(ex215::ex215_claim());
  c.add(ex217::ex217_discontinuity_claim());
  c.add(ex217::ex217_one_positive_root_claim());
  c.add(ex217::ex217_h_prime_claim());
  c.add(lemma32::lemma32_claim());
  c.add(thm213::thm213_claim());
  c.add(thm216::thm216_claim());
  c.add(erratum_l47::l47_claim());
  c.add(erratum_l241::l241_claim());
  c.add(erratum_l419::l419_claim());
  c.add(erratum_table2::table2_claim());
  c.add(erratum_table3::table3_claim());
  c.add(erratum_mmt::mmt_termination_claim());
}

}  // namespace ov::claims
