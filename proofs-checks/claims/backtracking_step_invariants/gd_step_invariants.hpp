// Claim "backtracking.gd-step-invariants": Backtracking GD: lattice, cap, maximality, monotone descent, proof inequality and telescoping at every step.
// Source: {"000_47ba9189a2c8a171.txt", "2.1; 3 (proof of Thm 2.1)", "(7)-(8); L448-L452", "L89-L101, L448-L452"}; guide seed-000-001-backtracking.md invariants I1-I5. Engine: step_invariants_common.hpp.
#pragma once

#include "proofs-checks/claims/backtracking_step_invariants/step_invariants_common.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec gd_spec();
Claim gd_step_invariants_claim();

}  // namespace ov::claims::bt_invariants
