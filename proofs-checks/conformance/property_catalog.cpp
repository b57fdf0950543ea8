#include <algorithm>
#include <stdexcept>

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
  const std::vector<std::string> suites = selected_suites(s.declared);
  std::vector<Property> out;
  for (auto& p : all_properties()) {
    if (std::find(suites.begin(), suites.end(), p.suite) != suites.end()) out.push_back(std::move(p));
  }
  return out;
}

Property find_property(const Subject& s, const std::string& id) {
  std::string valid;
  for (auto& p : applicable_properties(s)) {
    if (p.id == id) return p;
    valid += (valid.empty() ? "" : ", ") + p.id;
  }
  throw std::invalid_argument("conformance: property '" + id + "' is not among those applicable to '" + s.name +
                              "' (valid: " + valid + ")");
}

std::vector<claims::Claim> conformance_claims(const Subject& s, int cases) {
  validate(s);
  if (cases < 1) throw std::invalid_argument("conformance: cases = " + std::to_string(cases) + " is outside [1, inf)");
  std::vector<claims::Claim> out;
  for (const auto& p : applicable_properties(s)) out.push_back(to_claim(p, s, cases, s.origin));
  return out;
}

}  // namespace ov::conformance
