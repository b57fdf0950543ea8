// Claim "backtracking.lemma-3-1-uniform-positivity" (000 Lemma 3.1, L346-L384; §2.1 L97; guide C1, C2):
// (1) the backtracking search terminates at every x; (2) inf_{x in K} delta(f, delta0, x) > 0 on a compact K
// where grad f does not vanish; and (L97) when grad f is locally Lipschitz this positivity is uniform on compact
// sets, so it does not degrade as K_r = box \ U_i B(c_i, r) approaches the critical points c_i.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

Finding check_lemma_3_1(const std::vector<std::string>& problems, const RunContext& ctx);
Claim lemma_3_1_claim();

}  // namespace ov::claims::bt_invariants
