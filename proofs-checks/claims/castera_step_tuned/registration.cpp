#include "proofs-checks/claims/castera_step_tuned/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/castera_step_tuned/ad_kinks.hpp"
#include "proofs-checks/claims/castera_step_tuned/batch_independence.hpp"
#include "proofs-checks/claims/castera_step_tuned/clip_factor.hpp"
#include "proofs-checks/claims/castera_step_tuned/d_critical_inna.hpp"
#include "proofs-checks/claims/castera_step_tuned/erratum_alg6.hpp"
#include "proofs-checks/claims/castera_step_tuned/erratum_proof_constants.hpp"
#include "proofs-checks/claims/castera_step_tuned/erratum_unbiasedness.hpp"
#include "proofs-checks/claims/castera_step_tuned/phi_bounds.hpp"
#include "proofs-checks/claims/castera_step_tuned/quadratic_curvature.hpp"
#include "proofs-checks/claims/castera_step_tuned/rate_thm42.hpp"
#include "proofs-checks/claims/castera_step_tuned/stochastic_gv.hpp"

namespace ov::claims {

void register_castera_step_tuned_claims(Catalog& c) {
  using namespace castera_step_tuned;
  c.add(rate_thm42_claim());
  c.add(phi_bounds_claim());
  c.add(clip_factor_claim());
  c.add(quadratic_curvature_claim());
  c.add(stochastic_gv_claim());
  c.add(batch_independence_claim());
  c.add(ad_kinks_claim());
  c.add(inna_d_critical_claim());
  c.add(unbiasedness_erratum_claim());
  c.add(c2_squared_erratum_claim());
  c.add(min_index_erratum_claim());
  c.add(alg6_erratum_claim());
}

}  // namespace ov::claims
