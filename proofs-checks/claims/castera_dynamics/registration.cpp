#include "proofs-checks/claims/castera_dynamics/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_castera_dynamics_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
