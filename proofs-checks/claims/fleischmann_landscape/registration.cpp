#include "proofs-checks/claims/fleischmann_landscape/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/fleischmann_landscape/linear_landscape.hpp"
#include "proofs-checks/claims/fleischmann_landscape/width_thresholds.hpp"

namespace ov::claims {

void register_fleischmann_landscape_claims(Catalog& c) {
  c.add(landscape::baldi_hornik_claim());
  c.add(landscape::dauphin_claim());
  c.add(landscape::soudry_carmon_claim());
  c.add(landscape::soltanolkotabi_no_spurious_claim());
  c.add(landscape::soltanolkotabi_threshold_claim());
}

}  // namespace ov::claims
