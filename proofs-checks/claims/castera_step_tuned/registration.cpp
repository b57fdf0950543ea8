#include "proofs-checks/claims/castera_step_tuned/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_castera_step_tuned_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
