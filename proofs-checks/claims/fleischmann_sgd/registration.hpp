// Registers the claims of proofs-checks/claims/fleischmann_sgd/: SGD in Fleischmann's thesis (003 §4.3-4.5): unbiasedness and mini-batch variance, Lemmas 4.5/4.7, Theorems 4.8/4.9, Corollaries 4.10/4.11 with the exact expectation oracle, Robbins-Monro status of the schedules.
#pragma once

namespace ov::claims {

class Catalog;
void register_fleischmann_sgd_claims(Catalog& c);

}  // namespace ov::claims
