#include "proofs-checks/claims/backtracking_step_heuristics/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_backtracking_step_heuristics_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
