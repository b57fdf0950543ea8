#include "proofs-checks/conformance/core_properties.hpp"

namespace ov::conformance {

std::vector<Property> all_properties() {
  std::vector<Property> out;
  for (auto suite : {universal_properties, descent_properties, line_search_properties, momentum_properties,
                     adaptive_properties, fixed_point_properties, stochastic_properties}) {
    for (auto& p : suite()) out.push_back(std::move(p));
  }
  return out;
}

std::vector<Property> applicable_properties(const Subject& s) {
  return select_applicable(all_properties(), s.declared);
}

Property find_property(const Subject& s, const std::string& id) {
  return find_applicable(applicable_properties(s), id, s.name);
}

std::vector<claims::Claim> conformance_claims(const Subject& s, int cases) {
  validate(s);
  return claims_of(applicable_properties(s), s, cases);
}

}  // namespace ov::conformance
