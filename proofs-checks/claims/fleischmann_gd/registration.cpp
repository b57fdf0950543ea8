#include "proofs-checks/claims/fleischmann_gd/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/fleischmann_gd/efficiency.hpp"
#include "proofs-checks/claims/fleischmann_gd/optimality.hpp"
#include "proofs-checks/claims/fleischmann_gd/saddle.hpp"
#include "proofs-checks/claims/fleischmann_gd/smoothness.hpp"

namespace ov::claims {

void register_fleischmann_gd_claims(Catalog& c) {
  c.add(fgd::stationary_points_claim());
  c.add(fgd::symmetries_claim());
  c.add(fgd::descent_lemma_claim());
  c.add(fgd::gd_fixed_step_claim());
  c.add(fgd::rayleigh_criterion_claim());
  c.add(fgd::saddle_avoidance_claim());
  c.add(fgd::redundant_data_claim());
}

}  // namespace ov::claims
