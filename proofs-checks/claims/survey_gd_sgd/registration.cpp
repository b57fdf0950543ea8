#include "proofs-checks/claims/survey_gd_sgd/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/survey_gd_sgd/gd_convex_rate.hpp"
#include "proofs-checks/claims/survey_gd_sgd/halving.hpp"
#include "proofs-checks/claims/survey_gd_sgd/minibatch_error.hpp"
#include "proofs-checks/claims/survey_gd_sgd/momentum_oscillation.hpp"
#include "proofs-checks/claims/survey_gd_sgd/sgd_shape.hpp"

namespace ov::claims {

void register_survey_gd_sgd_claims(Catalog& c) {
  c.add(survey::halving_step_bound_claim());
  c.add(survey::halving_stationary_erratum_claim());
  c.add(survey::prop1_gd_convex_rate_claim());
  c.add(survey::gd_convex_textbook_bound_claim());
  c.add(survey::minibatch_error_corrected_claim());
  c.add(survey::minibatch_single_sigma_erratum_claim());
  c.add(survey::prop2_fixed_step_plateau_claim());
  c.add(survey::prop2_decreasing_steps_claim());
  c.add(survey::prop3_minibatch_plateau_claim());
  c.add(survey::prop2_factor_eta_erratum_claim());
  c.add(survey::momentum_oscillation_claim());
}

}  // namespace ov::claims
