// Registers the claims of proofs-checks/claims/backtracking_counterexamples/: Standard GD counterexamples, Theorems 2.13/2.16, Example 2.17, Lemma 3.2, errata (000/001).
#pragma once

namespace ov::claims {

class Catalog;
void register_backtracking_counterexamples_claims(Catalog& c);

}  // namespace ov::claims
