// Registers the claims of proofs-checks/claims/survey_adaptive_sam/: Adaptive methods and SAM in Ghojogh and Ghodsi's survey (004 §6-7): AdaGrad/RMSProp/Adam as printed, SAM's dual norm and accuracy, ESAM, ASAM.
#pragma once

namespace ov::claims {

class Catalog;
void register_survey_adaptive_sam_claims(Catalog& c);

}  // namespace ov::claims
