// Registers the claims of proofs-checks/claims/pepit_bounds/: Tight worst-case bounds of first-order methods (PEPit's closed forms, guide anchors-optimizers.md §3) checked by running iterates in mp100.
#pragma once

namespace ov::claims {

class Catalog;
void register_pepit_bounds_claims(Catalog& c);

}  // namespace ov::claims
