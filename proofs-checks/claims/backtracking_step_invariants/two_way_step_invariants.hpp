// Claim "backtracking.two-way-step-invariants": Two-way Backtracking GD: Armijo, cap delta0, lattice, one-step maximality, descent, proof inequality and telescoping.
// Source: {"000_47ba9189a2c8a171.txt", "2.5", "(7), Two-way Backtracking GD", "L241"}; guide seed-000-001-backtracking.md invariants I1-I5. Engine: step_invariants_common.hpp.
#pragma once

#include "proofs-checks/claims/backtracking_step_invariants/step_invariants_common.hpp"

namespace ov::claims::bt_invariants {

InvariantSpec two_way_spec();
Claim two_way_step_invariants_claim();

}  // namespace ov::claims::bt_invariants
