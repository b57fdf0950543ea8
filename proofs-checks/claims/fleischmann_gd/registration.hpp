// Registers the claims of proofs-checks/claims/fleischmann_gd/: Gradient descent in Fleischmann's thesis (003 Ch. 3-4): optimality conditions, symmetries, descent lemma, the 2/L step, saddle avoidance, the Rayleigh criterion.
#pragma once

namespace ov::claims {

class Catalog;
void register_fleischmann_gd_claims(Catalog& c);

}  // namespace ov::claims
