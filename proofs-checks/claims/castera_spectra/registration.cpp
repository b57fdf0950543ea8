#include "proofs-checks/claims/castera_spectra/registration.hpp"

#include "proofs-checks/catalog.hpp"

namespace ov::claims {

void register_castera_spectra_claims(Catalog& c) {
  (void)c;
}

}  // namespace ov::claims
