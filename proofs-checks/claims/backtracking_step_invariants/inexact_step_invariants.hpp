// Claim "backtracking.inexact-step-invariants": Inexact Backtracking GD: (4)-(5), Armijo (6), lattice, maximality, descent, proof inequality and telescoping at every step.
// Source: {"000_47ba9189a2c8a171.txt", "2.2", "(4)-(6), i)-iii)", "L169-L181"}; guide seed-000-001-backtracking.md invariants I1-I5. Engine: step_invariants_common.hpp.
#pragma once

#include "proofs-checks/claims/backtracking_step_invariants/step_invariants_common.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec inexact_spec();
Claim inexact_step_invariants_claim();

}  // namespace ov::claims::bt_invariants
