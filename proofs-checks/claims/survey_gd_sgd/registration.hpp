// Registers the claims of proofs-checks/claims/survey_gd_sgd/: GD and SGD in Ghojogh and Ghodsi's survey (004 §2-5): halving line search, Propositions 1-3, the mini-batch error (36)/(37).
#pragma once

namespace ov::claims {

class Catalog;
void register_survey_gd_sgd_claims(Catalog& c);

}  // namespace ov::claims
