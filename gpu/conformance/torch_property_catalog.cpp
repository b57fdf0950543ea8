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
  return select_applicable(all_torch_properties(), s.declared);
}

TorchProperty find_property(const TorchSubject& s, const std::string& id) {
  return find_applicable(applicable_properties(s), id, s.name);
}

std::vector<claims::Claim> conformance_claims(const TorchSubject& s, int cases) {
  validate(s);
  return claims_of(applicable_properties(s), s, cases);
}

}  // namespace ov::conformance
