// Registers the claims of proofs-checks/claims/backtracking_step_heuristics/: the heuristic of Section 2.4 and the Mexican hat experiment, Example 2.12 (000/001).
#pragma once

namespace ov::claims {

class Catalog;
void register_backtracking_step_heuristics_claims(Catalog& c);

}  // namespace ov::claims
