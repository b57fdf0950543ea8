#include "proofs-checks/claims/backtracking_step_invariants/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_backtracking_step_invariants_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
