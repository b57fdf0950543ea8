// Claim "backtracking.conjecture-5-1-evidence" (000_47ba9189a2c8a171.txt Conjecture 5.1, L652-L658;
// slides S-L611-S-L613 and the open question S-L889-S-L905; guide C30): Monte-Carlo evidence that
// the set of starts whose Backtracking GD orbit accumulates at a saddle point has measure zero.
// An open conjecture: reported as evidence on a measured statement, never as a theorem.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/saddle_escape.hpp"

namespace ov::claims::btconv {

// nesterov_example and double_well (each has exactly one saddle, (0, 0)); starts uniform in balls of
// radius 1/2 and 2 around the saddle (the minima lie inside); threshold 0.9.
EscapeStudy conjecture_5_1_study(bool quick);

Claim conjecture_5_1_claim();

}  // namespace ov::claims::btconv
