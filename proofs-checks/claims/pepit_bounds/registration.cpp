#include "proofs-checks/claims/pepit_bounds/registration.hpp"

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/pepit_bounds/bounds.hpp"

namespace ov::claims {

void register_pepit_bounds_claims(Catalog& c) {
  c.add(pepit::gd_convex_claim());
  c.add(pepit::gd_nonconvex_claim());
  c.add(pepit::contraction_claim());
  c.add(pepit::line_search_claim());
  c.add(pepit::random_search_claim());
  c.add(pepit::worst_cases_claim());
}

}  // namespace ov::claims
