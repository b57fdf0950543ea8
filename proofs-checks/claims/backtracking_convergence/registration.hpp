// Registers the claims of proofs-checks/claims/backtracking_convergence/: Theorem 2.1 outcomes, Theorem 2.3 / Conjecture 5.1 saddle escape, Theorems 2.7 and 2.11 (000/001).
#pragma once

namespace ov::claims {

class Catalog;
void register_backtracking_convergence_claims(Catalog& c);

}  // namespace ov::claims
