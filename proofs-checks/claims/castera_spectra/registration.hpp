// Registers the claims of proofs-checks/claims/castera_spectra/: INNA/DIN Jacobian spectra, the step bound (3.20), saddle avoidance, Table 3.1, spirals (002 Chapter 3).
#pragma once

namespace ov::claims {

class Catalog;
void register_castera_spectra_claims(Catalog& c);

}  // namespace ov::claims
