#include "proofs-checks/claims/castera_dynamics/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/castera_dynamics/din_equivalence.hpp"
#include "proofs-checks/claims/castera_dynamics/din_steady_states.hpp"
#include "proofs-checks/claims/castera_dynamics/lyapunov_identity.hpp"
#include "proofs-checks/claims/castera_dynamics/lyapunov_family.hpp"
#include "proofs-checks/claims/castera_dynamics/lemma25_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/e_lambda_endpoint_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/gradient_system.hpp"
#include "proofs-checks/claims/castera_dynamics/gradient_system_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/minibatch_noise_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/lyapunov_din_decrease.hpp"
#include "proofs-checks/claims/castera_dynamics/inna_energy_decrease.hpp"
#include "proofs-checks/claims/castera_dynamics/din_rate.hpp"
#include "proofs-checks/claims/castera_dynamics/kl_exponent.hpp"
#include "proofs-checks/claims/castera_dynamics/inna_valley.hpp"

namespace ov::claims {

void register_castera_dynamics_claims(Catalog& c) {
  c.add(castera_dyn::din_equivalence_claim());
  c.add(castera_dyn::steady_states_claim());
  c.add(castera_dyn::energy_rate_identity_claim());
  c.add(castera_dyn::e_lambda_family_claim());
  c.add(castera_dyn::lemma25_erratum_claim());
  c.add(castera_dyn::e_lambda_endpoint_erratum_claim());
  c.add(castera_dyn::gradient_system_claim());
  c.add(castera_dyn::gradient_system_erratum_claim());
  c.add(castera_dyn::minibatch_noise_erratum_claim());
  c.add(castera_dyn::din_energy_decrease_claim());
  c.add(castera_dyn::inna_energy_decrease_claim());
  c.add(castera_dyn::din_rate_claim());
  c.add(castera_dyn::kl_exponent_claim());
  c.add(castera_dyn::inna_valley_claim());
}

}  // namespace ov::claims
