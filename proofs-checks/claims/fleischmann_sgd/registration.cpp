#include "proofs-checks/claims/fleischmann_sgd/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/fleischmann_sgd/minibatch_moments.hpp"
#include "proofs-checks/claims/fleischmann_sgd/schedules.hpp"
#include "proofs-checks/claims/fleischmann_sgd/sgd_diminishing.hpp"
#include "proofs-checks/claims/fleischmann_sgd/sgd_fixed_step.hpp"

namespace ov::claims {

void register_fleischmann_sgd_claims(Catalog& c) {
  using namespace fleischmann_sgd;
  c.add(minibatch_moments_claim());
  c.add(lemma_4_5_claim());
  c.add(lemma_4_7_claim());
  c.add(thm_4_8_claim());
  c.add(plateau_shape_claim());
  c.add(thm_4_9_claim());
  c.add(corollaries_claim());
  c.add(schedules_robbins_monro_claim());
  c.add(piecewise_schedule_definition_claim());
}

}  // namespace ov::claims
