#include <algorithm>
#include <stdexcept>

#include <c10/core/Device.h>

#include "gpu/conformance/torch_subject.hpp"

namespace ov::conformance {

void validate(const TorchSubject& s) {
  if (s.name.empty()) throw std::invalid_argument("TorchSubject: name is empty");
  if (!s.make) throw std::invalid_argument("TorchSubject '" + s.name + "': make (the factory) is empty");
  try {
    (void)c10::Device(s.device);
  } catch (const std::exception&) {
    throw std::invalid_argument("TorchSubject '" + s.name + "': device = \"" + s.device +
                                "\" is not a device (e.g. cpu, cuda, cuda:0)");
  }
}

std::vector<TorchProperty> all_torch_properties() {
  std::vector<TorchProperty> out = torch_universal_properties();
  for (auto& p : torch_method_properties()) out.push_back(std::move(p));
  return out;
}

std::vector<TorchProperty> applicable_properties(const TorchSubject& s) {
  const std::vector<std::string> suites = selected_suites(s.declared);
  std::vector<TorchProperty> out;
  for (auto& p : all_torch_properties())
    if (std::find(suites.begin(), suites.end(), p.suite) != suites.end()) out.push_back(std::move(p));
  return out;
}

TorchProperty find_property(const TorchSubject& s, const std::string& id) {
  std::string valid;
  for (auto& p : applicable_properties(s)) {
    if (p.id == id) return p;
    valid += (valid.empty() ? "" : ", ") + p.id;
  }
  throw std::invalid_argument("conformance: property '" + id + "' is not among those applicable to '" + s.name +
                              "' (valid: " + valid + ")");
}

std::vector<claims::Claim> conformance_claims(const TorchSubject& s, int cases) {
  validate(s);
  if (cases < 1) throw std::invalid_argument("conformance: cases = " + std::to_string(cases) + " is outside [1, inf)");
  std::vector<claims::Claim> out;
  for (const auto& p : applicable_properties(s)) out.push_back(to_claim(p, s, cases, s.origin));
  return out;
}

}  // namespace ov::conformance
