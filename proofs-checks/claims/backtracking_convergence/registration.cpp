#include "proofs-checks/claims/backtracking_convergence/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_backtracking_convergence_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
