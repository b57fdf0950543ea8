#include "proofs-checks/claims/survey_adaptive_sam/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/adaptive.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/esam_asam.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/sam_flatness.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/sam_inner.hpp"

namespace ov::claims {

void register_survey_adaptive_sam_claims(Catalog& c) {
  c.add(survey_sam::sam_dual_norm_claim());
  c.add(survey_sam::sam_first_order_accuracy_claim());
  c.add(survey_sam::sam_flat_preference_claim());
  c.add(survey_sam::esam_swp_unbiased_claim());
  c.add(survey_sam::esam_swp_printed_scalar_claim());
  c.add(survey_sam::esam_sds_partition_claim());
  c.add(survey_sam::asam_invariance_claim());
  c.add(survey_sam::asam_invariance_any_scaling_claim());
  c.add(survey_sam::adam_bias_correction_claim());
  c.add(survey_sam::adam_bias_exponent_k_claim());
  c.add(survey_sam::scalar_second_moment_claim());
}

}  // namespace ov::claims
