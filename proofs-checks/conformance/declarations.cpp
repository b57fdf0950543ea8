#include "proofs-checks/conformance/declarations.hpp"

namespace ov::conformance {

std::vector<std::string> selected_suites(const Declarations& d) {
  std::vector<std::string> out = {"universal"};
  if (d.descent) out.push_back("descent");
  if (d.line_search) out.push_back("line_search");
  if (d.momentum) out.push_back("momentum");
  if (d.adaptive) out.push_back("adaptive");
  if (d.fixed_point) out.push_back("fixed_point");
  if (d.stochastic) out.push_back("stochastic");
  return out;
}

}  // namespace ov::conformance
