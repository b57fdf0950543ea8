// Registers the claims of proofs-checks/claims/castera_step_tuned/: Step-Tuned SGD (002 Chapter 4), nonsmooth issues, remaining errata.
#pragma once

namespace ov::claims {

class Catalog;
void register_castera_step_tuned_claims(Catalog& c);

}  // namespace ov::claims
