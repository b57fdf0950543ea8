// The LibTorch side of `optverify conform` (conform_command.hpp): only in builds with LibTorch.
#include "cli/conform_command.hpp"
#include "gpu/conformance/torch_subject.hpp"

namespace ov::cli {

ConformTarget torch_conform_target(const std::string& spec, int cases, const std::vector<std::string>& property_ids) {
  const conformance::TorchSubject s = conformance::torch_builtin_subject(spec);
  for (const auto& id : property_ids) conformance::find_property(s, id);  // unknown: invalid_argument
  ConformTarget t;
  t.name = s.name;
  t.origin = spec;
  t.claims = conformance::conformance_claims(s, cases);
  for (const auto& p : conformance::applicable_properties(s)) t.suite_of[p.id] = p.suite;
  return t;
}

std::vector<std::string> torch_conform_names() { return conformance::torch_builtin_subject_names(); }

std::vector<std::pair<std::string, std::string>> torch_conform_properties() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : conformance::all_torch_properties()) out.emplace_back(p.id, p.title);
  return out;
}

}  // namespace ov::cli
