#include "proofs-checks/claims/backtracking_counterexamples/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_backtracking_counterexamples_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
