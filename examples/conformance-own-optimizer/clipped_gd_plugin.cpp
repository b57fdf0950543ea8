// The example's optimizer as a plugin for `optverify conform --library libclipped_gd_plugin.so
// --optimizer clipped_warmup_gd`. It also exports a deliberately broken variant (an ascent
// step), which `optverify conform` refutes.
#include <vector>

#include "clipped_gd.hpp"
#include "proofs-checks/conformance/plugin.hpp"

namespace my_example {

void conformance_subjects(std::vector<ov::conformance::Subject>& out) {
  out.push_back(clipped_gd_subject());
  out.push_back(clipped_gd_subject(/*wrong_sign=*/true));
}

}  // namespace my_example

OPTVERIFY_CONFORMANCE_PLUGIN(my_example::conformance_subjects)
