#include "proofs-checks/claims/builtin_claims.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/backtracking_armijo.hpp"
#include "proofs-checks/claims/gd_linear_rate.hpp"
#include "proofs-checks/claims/inna_first_step.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/registration.hpp"
#include "proofs-checks/claims/backtracking_convergence/registration.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/registration.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/registration.hpp"
#include "proofs-checks/claims/castera_dynamics/registration.hpp"
#include "proofs-checks/claims/castera_spectra/registration.hpp"
#include "proofs-checks/claims/castera_step_tuned/registration.hpp"
#include "proofs-checks/claims/fleischmann_gd/registration.hpp"
#include "proofs-checks/claims/fleischmann_sgd/registration.hpp"
#include "proofs-checks/claims/fleischmann_landscape/registration.hpp"
#include "proofs-checks/claims/survey_gd_sgd/registration.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/registration.hpp"
#include "proofs-checks/claims/pepit_bounds/registration.hpp"

namespace ov::claims {

void register_builtin_claims(Catalog& c) {
  c.add(backtracking::armijo_every_step_claim());
  c.add(castera::first_step_gradient_claim());
  c.add(sgd_survey::gd_linear_rate_claim());
  register_backtracking_step_invariants_claims(c);
  register_backtracking_convergence_claims(c);
  register_backtracking_counterexamples_claims(c);
  register_backtracking_step_heuristics_claims(c);
  register_castera_dynamics_claims(c);
  register_castera_spectra_claims(c);
  register_castera_step_tuned_claims(c);
  register_fleischmann_gd_claims(c);
  register_fleischmann_sgd_claims(c);
  register_fleischmann_landscape_claims(c);
  register_survey_gd_sgd_claims(c);
  register_survey_adaptive_sam_claims(c);
  register_pepit_bounds_claims(c);
}

const Catalog& builtin_catalog() {
  static const Catalog cat = [] {
    Catalog c;
    register_builtin_claims(c);
    return c;
  }();
  return cat;
}

}  // namespace ov::claims
