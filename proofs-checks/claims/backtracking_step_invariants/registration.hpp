// Registers the claims of proofs-checks/claims/backtracking_step_invariants/: per-step invariants of the backtracking family, Lemma 3.1, the C^{1,1}_L step bound, Theorem 2.5 (000/001).
#pragma once

namespace ov::claims {

class Catalog;
void register_backtracking_step_invariants_claims(Catalog& c);

}  // namespace ov::claims
