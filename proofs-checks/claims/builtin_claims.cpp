#include "proofs-checks/claims/builtin_claims.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/backtracking_armijo.hpp"
#include "proofs-checks/claims/gd_linear_rate.hpp"
#include "proofs-checks/claims/inna_first_step.hpp"

namespace ov::claims {

void register_builtin_claims(Catalog& c) {
  c.add(backtracking::armijo_every_step_claim());
  c.add(castera::first_step_gradient_claim());
  c.add(sgd_survey::gd_linear_rate_claim());
}

}  // namespace ov::claims
